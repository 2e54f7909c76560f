import type { ExtractionResult, ReaderResult } from "./extraction";

export interface Recorded {
  suite: string;
  date: string;
  machine: string;
  engine: string;
  result: ExtractionResult;
}

const pct = (x: number | undefined) => (x === undefined ? "—" : x.toFixed(3));

function fieldTable(r: ExtractionResult): string {
  const rows = Object.entries(r.chalan.fields).map(([field, s]) => {
    const b: ReaderResult["fields"][string] | undefined = r.baseline.fields[field];
    return `| ${field} | ${s.support} | ${pct(s.accuracy)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${pct(b?.accuracy)} |`;
  });
  return [
    "| field | n | accuracy | precision | recall | F1 | baseline accuracy |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function tierTable(r: ExtractionResult): string {
  const fields = Object.keys(r.chalan.fields);
  return [
    `| tier | ${fields.join(" | ")} |`,
    `|---|${fields.map(() => "---").join("|")}|`,
    ...Object.entries(r.chalan.byTier).map(
      ([tier, scores]) =>
        `| ${tier} | ${fields.map((f) => pct(scores[f]?.accuracy)).join(" | ")} |`,
    ),
  ].join("\n");
}

function calibrationTable(r: ExtractionResult): string {
  return [
    "| confidence | fields | right | accuracy |",
    "|---|---|---|---|",
    ...r.chalan.calibration.map(
      (c) => `| ${c.bucket} | ${c.fields} | ${c.correct} | ${pct(c.accuracy)} |`,
    ),
  ].join("\n");
}

/** " (median by script: bn 3.1, en 1.2)", when the record has it. */
function byScript(r: ExtractionResult): string {
  const entries = Object.entries(r.medianSecondsByScript ?? {});
  return entries.length === 0
    ? ""
    : ` (median by script: ${entries.map(([s, x]) => `${s} ${x}`).join(", ")})`;
}

/** BENCHMARKS.md from every recorded suite, so running one suite keeps the others' numbers. */
export function benchmarksMarkdown(records: Recorded[]): string {
  const sections = records.map(({ suite, date, machine, engine, result: r }) =>
    [
      `## ${suite}: ${r.dataset} (${date.slice(0, 10)})`,
      "",
      `${r.images} images, ${engine}, ${r.workers} worker(s) on ${machine}. ` +
        `Seconds per page: median ${r.secondsPerPage.median}, p90 ${r.secondsPerPage.p90}${byScript(r)}; ` +
        `peak RSS ${r.peakRssMb} MB. The baseline is plain Tesseract text + regexes on the same OCR output.`,
      "",
      fieldTable(r),
      "",
      "Accuracy by tier (script / print or hand / degradation):",
      "",
      tierTable(r),
      "",
      "Calibration (all fields): a confidence of 0.9 or more should be right at least 90% of the time.",
      "",
      calibrationTable(r),
    ].join("\n"),
  );
  return `# Benchmarks

Written by \`npm run bench\` (\`npm run bench -- extraction --dataset sroie --limit 20\` for a quick run); raw
numbers, including every miss, are in \`bench/results/*.json\`. Targets (issue #3): generated set total ≥ 0.97,
issue date ≥ 0.97, supplier ≥ 0.93, invoice number ≥ 0.93, VAT ≥ 0.95; sroie-dev total ≥ 0.90, date ≥ 0.95,
company ≥ 0.85; ≤ 1.5 s per page per core; ≤ 1 GB RSS per worker.

${sections.join("\n\n")}
`;
}
