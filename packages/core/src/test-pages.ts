import type { OcrLine, OcrPage } from "./ocr";

/**
 * Test helper: a cell of a row, `[x, text]`, becomes one OCR line starting at `x`; a third
 * element gives its words' OCR confidence (a smudged cell).
 */
export type Cell = readonly [x: number, text: string, confidence?: number];

const ROW_PITCH = 40;
const ROW_HEIGHT = 28;
const CHAR_WIDTH = 12;

/** One OCR line at `(x, y)`; its words get boxes shared out by characters. */
export function lineAt(x: number, y: number, text: string, confidence = 0.95): OcrLine {
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({
    text: m[0],
    confidence,
    box: {
      x0: x + m.index * CHAR_WIDTH,
      y0: y,
      x1: x + (m.index + m[0].length) * CHAR_WIDTH,
      y1: y + ROW_HEIGHT,
    },
  }));
  return {
    text,
    confidence,
    box: { x0: x, y0: y, x1: x + text.length * CHAR_WIDTH, y1: y + ROW_HEIGHT },
    words,
  };
}

/**
 * A page from rows top to bottom. A string row is one whole-row line (as Tesseract gives); an
 * array row is separate cells (as SROIE and column layouts give).
 */
export function pageOf(rows: ReadonlyArray<string | readonly Cell[]>, confidence = 0.95): OcrPage {
  const lines = rows.flatMap((row, i) => {
    const y = 20 + i * ROW_PITCH;
    const cells: readonly Cell[] = typeof row === "string" ? [[20, row]] : row;
    return cells.map(([x, text, own]) => lineAt(x, y, text, own ?? confidence));
  });
  return { width: 1000, height: 20 + rows.length * ROW_PITCH, lines };
}
