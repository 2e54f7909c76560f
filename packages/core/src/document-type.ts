import { confidenceOf, type Source } from "./confidence";
import type { DocumentType, ExtractedField } from "./invoice";
import { classifyAmountLabel } from "./label-words";
import type { TextLine } from "./page-layout";
import { words } from "./word-match";

/** The NBR's VAT invoice form, by its number: `মূসক-৬.৩`, `Mushak-6.3`, `Musak 6.3`. */
const MUSHAK = words(String.raw`(?:মূসক|মুসক|mushak|musak|mushok)\s?[-–.]?\s?6\.3`);
const TAX_INVOICE = words(
  String.raw`কর\s?চালানপত্র`,
  String.raw`tax\s?invoice`,
  String.raw`vat\s?invoice`,
);
const KINDS: ReadonlyArray<readonly [Exclude<DocumentType, "mushak_6_3">, RegExp]> = [
  ["cash_memo", words(String.raw`ক্যাশ\s?মেমো`, String.raw`cash\s?memo`, String.raw`নগদ\s?মেমো`)],
  ["receipt", words("receipt", "রশিদ", "রসিদ", String.raw`মানি\s?রিসিট`)],
  ["bill", words("bill", "invoice", "বিল", "ইনভয়েস", "চালান", "চালানপত্র")],
];
/** Any BIN on the page: a registered supplier's tax invoice is a Mushak-6.3. */
const BIN = words("bin", "বিআইএন", "বিন", String.raw`business\s?identification`);

function field(value: DocumentType, source: Source, line?: TextLine): ExtractedField<DocumentType> {
  const confidence = confidenceOf({ source, ocr: line?.confidence ?? 1 });
  return { value, confidence, ...(line && { box: line.box }) };
}

/** Words that qualify a title without changing its kind: `SALES RECEIPT`, `বিক্রয় রসিদ`. */
const QUALIFIER = words(
  "cash",
  "sales?",
  "money",
  "tax",
  "retail",
  "official",
  "বিক্রয়",
  "নগদ",
  "কর",
);

/** A title stands alone on its line (`CASH MEMO`), not inside a label (`Bill No:`, `Bill To`). */
function isTitle(line: TextLine, re: RegExp): boolean {
  const rest = [re, QUALIFIER].reduce(
    (t, r) => t.replace(new RegExp(r.source, "giu"), ""),
    line.text,
  );
  return rest.replace(/[\s\p{P}]/gu, "") === "";
}

/**
 * What kind of document the page is: a Mushak-6.3 VAT invoice (its form number, or "Tax
 * Invoice"/"কর চালানপত্র" with a BIN), a cash memo, a receipt or a bill. A title line standing
 * alone is surer than the word inside a label; with no word at all, a page with payment lines
 * (Cash, Change) is guessed a receipt, any other a bill.
 */
export function extractDocumentType(lines: readonly TextLine[]): ExtractedField<DocumentType> {
  const mushak = lines.find((l) => MUSHAK.test(l.text));
  if (mushak) return field("mushak_6_3", "strongLabel", mushak);
  const taxInvoice = lines.find((l) => TAX_INVOICE.test(l.text));
  if (taxInvoice && lines.some((l) => BIN.test(l.text))) {
    return field("mushak_6_3", "label", taxInvoice);
  }
  for (const title of [true, false]) {
    for (const [kind, re] of KINDS) {
      const line = lines.find((l) => re.test(l.text) && isTitle(l, re) === title);
      if (line) return field(kind, title ? "label" : "weakLabel", line);
    }
  }
  const paid = lines.some(
    (l) => classifyAmountLabel(l.text.replace(/[\d.,]+/gu, ""))?.role === "payment",
  );
  return field(paid ? "receipt" : "bill", "guess");
}
