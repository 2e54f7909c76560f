import { type ExtractedFields, extractFields, type OcrPage } from "@chalan/core";
import { normalizeImage } from "../images/normalize";
import type { OcrEngine } from "./ocr-engine";

export interface InvoiceReading {
  fields: ExtractedFields;
  page: OcrPage;
  timings: { normalizeMs: number; ocrMs: number; extractMs: number };
}

/** One page image → fields: the step the queue worker and `chalan extract` share. */
export async function readInvoice(
  bytes: Buffer,
  engine: OcrEngine,
  label?: string,
): Promise<InvoiceReading> {
  const t0 = performance.now();
  const { png } = await normalizeImage(bytes, label);
  const t1 = performance.now();
  const page = await engine.recognize(png);
  const t2 = performance.now();
  const fields = extractFields(page);
  const t3 = performance.now();
  const ms = (a: number, b: number) => Math.round(b - a);
  return {
    fields,
    page,
    timings: { normalizeMs: ms(t0, t1), ocrMs: ms(t1, t2), extractMs: ms(t2, t3) },
  };
}
