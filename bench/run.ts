import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchExtraction } from "./src/extraction";

const here = path.dirname(fileURLToPath(import.meta.url));

/** `npm run bench [-- extraction] [--limit N] [--workers N]`: results to bench/results and BENCHMARKS.md. */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: "string" }, workers: { type: "string" } },
});
const suites = positionals.length > 0 ? positionals : ["extraction"];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

for (const suite of suites) {
  if (suite !== "extraction") throw new Error(`unknown benchmark "${suite}"; known: extraction`);
  const result = await benchExtraction({
    limit: values.limit ? Number(values.limit) : Number.POSITIVE_INFINITY,
    workers: values.workers ? Number(values.workers) : 1,
  });
  const record = { suite, date: new Date().toISOString(), machine, ...result };
  await mkdir(path.join(here, "results"), { recursive: true });
  await writeFile(
    path.join(here, "results", `${suite}.json`),
    `${JSON.stringify(record, null, 2)}\n`,
  );
  const md = `# Benchmarks

Written by \`npm run bench\`; the raw numbers are in \`bench/results/*.json\`.

## Extraction (${record.date.slice(0, 10)}, ${machine})

The server's reading path — normalise, OCR, extract — on the ${result.images} real receipts of
\`../shared/datasets/sroie-dev\` (English, Malaysian; the Bangladeshi generated corpus is issue #3),
${result.workers} OCR worker(s).

| engine | total | date | company (sim ≥ 0.8) | s/page median | s/page p90 | peak RSS |
|---|---|---|---|---|---|---|
| ${result.engine} | ${result.accuracy.total} | ${result.accuracy.date} | ${result.accuracy.company} | ${result.secondsPerPage.median} | ${result.secondsPerPage.p90} | ${result.peakRssMb} MB |

Targets from issue #3 (sroie-dev): total ≥ 0.90, date ≥ 0.95, company ≥ 0.85; ≤ 1.5 s per page per core.
`;
  await writeFile(path.join(here, "..", "BENCHMARKS.md"), md);
  console.log(
    JSON.stringify({ ...record, misses: `${result.misses.length} (see results file)` }, null, 2),
  );
}
