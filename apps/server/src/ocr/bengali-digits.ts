import type { OcrPage } from "@chalan/core";
import type { CtcText } from "./ctc-decode";
import type { WordReader } from "./reread-figures";

// A figure PaddleOCR reads this unsurely (its least sure character) it could not read.
const UNREAD = 0.5;
// Share of a page's figures it could not read: at most 0.31 on the 105 sroie-dev receipts and
// generated English pages that are not heavily damaged; 0.5–0.73 on generated pages that print
// Bengali digits beside English words, which English Tesseract and PaddleOCR both misread.
const UNREAD_SHARE = 0.45;
const MIN_FIGURES = 4;
// Words in Bengali digits a Bengali+English reading must show, this sure, to be taken instead.
const MIN_BENGALI_FIGURES = 3;
const SURE = 0.6;
const BENGALI_DIGIT = /[০-৯]/u;

/** A figures' reader that keeps what it read, to judge afterwards. */
export function tallied(reader: WordReader): WordReader & { readings: CtcText[] } {
  const readings: CtcText[] = [];
  return {
    readings,
    async recognize(crops) {
      const read = await reader.recognize(crops);
      readings.push(...read);
      return read;
    },
  };
}

/** Whether the figures read again on a page read in English look like Bengali digits. */
export function figuresLookBengali(readings: readonly CtcText[]): boolean {
  const unread = readings.filter((r) => r.confidence < UNREAD).length;
  return readings.length >= MIN_FIGURES && unread >= UNREAD_SHARE * readings.length;
}

/** Whether a Bengali+English reading shows figures in Bengali digits, surely read. */
export function showsBengaliDigits(page: OcrPage): boolean {
  const words = page.lines.flatMap((l) => l.words);
  const sure = words.filter((w) => BENGALI_DIGIT.test(w.text) && w.confidence >= SURE);
  return sure.length >= MIN_BENGALI_FIGURES;
}
