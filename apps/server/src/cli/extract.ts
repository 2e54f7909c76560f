import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { formatTaka } from "@chalan/core";
import { ImageError } from "../images/decode";
import { type InvoiceReading, readInvoice } from "../ocr/read-invoice";
import { TesseractEngine } from "../ocr/tesseract-engine";

type Result = { file: string; reading: InvoiceReading } | { file: string; error: string };

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
  const engine = new TesseractEngine({ poolSize: lanes });
  const read = async (file: string): Promise<Result> => {
    try {
      // normalizeImage sniffs the bytes and refuses PDFs, HEIC and non-images in words for a clerk.
      return { file, reading: await readInvoice(await readFile(file), engine, "the file") };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (e instanceof ImageError) return { file, error: e.message };
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
  await engine.close();
  return failures === 0 ? 0 : 1;
}

function toJson(r: Result) {
  if ("error" in r) return { file: r.file, error: r.error };
  const fields = Object.fromEntries(
    Object.entries(r.reading.fields).map(([k, f]) => [
      k,
      { value: f?.value, confidence: f?.confidence, box: f?.box },
    ]),
  );
  return { file: r.file, fields, timings: r.reading.timings };
}

function toText(r: Result): string {
  if ("error" in r) return `${r.file}: error: ${r.error}\n`;
  const f = r.reading.fields;
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
