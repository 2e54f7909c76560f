import { findDates } from "./dates";
import type { ExtractedField } from "./invoice";
import { invoiceNumberLabelEnd, isColumnHeaderRow } from "./label-words";
import { below, rangeOf, rightOf, sameRow, type TextLine } from "./page-layout";

/** After separators, a code of letters, digits and `-/_.`: `INV-2041`, `18311/103/T0280`. */
const CODE = /^[\s:#.\-–=]*([A-Z0-9](?:[A-Z0-9\-/_.]*[A-Z0-9])?)/iu;

interface Found {
  line: TextLine;
  start: number;
  end: number;
  value: string;
  via: "line" | "row" | "below";
}

/** The code at `from` in a line, if it looks like a document number rather than a word or date. */
function codeAt(line: TextLine, from: number, via: Found["via"]): Found | undefined {
  const m = CODE.exec(line.text.slice(from));
  const value = m?.[1];
  if (!m || !value || !/\d/.test(value) || value.length < 3 || value.length > 40) return undefined;
  if (findDates(value).length > 0) return undefined;
  const start = from + m[0].length - value.length;
  return { line, start, end: start + value.length, value, via };
}

/**
 * The invoice number: the code after an "Invoice No / Bill No / চালান নং" label on its line, in
 * the next cell of its row, or under it.
 */
export function extractInvoiceNumber(
  lines: readonly TextLine[],
): ExtractedField<string> | undefined {
  const found: Found[] = [];
  for (const line of lines) {
    const end = invoiceNumberLabelEnd(line.text);
    if (end < 0) continue;
    const rowTexts = lines.filter((l) => sameRow(l.box, line.box)).map((l) => l.text);
    const [right] = rightOf(lines, line);
    const under = isColumnHeaderRow(rowTexts) ? undefined : below(lines, line);
    const hit =
      codeAt(line, end, "line") ??
      (right && codeAt(right, 0, "row")) ??
      (under && line.text.slice(end).trim() === "" ? codeAt(under, 0, "below") : undefined);
    if (hit) found.push(hit);
  }
  const [first] = found;
  if (!first) return undefined;
  const { box, confidence } = rangeOf(first.line, first.start, first.end);
  const disagree = found.some((f) => f.value !== first.value);
  const trust = (first.via === "below" ? 0.7 : 0.85) * (disagree ? 0.8 : 1);
  return { value: first.value, confidence: trust * (0.5 + 0.5 * confidence), box };
}
