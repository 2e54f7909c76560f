import type { Box, OcrLine, OcrPage, OcrWord } from "@chalan/core";

// Tesseract's words this sure (on average over a detected line) are kept as they are: on clean
// pages its word boundaries are better than those the second reader's characters give.
const SURE = 0.8;
// Words read with less confidence than this do not count as text already read.
const MIN_WORD_CONFIDENCE = 0.3;
// A second reading less sure than this is more likely noise read as letters (at 0.5, one field
// fewer right on sroie-dev and two on the generated set).
const MIN_SECOND = 0.35;
// Lines on one row overlap by at least this share of the lower one's height.
const MIN_ROW_OVERLAP = 0.5;

/** A detected text line and what a page's reading already holds in it. */
export interface DetectedLine {
  box: Box;
  /** The reading's words whose middle lies inside the box. */
  words: OcrWord[];
  /** Their mean confidence; 0 for none. */
  confidence: number;
}

/**
 * The detected lines as the reading covers them, each grown to take in the words it holds: a
 * detected box can end inside a word, and a second reading of it would read half the word.
 */
export function detectedLines(boxes: readonly Box[], reading: OcrPage): DetectedLine[] {
  const words = reading.lines.flatMap((l) => l.words);
  return boxes.map((detected) => {
    const inside = words.filter((w) => {
      const x = (w.box.x0 + w.box.x1) / 2;
      const y = (w.box.y0 + w.box.y1) / 2;
      return x >= detected.x0 && x <= detected.x1 && y >= detected.y0 && y <= detected.y1;
    });
    const box = {
      x0: Math.min(detected.x0, ...inside.map((w) => w.box.x0)),
      y0: Math.min(detected.y0, ...inside.map((w) => w.box.y0)),
      x1: Math.max(detected.x1, ...inside.map((w) => w.box.x1)),
      y1: Math.max(detected.y1, ...inside.map((w) => w.box.y1)),
    };
    const sure = inside.filter((w) => w.confidence >= MIN_WORD_CONFIDENCE);
    const confidence = sure.reduce((s, w) => s + w.confidence, 0) / Math.max(1, sure.length);
    return { box, words: inside, confidence: sure.length === 0 ? 0 : confidence };
  });
}

/**
 * Detected lines the reading missed altogether, the widest first and at most `max` of them: read
 * again one by one, each costs Tesseract ~50–150 ms.
 */
export function missedLines(lines: readonly DetectedLine[], max: number): DetectedLine[] {
  const width = (l: DetectedLine) => l.box.x1 - l.box.x0;
  return lines
    .filter((l) => l.confidence === 0)
    .sort((a, b) => width(b) - width(a))
    .slice(0, max);
}

// Tesseract's layout analysis gives up on a faint, noisy page (a poor print photographed on a
// cheap phone) and reads a line here and there: of 96 generated pages it missed 67–100% of the
// lines the detector found on 20 such pages, 30–49% on 11 photos and poor prints, at most 19% on
// any clean or scanned page. Reading the lines of the 30–49% ones one by one too gained 10 fields
// and lost 1 on the photos and poor prints of two samples. Fewer lines than this found at all,
// the detector gave up too.
const FAILED_LAYOUT_SHARE = 0.3;
const MIN_DETECTED_LINES = 8;

/** Whether the reading missed many of the page's detected lines: its layout analysis failed. */
export function layoutFailed(lines: readonly DetectedLine[]): boolean {
  const missed = lines.filter((l) => l.confidence === 0).length;
  return lines.length >= MIN_DETECTED_LINES && missed >= FAILED_LAYOUT_SHARE * lines.length;
}

/** Detected lines the reading missed or read unsure: worth reading again. */
export function unsureLines(lines: readonly DetectedLine[]): DetectedLine[] {
  return lines.filter((l) => l.confidence < SURE);
}

/** Whether a second reading of a line is to replace the first: by default, when it is surer. */
export type Takes = (line: DetectedLine, read: OcrLine) => boolean;

export const surer: Takes = (line, read) => read.confidence > line.confidence;

/**
 * The reading with detected lines read again (`second[i]` for `lines[i]`, none when nothing was
 * read): a second reading that `takes` (surer than the first) replaces its words there, and one of
 * a line the reading missed is added to the row it lies on, or as a row of its own.
 */
export function withSecondReadings(
  reading: OcrPage,
  lines: readonly DetectedLine[],
  second: readonly (OcrLine | undefined)[],
  takes: Takes = surer,
): OcrPage {
  const replaced = new Set<OcrWord>();
  const added: OcrLine[] = [];
  lines.forEach((line, i) => {
    const read = second[i];
    if (!read || read.confidence < MIN_SECOND || !takes(line, read)) return;
    // A box over two lines of text (close handwritten rows detected as one) is read as one line
    // at best: what it reads would stand for only part of the words it would replace.
    const rows = line.words.filter(
      (w, i) => line.words.findIndex((o) => sameRow(o.box, w.box)) === i,
    );
    if (rows.length > 1 || letters(read.text) < letters(line.words.map((w) => w.text).join("")) / 2)
      return;
    for (const w of line.words) replaced.add(w);
    added.push(read);
  });
  if (added.length === 0) return reading;
  const rows = reading.lines.flatMap((l) => {
    const kept = l.words.filter((w) => !replaced.has(w));
    if (kept.length === l.words.length) return [l];
    return kept.length > 0 ? [joined([{ ...l, words: kept }])] : [];
  });
  for (const line of added) {
    const i = rows.findIndex((r) => sameRow(r.box, line.box));
    const row = rows[i];
    if (row) rows[i] = joined([row, line]);
    else {
      // A row of its own goes after the rows above it, keeping the reading's order otherwise.
      const middle = (line.box.y0 + line.box.y1) / 2;
      const below = rows.findIndex((r) => (r.box.y0 + r.box.y1) / 2 > middle);
      rows.splice(below < 0 ? rows.length : below, 0, line);
    }
  }
  return { ...reading, lines: rows };
}

/** Lines of one row as one, words left to right. */
export function joined(parts: readonly OcrLine[]): OcrLine {
  const words = parts.flatMap((p) => p.words).sort((a, b) => a.box.x0 - b.box.x0);
  return {
    text: words.map((w) => w.text).join(" "),
    confidence: Math.min(...parts.map((p) => p.confidence)),
    box: {
      x0: Math.min(...words.map((w) => w.box.x0)),
      y0: Math.min(...parts.map((p) => p.box.y0)),
      x1: Math.max(...words.map((w) => w.box.x1)),
      y1: Math.max(...parts.map((p) => p.box.y1)),
    },
    words,
  };
}

function letters(text: string): number {
  return text.replace(/\s/gu, "").length;
}

function sameRow(a: Box, b: Box): boolean {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap >= MIN_ROW_OVERLAP * Math.min(a.y1 - a.y0, b.y1 - b.y0);
}
