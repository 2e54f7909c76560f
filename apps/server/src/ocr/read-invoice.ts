import type { ExtractedFields, OcrPage } from "@chalan/core";
import { normalizeImage } from "../images/normalize";
import type { OcrEngine } from "./ocr-engine";
import { surerReading } from "./surer-reading";

export interface InvoiceReading {
  fields: ExtractedFields;
  page: OcrPage;
  timings: { normalizeMs: number; readMs: number; secondReadingMs?: number };
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
  const { page, fields, secondReadingMs } = await surerReading(png, engine);
  const ms = (a: number, b: number) => Math.round(b - a);
  const timings = { normalizeMs: ms(t0, t1), readMs: ms(t1, performance.now()) };
  return {
    fields,
    page,
    timings: secondReadingMs === undefined ? timings : { ...timings, secondReadingMs },
  };
}
