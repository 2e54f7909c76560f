import { type ExtractedFields, type OcrPage, parseAmount, parseDate } from "@chalan/core";

/**
 * The "plain Tesseract + regex" reading the issue asks us to beat: flat text, no layout, no
 * Bengali labels, no arithmetic. Kept deliberately simple; it is the yardstick, not a product.
 */
export function baselineExtract(page: OcrPage): ExtractedFields {
  const lines = page.lines.map((l) => l.text);
  const fields: ExtractedFields = {};
  const totalLine = [...lines].reverse().find((l) => /total/i.test(l) && /\d/.test(l));
  const totalToken = totalLine?.match(/\d[\d,]*\.?\d*/g)?.at(-1);
  const total = totalToken ? parseAmount(totalToken) : null;
  if (total !== null) fields.total = { value: total, confidence: 0.5 };
  for (const line of lines) {
    const m = line.match(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/);
    const date = m ? parseDate(m[0]) : null;
    if (date) {
      fields.issueDate = { value: date, confidence: 0.5 };
      break;
    }
  }
  const supplier = lines.find((l) => (l.match(/[A-Za-z\u0980-\u09FF]/g)?.length ?? 0) >= 3);
  if (supplier) fields.supplierName = { value: supplier.trim(), confidence: 0.5 };
  const number = lines
    .join("\n")
    .match(
      /\b(?:invoice|inv|bill|receipt|memo)\s*(?:no|#|number)?[.:#\s]*([A-Z0-9][A-Z0-9/-]{2,})/i,
    );
  if (number?.[1]) fields.invoiceNumber = { value: number[1], confidence: 0.5 };
  return fields;
}
