import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { formatTaka, sniffFileKind } from "@chalan/core";
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

  const engine = new TesseractEngine({ poolSize: Math.min(jobs, files.length) });
  const read = async (file: string): Promise<Result> => {
    try {
      const bytes = await readFile(file);
      const kind = sniffFileKind(bytes);
      if (!kind) return { file, error: "not a JPEG, PNG or WebP image" };
      if (kind.kind === "pdf" || kind.kind === "heic") {
        return { file, error: `${kind.kind.toUpperCase()} files cannot be read by the CLI yet` };
      }
      return { file, reading: await readInvoice(bytes, engine, file) };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (e instanceof ImageError) return { file, error: e.message };
      if (err.code === "ENOENT") return { file, error: "no such file" };
      if (err.code === "EISDIR") return { file, error: "is a directory" };
      throw e;
    }
  };

  // Results print in input order as soon as each one and all before it are done.
  const results: Promise<Result>[] = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, files.length) }, async () => {
    while (next < files.length) {
      const i = next++;
      const slot = read(files[i] as string);
      results[i] = slot;
      await slot;
    }
  });
  let failures = 0;
  const printing = (async () => {
    for (let i = 0; i < files.length; i++) {
      while (results[i] === undefined) await new Promise((r) => setTimeout(r, 5));
      const r = await (results[i] as Promise<Result>);
      if ("error" in r) failures++;
      out.write(values.json ? `${JSON.stringify(toJson(r))}\n` : toText(r));
    }
  })();
  try {
    await Promise.all([...workers, printing]);
  } finally {
    await engine.close();
  }
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
