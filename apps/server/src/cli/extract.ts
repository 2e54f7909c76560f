import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { type ExtractedFields, formatTaka, sniffFileKind } from "@chalan/core";
import { UnreadablePageError } from "../pipeline/extract-job";
import { createPageReader } from "../pipeline/page-reader";

type Result =
  | { file: string; fields: ExtractedFields; timings: { totalMs: number } }
  | { file: string; error: string };

/** `chalan extract <files...> [--json] [--jobs N]`: read invoices locally, no server needed. */
export async function runExtract(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, jobs: { type: "string" } },
  });
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new Error("--jobs takes a whole number from 1 to 64");
  if (files.length === 0) throw new Error("name at least one image file: chalan extract <file>...");

  const lanes = Math.min(jobs, files.length);
  // The server's own reader, so the CLI reads photos and PDFs exactly as uploads are read.
  const reader = createPageReader(lanes);
  const read = async (file: string): Promise<Result> => {
    try {
      const t0 = performance.now();
      const bytes = await readFile(file);
      const kind = sniffFileKind(bytes);
      if (!kind) return { file, error: "not a JPEG, PNG, WebP or PDF file" };
      const { fields } = await reader.readPage(bytes, kind.mime);
      return { file, fields, timings: { totalMs: Math.round(performance.now() - t0) } };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (e instanceof UnreadablePageError) return { file, error: e.message };
      if (err.code === "ENOENT") return { file, error: "no such file" };
      if (err.code === "EISDIR") return { file, error: "is a directory" };
      // Anything else (no permission, a failed OCR worker) is this file's error, not the batch's.
      return { file, error: err.message };
    }
  };

  // `lanes` files are read at a time; results print in input order as each and all before it end.
  const settle: ((r: Result) => void)[] = [];
  const results = files.map(
    (_, i) =>
      new Promise<Result>((resolve) => {
        settle[i] = resolve;
      }),
  );
  let next = 0;
  const lanesDone = Array.from({ length: lanes }, async () => {
    while (next < files.length) {
      const i = next++;
      settle[i]?.(await read(files[i] as string));
    }
  });

  let failures = 0;
  for (const result of results) {
    const r = await result;
    if ("error" in r) failures++;
    out.write(values.json ? `${JSON.stringify(toJson(r))}\n` : toText(r));
  }
  await Promise.all(lanesDone);
  await reader.close();
  return failures === 0 ? 0 : 1;
}

function toJson(r: Result) {
  if ("error" in r) return { file: r.file, error: r.error };
  const fields = Object.fromEntries(
    Object.entries(r.fields).map(([k, f]) => [
      k,
      { value: f?.value, confidence: f?.confidence, box: f?.box },
    ]),
  );
  return { file: r.file, fields, timings: r.timings };
}

function toText(r: Result): string {
  if ("error" in r) return `${r.file}: error: ${r.error}\n`;
  const f = r.fields;
  const total = f.total ? formatTaka(f.total.value) : "—";
  return [
    `${r.file}`,
    `  supplier  ${f.supplierName?.value ?? "—"}`,
    `  number    ${f.invoiceNumber?.value ?? "—"}`,
    `  date      ${f.issueDate?.value ?? "—"}`,
    `  total     ${total}${f.total ? `  (confidence ${f.total.confidence.toFixed(2)})` : ""}`,
    "",
  ].join("\n");
}
