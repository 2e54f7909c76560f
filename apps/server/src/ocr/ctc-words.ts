import type { Box, OcrLine, OcrWord } from "@chalan/core";
import type { CtcReading } from "./ctc-decode";

/**
 * A line read by a CTC recogniser from the crop `box`, as words with boxes: split where it read a
 * space, each word spanning the steps its characters were read at. None when nothing was read.
 */
export function ctcLine(reading: CtcReading, box: Box): OcrLine | undefined {
  const { text, at, steps } = reading;
  if (steps === 0 || at.length !== text.length) return undefined;
  const step = (box.x1 - box.x0) / steps;
  // PaddleOCR's alphabet is Chinese: it prints a full-width comma or colon (`3，`) for ours.
  let offset = 0;
  const chars = [...text].map((c) => {
    const char = { text: c.normalize("NFKC"), at: at[offset] ?? 0 };
    offset += c.length;
    return char;
  });
  const words: OcrWord[] = [];
  let word: typeof chars = [];
  const flush = () => {
    const first = word[0];
    const last = word.at(-1);
    if (first && last)
      words.push({
        text: word.map((c) => c.text).join(""),
        confidence: reading.confidence,
        box: {
          x0: Math.max(box.x0, Math.floor(box.x0 + (first.at - 1) * step)),
          y0: box.y0,
          x1: Math.min(box.x1, Math.ceil(box.x0 + (last.at + 2) * step)),
          y1: box.y1,
        },
      });
    word = [];
  };
  for (const c of chars) {
    if (/\s/.test(c.text)) flush();
    else word.push(c);
  }
  flush();
  if (words.length === 0) return undefined;
  return {
    text: words.map((w) => w.text).join(" "),
    confidence: reading.confidence,
    box,
    words,
  };
}
