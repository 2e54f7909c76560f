import { findDates, type OcrLine, type OcrPage } from "@chalan/core";
import { type DetectedLine, surer, type Takes } from "./detected-lines";

// Figures enough to hold a date (`3, 2016`, `28-03-18`).
const MIN_DIGITS = 4;

const showsDate = (text: string) => findDates(text).length > 0;

/** Whether any line of the page shows a calendar date. */
export function pageShowsDate(page: OcrPage): boolean {
  return page.lines.some((l) => showsDate(l.text));
}

/**
 * Lines that may hold a date the first reading got wrong though sure of it (`2%- 03-18 18:47`,
 * `Jct 3, 2016`): those with figures enough, of the lines not read again already.
 */
export function dateLines(
  lines: readonly DetectedLine[],
  readAgain: readonly DetectedLine[],
): DetectedLine[] {
  const digits = (l: DetectedLine) => l.words.map((w) => w.text.replace(/\D/g, "")).join("").length;
  return lines.filter((l) => !readAgain.includes(l) && digits(l) >= MIN_DIGITS);
}

/** On a page that shows no date, a second reading is also taken where it shows one. */
export const takesDates: Takes = (line: DetectedLine, read: OcrLine) =>
  surer(line, read) || showsDate(read.text);
