import type { Box, OcrLine, OcrPage } from "@chalan/core";
import { inkMask } from "../images/illumination";
import { inkBlobs } from "../images/ink-blobs";
import type { GrayPixels } from "../images/orientation";

/** What a reading with the English model tells about the page it read. */
export interface ScriptEvidence {
  /** Words of two or more letters or digits, the measure of the two below. */
  words: number;
  /** Of those, read with confidence ≥ 0.8: Latin text, upright. */
  latinWords: number;
  /** Words the English model could not read that carry the Bengali headline (matra). */
  bengaliWords: number;
  /** The same with the headline at the bottom: Bengali upside down. */
  flippedBengaliWords: number;
}

// Upright printed Latin pages and receipts had ≥ 36% of their words read at ≥ 0.8, the same pages
// upside down ≤ 17% and Bengali pages ≤ 8%.
const LATIN_CONFIDENCE = 0.8;
const MIN_LATIN_SHARE = 0.25;
// Our Bengali pages in six fonts showed 5–20 headline words, the mixed ones 7–14, the 105 SROIE
// receipts 0–1 (a rule or a torn edge across a word can look like a headline).
const MIN_BENGALI_WORDS = 3;
// A blob of ink counts as a word when at least twice as wide as the page's typical blob is tall.
const WORD_WIDTH = 2;

/** The median height of a reading's words. */
function typicalHeight(reading: OcrPage): number {
  const heights = reading.lines
    .flatMap((l) => l.words.map((w) => w.box.y1 - w.box.y0))
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

// English reads Latin words at least this surely; below it a word may be another script.
const UNSURE = 0.7;

export function scriptEvidence(page: GrayPixels, reading: OcrPage): ScriptEvidence {
  const all = reading.lines.flatMap((l) => l.words);
  const words = all.filter((w) => /[\p{L}\p{N}]{2}/u.test(w.text));
  const typical = typicalHeight(reading);
  const headlines = all.map((w) =>
    w.confidence >= UNSURE ? undefined : headline(page, w.box, typical),
  );
  return {
    words: words.length,
    latinWords: words.filter((w) => w.confidence >= LATIN_CONFIDENCE).length,
    bengaliWords: headlines.filter((h) => h === "top").length,
    flippedBengaliWords: headlines.filter((h) => h === "bottom").length,
  };
}

/**
 * Bengali and upside-down Bengali words told by their shape alone, before any reading: blobs of
 * ink (`allBlobs`, when already found) as wide as a word whose letters hang from a headline.
 */
export function headlineBlobs(
  page: GrayPixels,
  allBlobs: readonly Box[] = inkBlobs(inkMask(page), page.width, page.height),
): { bengali: number; flipped: number } {
  const blobs = allBlobs.filter((b) => b.y1 - b.y0 >= 8 && b.y1 - b.y0 <= page.height / 20);
  const heights = blobs.map((b) => b.y1 - b.y0).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)] ?? 0;
  let bengali = 0;
  let flipped = 0;
  // As wide as a word: a Latin letter on a page turned sideways can look headlined too.
  for (const b of blobs.filter((b) => b.x1 - b.x0 >= WORD_WIDTH * typical)) {
    const h = headline(page, b, typical);
    if (h === "top") bengali++;
    else if (h === "bottom") flipped++;
  }
  return { bengali, flipped };
}

/**
 * The lines of a page read in English that show Bengali words among them (a shop's Bengali name
 * on an English receipt): words English was unsure of that hang from a headline.
 */
export function bengaliLines(page: GrayPixels, reading: OcrPage): OcrLine[] {
  const typical = typicalHeight(reading);
  return reading.lines.filter((l) =>
    l.words.some((w) => w.confidence < UNSURE && headline(page, w.box, typical) === "top"),
  );
}

// A word read at least this surely counts as the script it was read in.
const READ_WORD = 0.5;

/**
 * Whether a reading with Bengali+English shows a Bengali page: at least a few words of Bengali
 * letters, and no fewer than of Latin ones. The noise of English pages read so came to 3–7 Bengali
 * words beside 15–53 Latin ones; mixed pages with English labels and figures, 9–28 beside 11–60
 * (better read by the English path); Bengali pages 14–18 beside 0–3.
 */
