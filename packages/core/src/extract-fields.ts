import { confidenceOf } from "./confidence";
import { extractDocumentType } from "./document-type";
import { extractAmounts } from "./extract-amounts";
import { extractDates } from "./extract-date";
import { extractInvoiceNumber } from "./extract-invoice-number";
import { extractParties } from "./extract-parties";
import { extractSupplier, extractSupplierAddress } from "./extract-supplier";
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
      const { box, confidence: ocr } = rangeOf(line, m.index, m.index + m[0].length);
      return { value: code, confidence: confidenceOf({ source: "strongLabel", ocr }), box };
    }
  }
  return { value: "BDT", confidence: confidenceOf({ source: "assumed" }) };
}

/**
 * A reading of an invoice page from its OCR lines and their boxes: each field with a confidence
 * in [0, 1] from the evidence behind it (see `confidence.ts`) and the box it was read from.
 * Amounts are chosen by the arithmetic between them (line items → subtotal → discount → VAT →
 * total, and the total in words). Fields not found are absent.
 */
export function extractFields(page: OcrPage): ExtractedFields {
  const lines = textLines(page);
  if (lines.length === 0) return {};
  const documentType = extractDocumentType(lines);
  const supplierName = extractSupplier(lines);
  const supplierAddress = extractSupplierAddress(lines);
  const invoiceNumber = extractInvoiceNumber(lines);
  return {
    documentType,
    currency: extractCurrency(lines),
    ...(supplierName && { supplierName }),
    ...(supplierAddress && { supplierAddress }),
    // A labelled address (Mushak's "চালানপত্র ইস্যুর ঠিকানা") overrides the one under the name.
    ...extractParties(lines),
    ...(invoiceNumber && { invoiceNumber }),
    ...extractDates(lines),
    ...extractAmounts(lines, documentType.value),
  };
}
