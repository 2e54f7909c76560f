import { extractAmounts } from "./extract-amounts";
import { extractIssueDate } from "./extract-date";
import { extractInvoiceNumber } from "./extract-invoice-number";
import { extractSupplier } from "./extract-supplier";
import type { ExtractedField, ExtractedFields } from "./invoice";
import type { OcrPage } from "./ocr";
import { rangeOf, type TextLine, textLines } from "./page-layout";

/**
 * Ringgit next to an amount, after a money label or ending a label cell; "RM" elsewhere may be
 * someone's initials.
 */
const RINGGIT = new RegExp(
  [
    String.raw`(?<![\p{L}\p{M}])RM\s?(?=\.?\d)`,
    String.raw`\d\s?RM(?![\p{L}\p{M}])`,
    String.raw`\(\s?RM\s?\)`,
    String.raw`(?<![\p{L}\p{M}])RM\s?:?$`,
    String.raw`(?:total|amount|amt)\s?RM(?![\p{L}\p{M}])`,
    String.raw`(?<![\p{L}\p{M}])MYR(?![\p{L}\p{M}])`,
  ].join("|"),
  "iu",
);
const TAKA = /৳|(?<![\p{L}\p{M}])(?:tk|taka|bdt|টাকা)(?![\p{L}\p{M}])/iu;

/** BDT unless the page shows ringgit (our Malaysian test receipts); surer when a sign is seen. */
function extractCurrency(lines: readonly TextLine[]): ExtractedField<string> {
  for (const [re, code] of [
    [RINGGIT, "MYR"],
    [TAKA, "BDT"],
  ] as const) {
    for (const line of lines) {
      const m = re.exec(line.text);
      if (!m) continue;
      const { box } = rangeOf(line, m.index, m.index + m[0].length);
      return { value: code, confidence: code === "MYR" ? 0.9 : 0.95, box };
    }
  }
  return { value: "BDT", confidence: 0.6 };
}

/**
 * A first reading of an invoice page from its OCR lines and their boxes: total, subtotal, VAT,
 * issue date, supplier, invoice number and currency, each with a confidence in [0, 1] and the box
 * it was read from. Fields not found are absent. Confidences are heuristic, not yet calibrated.
 */
export function extractFields(page: OcrPage): ExtractedFields {
  const lines = textLines(page);
  if (lines.length === 0) return {};
  const out: ExtractedFields = { ...extractAmounts(lines), currency: extractCurrency(lines) };
  const issueDate = extractIssueDate(lines);
  if (issueDate) out.issueDate = issueDate;
  const supplierName = extractSupplier(lines);
  if (supplierName) out.supplierName = supplierName;
  const invoiceNumber = extractInvoiceNumber(lines);
  if (invoiceNumber) out.invoiceNumber = invoiceNumber;
  return out;
}