export function readsAsBengali(reading: OcrPage): boolean {
  const words = reading.lines.flatMap((l) => l.words).filter((w) => w.confidence >= READ_WORD);
  const bengali = words.filter((w) => /[\u0980-\u09FF]/u.test(w.text)).length;
  const latin = words.filter((w) => /[A-Za-z]{2}/u.test(w.text)).length;
  return bengali >= MIN_BENGALI_WORDS && bengali >= latin;
}

export function readsAsLatin(e: ScriptEvidence): boolean {
  return e.latinWords >= 3 && e.latinWords >= MIN_LATIN_SHARE * e.words;
}

export function showsBengali(e: ScriptEvidence): boolean {
  return e.bengaliWords >= MIN_BENGALI_WORDS && e.bengaliWords > e.flippedBengaliWords;
}

export function showsFlippedBengali(e: ScriptEvidence): boolean {
  return e.flippedBengaliWords >= MIN_BENGALI_WORDS && e.flippedBengaliWords > e.bengaliWords;
}

/** How strongly a reading shows text the right way up, in either script. */
export function legibility(e: ScriptEvidence): number {
  return e.latinWords + e.bengaliWords;
}

/**
 * Bengali letters hang from a headline joining the letters of a word; Latin letters stand apart.
 * So a word read poorly in English with one dark run longer than 1.5× its height in its upper half
 * is most likely Bengali, and in its lower half, Bengali upside down. Not when the word is mostly
 * dark (white on black), nor when the run is a thick band or the edge of one.
 */
function headline(page: GrayPixels, box: Box, typicalHeight: number): "top" | "bottom" | undefined {
  const { x0, y0, x1, y1 } = clip(box, page);
  const width = x1 - x0;
  const height = y1 - y0;
  if (height < 0.6 * typicalHeight || width < 1.5 * height) return;
  let darkest = 255;
  let lightest = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = page.data[y * page.width + x] ?? 255;
      darkest = Math.min(darkest, v);
      lightest = Math.max(lightest, v);
    }
  }
  if (lightest - darkest < 40) return;
  const ink = (darkest + lightest) / 2;
  const rows = Array.from({ length: height }, (_, i) => {
    const y = y0 + i;
    let dark = 0;
    let run = 0;
    let longest = 0;
    for (let x = x0; x < x1; x++) {
      run = (page.data[y * page.width + x] ?? 255) < ink ? run + 1 : 0;
      if (run > 0) dark++;
      longest = Math.max(longest, run);
    }
    return { dark: dark / width, long: longest >= 1.5 * height };
  });
  const share = (from: number, to: number) =>
    rows.slice(from, to).reduce((sum, r) => sum + r.dark, 0) / Math.max(1, to - from);
  if (share(0, height) > 0.5) return;
  // A headline is a thin line, with strokes hanging from it to the far third of the word.
  const third = Math.ceil(height / 3);
  const hangsFrom = (row: number, step: 1 | -1) => {
    let thickness = 0;
    for (let i = row; rows[i]?.long; i += step) thickness++;
    const [strokes, farThird] =
      step === 1
        ? [share(row + 2, height), share(height - third, height)]
        : [share(0, row - 1), share(0, third)];
    return thickness <= Math.max(2, 0.25 * height) && strokes >= 0.08 && farThird >= 0.05;
  };
  const half = Math.floor(height / 2);
  const top = rows.findIndex((r, i) => i < half && r.long);
  if (top >= 0 && hangsFrom(top, 1)) return "top";
  const bottom = rows.findLastIndex((r, i) => i >= height - half && r.long);
  if (bottom >= 0 && hangsFrom(bottom, -1)) return "bottom";
}

function clip(box: Box, page: GrayPixels): Box {
  return {
    x0: Math.max(0, box.x0),
    y0: Math.max(0, box.y0),
    x1: Math.min(page.width, box.x1),
    y1: Math.min(page.height, box.y1),
  };
}
