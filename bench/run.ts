import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EngineThreads } from "../apps/server/src/ocr/engine-threads";
import { startBenchServer } from "./src/bench-server";
import { benchChecks } from "./src/checks";
import { benchExtraction, type Dataset } from "./src/extraction";
import { loadGenerated } from "./src/generated";
import { benchOutage, outagePages } from "./src/outage";
import {
  benchmarksMarkdown,
  type ChecksRecorded,
  type OutageRecorded,
  type Recorded,
  type WebRecorded,
} from "./src/report";
import { loadSroie } from "./src/sroie";
import { benchWebApp } from "./src/web-app";

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, "results");

/**
 * `npm run bench [-- extraction|web|outage|checks] [--dataset sroie] [--limit N] [--workers N]
 * [--seed N]` Results go to bench/results/<suite>-<dataset>.json and BENCHMARKS.md. `--seed`
 * generates other invoices than seed 1's (`<suite>-generated-s<N>.json`): the same tiers on pages
 * the extraction was not tuned on.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dataset: { type: "string", multiple: true },
    limit: { type: "string" },
    seed: { type: "string" },
    workers: { type: "string" },
  },
});
const suites = positionals.length > 0 ? positionals : ["extraction", "web", "outage", "checks"];
const limit = values.limit ? Number(values.limit) : Number.POSITIVE_INFINITY;
const seed = values.seed ? Number(values.seed) : 1;
const workers = values.workers ? Number(values.workers) : 1;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

const datasets: Record<string, () => Promise<Dataset>> = {
  generated: () => loadGenerated(Number.isFinite(limit) ? limit : 300, seed),
  sroie: () => loadSroie(limit),
};

for (const suite of suites) {
  if (suite === "web") {
    // The web app reads in the browser on the device: a phone-sized sample is enough.
    const dataset = await loadGenerated(Number.isFinite(limit) ? limit : 24);
    const record: WebRecorded = {
      suite,
      date: new Date().toISOString(),
      machine,
      result: await benchWebApp(dataset),
    };
    await mkdir(resultsDir, { recursive: true });
    await writeFile(path.join(resultsDir, "web-app.json"), `${JSON.stringify(record, null, 2)}\n`);
    console.log(JSON.stringify(record.result, null, 2));
    continue;
  }
  if (suite === "outage") {
    const server = await startBenchServer();
    try {
      const pages = await outagePages(Number.isFinite(limit) ? limit : 500);
      const record: OutageRecorded = {
        suite,
        date: new Date().toISOString(),
        machine,
        result: await benchOutage({ ...server, pages, onProgress: console.log }),
      };
      await mkdir(resultsDir, { recursive: true });
      await writeFile(path.join(resultsDir, "outage.json"), `${JSON.stringify(record, null, 2)}\n`);
      console.log(JSON.stringify(record.result, null, 2));
    } finally {
      await server.stop();
    }
    continue;
  }
  if (suite === "checks") {
    const server = await startBenchServer();
    try {
      const record: ChecksRecorded = {
        suite,
        date: new Date().toISOString(),
        machine,
        result: await benchChecks(server, Number.isFinite(limit) ? limit : 10_000),
      };
      await mkdir(resultsDir, { recursive: true });
      await writeFile(path.join(resultsDir, "checks.json"), `${JSON.stringify(record, null, 2)}\n`);
      console.log(JSON.stringify(record.result, null, 2));
    } finally {
      await server.stop();
    }
    continue;
  }
  if (suite !== "extraction")
    throw new Error(`unknown benchmark "${suite}"; known: extraction, web, outage, checks`);
  for (const name of values.dataset ?? Object.keys(datasets)) {
    const load = datasets[name];
    if (!load)
      throw new Error(`unknown dataset "${name}"; known: ${Object.keys(datasets).join(", ")}`);
    const engine = new EngineThreads({ threads: workers });
    const result = await benchExtraction(await load(), engine, workers);
    await engine.close();
    const record: Recorded = {
      suite,
      date: new Date().toISOString(),
      machine,
      engine:
        "tesseract.js 7: Bengali+English where the page shows Bengali, else English; photographed pages cut out, straightened and evenly lit; orientation, skew, ruled lines erased; PaddleOCR PP-OCRv4 (ONNX) finds the text lines, re-reads the figures and, on Latin pages, the lines Tesseract missed or was unsure of (Tesseract re-reads those it missed on Bengali pages, and in Bengali alone the words it took for unsure Latin letters; on Latin pages, in Bengali+English the lines whose unsure words hang from a Bengali headline); a faint page whose layout Tesseract gave up on is read line by line with Bengali+English when a sample of its lines so read shows Bengali; a code's Latin letters read as digits before Bengali ones are taken from PaddleOCR's reading; a page whose key fields came out unsure is read again through a 3×3 median filter and the surer reading kept; each page on a worker thread of its own",
      result,
    };
    await mkdir(resultsDir, { recursive: true });
    const file = name === "generated" && seed !== 1 ? `${name}-s${seed}` : name;
    await writeFile(
      path.join(resultsDir, `${suite}-${file}.json`),
      `${JSON.stringify(record, null, 2)}\n`,
    );
    const { chalan, baseline, ...rest } = result;
    console.log(
      JSON.stringify({ ...rest, chalan: chalan.fields, baseline: baseline.fields }, null, 2),
    );
  }
}

const records: Recorded[] = [];
let web: WebRecorded | undefined;
let outage: OutageRecorded | undefined;
let checks: ChecksRecorded | undefined;
for (const f of (await readdir(resultsDir)).filter((f) => f.endsWith(".json")).sort()) {
  const r = JSON.parse(await readFile(path.join(resultsDir, f), "utf8"));
  if (r.suite === "web") web = r;
  else if (r.suite === "outage") outage = r;
  else if (r.suite === "checks") checks = r;
  else if (r.result?.chalan) records.push(r);
}
// By data set: generated seed 1, then other seeds, then SROIE.
records.sort((a, b) => a.result.dataset.localeCompare(b.result.dataset, "en", { numeric: true }));
await writeFile(
  path.join(here, "..", "BENCHMARKS.md"),
  benchmarksMarkdown(records, { web, outage, checks }),
);
