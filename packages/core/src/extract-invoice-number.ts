import { findDates } from "./dates";
import type { ExtractedField } from "./invoice";
import { invoiceNumberLabelEnd, isColumnHeaderRow, startsWithFieldLabel } from "./label-words";
import { fieldAt, type Hit, type Reading, rivalsOf, valueNear } from "./labelled-value";
import { sameRow, type TextLine } from "./page-layout";

/**
 * After separators, a code of letters, digits and `-/_.`: `INV-2041`, `18311/103/T0280`. The
 * separators include marks OCR makes of specks and a stamp's edge (`Invoice No: ~~ ATS/2025/1450`);
 * a space OCR put after a hyphen or slash before a digit is inside the code (`R- 944785`).
 */
const CODE = /^[\s:ঃ;,#.\-–—=~|_'’]*([A-Z0-9](?:(?:[A-Z0-9\-/_.]|(?<=[-/]) (?=\d))*[A-Z0-9])?)/iu;

// A pen's stroke between the label and the code, read as a one: `Bill No: 1 B-99446`.
const STROKE = /^[\s:ঃ;,#.\-–—=~|_'’]*[1lI|]\s+(?=\S)/u;

/** The code at `from` in a text, if it looks like a document number rather than a word or date. */
function codeAt(text: string, from: number): Reading<string> | undefined {
  const stroke = STROKE.exec(text.slice(from));
  return (stroke && codeFrom(text, from + stroke[0].length)) ?? codeFrom(text, from);
}

function codeFrom(text: string, from: number): Reading<string> | undefined {
  const m = CODE.exec(text.slice(from));
  const value = m?.[1];
  if (!m || !value || !/\d/.test(value) || value.length < 3 || value.length > 40) return undefined;
  if (findDates(value).length > 0) return undefined;
  const start = from + m[0].length - value.length;
  return { start, end: start + value.length, value: value.replace(/ /gu, "") };
}

/**
 * A bare `নং` / `No.` before a memo pad's serial: a label only when it and the code stand alone,
 * or only another field's label follows (`No. 30674   Date: 15-05-2026`), or a date after one
 * word, that label misread (`No. ৫৯৭৫৯ তারিধ, ১২/১১/২০২৪`). Its "No" may be misread as well
 * (`Ne. 86839 Date: …`), as after a document's name, and its ন as ল (`লং 84953`).
 */
const BARE_LABEL = /^(?:[নল]ং|n[o0e](?![\p{L}\p{M}])\.?|#)\s?[:ঃ.]?/iu;

// Specks between the code and the next label, read as a short word or two (`eras ae Date:`).
const SPECKS = /^(?:[^\s\d]{1,4}\s+){1,2}/u;
// A word and a colon or point: another field's label, however garbled (`তারং:`, `তারি.`).
const LABEL_WORD = /^[\p{L}\p{M}]{2,}[:ঃ.]/u;

function datedAfterOneWord(text: string): boolean {
  const [date] = findDates(text);
  return date !== undefined && text.slice(0, date.start).trim().split(/\s+/u).length <= 1;
}

function bareLabelled(lines: readonly TextLine[]): Hit<string> | undefined {
  const alone = (text: string, from: number) => {
    const code = codeAt(text, from);
    const rest = text.slice(code?.end).trim();
    return code &&
      (rest === "" ||
        startsWithFieldLabel(rest) ||
        startsWithFieldLabel(rest.replace(SPECKS, "")) ||
        LABEL_WORD.test(rest) ||
        datedAfterOneWord(rest))
      ? code
      : undefined;
  };
  for (const line of lines) {
    const m = BARE_LABEL.exec(line.text.normalize("NFC"));
    if (!m) continue;
    const hit = valueNear(lines, line, m[0].length, alone, { below: false });
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The invoice number: the code after an "Invoice No / Bill No / চালান নং" label on its line, in
 * the next cell of its row, or under a label that stands alone (not a column heading); else a
 * code standing alone after a bare "নং / No.", trusted less.
 */
export function extractInvoiceNumber(
  lines: readonly TextLine[],
): ExtractedField<string> | undefined {
  const found: Hit<string>[] = [];
  for (const line of lines) {
    const end = invoiceNumberLabelEnd(line.text);
    if (end < 0) continue;
    const rowTexts = lines.filter((l) => sameRow(l.box, line.box)).map((l) => l.text);
    const alone = line.text.slice(end).trim() === "" && !isColumnHeaderRow(rowTexts);
    const hit = valueNear(lines, line, end, codeAt, { below: alone });
    if (hit) found.push(hit);
  }
  const [first] = found;
  if (first) return fieldAt(first, { source: "label", rivals: rivalsOf(found) });
  const bare = bareLabelled(lines);
  return bare && fieldAt(bare, { source: "weakLabel" });
}
