import type { Box, OcrLine, OcrWord } from "./ocr";

/** The part of a tesseract.js result (`blocks` output) we read; the same in Node and the browser. */
export interface TesseractBlocks {
  blocks: Array<{
    paragraphs: Array<{
      lines: Array<{
        text: string;
        confidence: number;
        bbox: Box;
        words: Array<{ text: string; confidence: number; bbox: Box }>;
      }>;
    }>;
  }> | null;
}

/** Tesseract's blocks → our lines of words, confidences in [0,1], empty lines dropped. */
export function tesseractLines(page: TesseractBlocks): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words.flatMap(toWord);
        const text = line.text.trim();
        if (text === "" || words.length === 0) continue;
        lines.push({ text, confidence: unit(line.confidence), box: toBox(line.bbox), words });
      }
    }
  }
  return lines;
}

function toWord(word: { text: string; confidence: number; bbox: Box }): OcrWord[] {
  const text = word.text.trim();
  return text === "" ? [] : [{ text, confidence: unit(word.confidence), box: toBox(word.bbox) }];
}

function toBox({ x0, y0, x1, y1 }: Box): Box {
  return { x0, y0, x1, y1 };
}

/** Tesseract reports 0–100. */
function unit(confidence: number): number {
  return Math.min(1, Math.max(0, confidence / 100));
}
