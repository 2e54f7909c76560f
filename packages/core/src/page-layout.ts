import { toAsciiDigits } from "./bangla-digits";
import { FACTORS } from "./confidence";
import { asBengaliDigits, bengaliLookalikes } from "./lookalike-digits";
import type { Box, OcrLine, OcrPage, OcrWord } from "./ocr";
import { mayBeTakaSign, repairTakaSign, repairWords } from "./ocr-repair";

/** Where a word sits in its line's text. */
export interface Span {
  start: number;
  end: number;
  box: Box;
  confidence: number;
  /** A figure whose leading digit may have been the taka sign (`mayBeTakaSign`). */
  takaAsDigit?: true;
  /** A figure read as Bengali ৪s for the Latin 8s they look like (`bengaliLookalikes`). */
  lookalike?: true;
}

interface Word extends OcrWord {
  takaAsDigit?: true;
  lookalike?: true;
}

/**
 * An OCR line prepared for matching: NFC text with ASCII digits, its words' positions in that
 * text, and its box. Extraction works on these, never on raw OCR strings.
 */
export interface TextLine {
  text: string;
  box: Box;
  confidence: number;
  spans: Span[];
}

function normalise(text: string): string {
  return toAsciiDigits(text.normalize("NFC")).replace(/\s+/gu, " ").trim();
}

function height(b: Box): number {
  return Math.max(1, b.y1 - b.y0);
}

export function unionBox(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** The words of an OCR line, normalised; a line without words is split at its spaces. */
function wordsOf(line: OcrLine, lookalikes: ReadonlySet<OcrWord>): Word[] {
  const words = line.words
    .map((w): Word => {
      if (lookalikes.has(w))
        return { ...w, text: normalise(asBengaliDigits(w.text)), lookalike: true };
      const raw = w.text.normalize("NFC");
      const repaired = repairTakaSign(raw);
      const confidence = repaired === raw ? w.confidence : w.confidence * FACTORS.ocrRepair;
      return {
        ...w,
        text: normalise(repaired),
        confidence,
        ...(mayBeTakaSign(raw) && { takaAsDigit: true }),
      };
    })
    .filter((w) => w.text !== "");
  if (words.length > 0) return words;
  return normalise(line.text)
    .split(" ")
    .filter((t) => t !== "")
    .map((text) => ({ text, box: line.box, confidence: line.confidence }));
}

/** Lines in reading order: top to bottom, and left to right within a row. */
export function textLines(page: OcrPage): TextLine[] {
  const out: TextLine[] = [];
  const lookalikes = bengaliLookalikes(page);
  for (const line of page.lines) {
    const words = wordsOf(line, lookalikes);
    if (words.length === 0) continue;
    const texts: string[] = [];
    const spans: Span[] = [];
    let at = 0;
    for (const t of repairWords(words.map((w) => w.text))) {
      const parts = words.slice(t.from, t.to);
      const confidence = Math.min(...parts.map((w) => w.confidence));
      texts.push(t.text);
      spans.push({
        start: at,
        end: at + t.text.length,
        box: unionBox(parts.map((w) => w.box)),
        confidence: t.repaired ? confidence * FACTORS.ocrRepair : confidence,
        ...(parts[0]?.takaAsDigit && { takaAsDigit: true }),
        ...(parts.some((w) => w.lookalike) && { lookalike: true }),
      });
      at += t.text.length + 1;
    }
    out.push({ text: texts.join(" "), box: line.box, confidence: line.confidence, spans });
  }
  return rows(out).flat();
}

/**
 * The box and least word confidence of the characters `start..end` of a line, whether its
 * first word's leading digit may have been the taka sign, and whether a lookalike was read in it.
 */
export function rangeOf(
  line: TextLine,
  start: number,
  end: number,
): { box: Box; confidence: number; takaAsDigit: boolean; lookalike: boolean } {
  const hit = line.spans.filter((s) => s.start < end && start < s.end);
  if (hit.length === 0) {
    return { box: line.box, confidence: line.confidence, takaAsDigit: false, lookalike: false };
  }
  return {
    box: unionBox(hit.map((s) => s.box)),
    confidence: Math.min(...hit.map((s) => s.confidence)),
    takaAsDigit: hit[0]?.start === start && hit[0].takaAsDigit === true,
    lookalike: hit.some((s) => s.lookalike),
  };
}

/** Vertical overlap as a share of the shorter box: 1 when one sits within the other's band. */
export function verticalOverlap(a: Box, b: Box): number {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return Math.max(0, overlap) / Math.min(height(a), height(b));
}

export function sameRow(a: Box, b: Box): boolean {
  return verticalOverlap(a, b) >= 0.4;
}

/** Groups lines into rows (same-row = vertical overlap), top to bottom, each left to right. */
export function rows(lines: readonly TextLine[]): TextLine[][] {
  const byTop = [...lines].sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1));
  const out: TextLine[][] = [];
  for (const line of byTop) {
    const row = out.at(-1);
    const first = row?.[0];
    if (row && first && verticalOverlap(first.box, line.box) >= 0.5) row.push(line);
    else out.push([line]);
  }
  for (const row of out) row.sort((a, b) => a.box.x0 - b.box.x0);
  return out;
}

function centreDistance(a: Box, b: Box): number {
  return Math.abs(a.y0 + a.y1 - b.y0 - b.y1) / 2;
}

/**
 * Lines in the same row as `line` and to its right, nearest first. On a skewed scan two stacked
 * cells of one column can both overlap the row; only the better aligned one is kept.
 */
export function rightOf(lines: readonly TextLine[], line: TextLine): TextLine[] {
  const tolerance = height(line.box) / 2;
  const inRow = lines.filter(
    (l) => l !== line && sameRow(l.box, line.box) && l.box.x0 >= line.box.x1 - tolerance,
  );
  const d = (l: TextLine) => centreDistance(l.box, line.box);
  return inRow
    .filter(
      (l) =>
        !inRow.some((o) => o !== l && o.box.x0 < l.box.x1 && l.box.x0 < o.box.x1 && d(o) < d(l)),
    )
    .sort((a, b) => a.box.x0 - b.box.x0);
}

/**
 * The nearest line under `line` that a value written below its label could be on: starting
 * within about one and a half line heights and overlapping the label's columns or just right of
 * them.
 */
export function below(lines: readonly TextLine[], line: TextLine): TextLine | undefined {
  const h = height(line.box);
  const width = line.box.x1 - line.box.x0;
  const candidates = lines.filter(
    (l) =>
      l !== line &&
      l.box.y0 + l.box.y1 > line.box.y0 + line.box.y1 + h &&
      l.box.y0 - line.box.y1 <= 1.5 * h &&
      l.box.x1 > line.box.x0 &&
      l.box.x0 < line.box.x1 + width,
  );
  return candidates.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0)[0];
}

/** Top and bottom of the text on the page, which photos place anywhere inside the frame. */
export function textExtent(lines: readonly TextLine[]): { top: number; bottom: number } {
  if (lines.length === 0) return { top: 0, bottom: 0 };
  return {
    top: Math.min(...lines.map((l) => l.box.y0)),
    bottom: Math.max(...lines.map((l) => l.box.y1)),
  };
}
