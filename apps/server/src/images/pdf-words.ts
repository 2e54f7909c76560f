import type { Box, OcrLine } from "@chalan/core";
import { inDrawingOrder, toUnicodeOrder } from "./pdf-bengali-order";
import type { PdfChar } from "./pdf-text-layer";

interface Word {
  text: string;
  box: Box;
}

// A gap wider than this share of the text's height ends a word even with no space drawn.
const WORD_GAP = 0.6;
// A gap wider than this many text heights separates cells of a row (a label and its amount
// column, two header blocks): each becomes its own line, as OCR engines report columns.
const CELL_GAP = 3;
// Words whose boxes overlap this much vertically (as a share of the shorter) share a row.
const SAME_ROW = 0.5;

/**
 * The text layer's characters as OCR lines: words from characters, rows from words by position
 * (not by the order the PDF happens to draw them), rows cut into cells at wide gaps. Text-layer
 * words are exactly what the page shows, so every confidence is 1.
 */
export function linesOfChars(chars: readonly PdfChar[]): OcrLine[] {
  let words = wordsOf(chars);
  if (inDrawingOrder(words.map((w) => w.text))) {
    words = words.map((w) => ({ text: toUnicodeOrder(w.text), box: w.box }));
  }
  return rowsOf(words).flatMap(cellsOf).map(toLine);
}

function wordsOf(chars: readonly PdfChar[]): Word[] {
  const words: Word[] = [];
  let text = "";
  let box: Box | undefined;
  let last: Box | undefined;
  const flush = () => {
    if (box) words.push({ text, box });
    text = "";
    box = undefined;
  };
  for (const c of chars) {
    if (!c.box) {
      flush();
      last = undefined;
      continue;
    }
    if (last && !continues(last, c.box, /^\p{M}/u.test(c.text))) flush();
    text += c.text;
    box = box ? union(box, c.box) : c.box;
    last = c.box;
  }
  flush();
  return words;
}

/**
 * Whether the character boxed `next` carries on the word of the one boxed `prev`: same row, just
 * to its right. A combining mark (a Bengali vowel sign, hasanta) may sit over or before it.
 */
function continues(prev: Box, next: Box, mark: boolean): boolean {
  const gap = next.x0 - prev.x1;
  const forward = mark || next.x1 > prev.x0;
  return forward && overlap(prev, next) >= SAME_ROW && gap <= WORD_GAP * height(prev);
}

function rowsOf(words: readonly Word[]): Word[][] {
  const byMiddle = [...words].sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1));
  const rows: Word[][] = [];
  for (const word of byMiddle) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && overlap(first.box, word.box) >= SAME_ROW) row.push(word);
    else rows.push([word]);
  }
  for (const row of rows) row.sort((a, b) => a.box.x0 - b.box.x0);
  return rows;
}

function cellsOf(row: readonly Word[]): Word[][] {
  const cells: Word[][] = [];
  for (const word of row) {
    const cell = cells.at(-1);
    const prev = cell?.at(-1);
    if (cell && prev && word.box.x0 - prev.box.x1 <= CELL_GAP * height(prev.box)) cell.push(word);
    else cells.push([word]);
  }
  return cells;
}

function toLine(words: readonly Word[]): OcrLine {
  return {
    text: words.map((w) => w.text).join(" "),
    confidence: 1,
    box: words.map((w) => w.box).reduce(union),
    words: words.map((w) => ({ text: w.text, confidence: 1, box: w.box })),
  };
}

function height(b: Box): number {
  return Math.max(1, b.y1 - b.y0);
}

/** Vertical overlap as a share of the shorter box. */
function overlap(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)) / Math.min(height(a), height(b));
}

function union(a: Box, b: Box): Box {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}
