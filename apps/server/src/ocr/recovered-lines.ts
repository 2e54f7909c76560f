import type { Box, OcrLine, OcrPage } from "@chalan/core";

// Lines read again must be this sure to be kept; a heading of words alone, surer still.
const MIN_CONFIDENCE = 0.5;
const MIN_HEADING_CONFIDENCE = 0.8;

/**
 * A reading with the lines it missed read again (on a Bengali page, by Tesseract line by line):
 * those read sure enough that show a figure (an amount, a date, a number: what a dropped column
 * holds) are added, and replace any less sure line of the first reading they mostly cover. Words alone are added only as a heading above
 * all the text read and read very surely: a logo or a stamp read as a line would pass for one.
 */
export function withRecoveredLines(reading: OcrPage, recovered: readonly OcrLine[]): OcrPage {
  // With nothing read, nothing marks where the text begins: no heading is taken.
  const top = Math.min(
    ...reading.lines.map((l) => l.box.y0),
    reading.lines.length > 0 ? Infinity : -Infinity,
  );
  const sure = recovered.filter(
    (l) =>
      l.confidence >= MIN_CONFIDENCE &&
      (/[\d\u09E6-\u09EF]/u.test(l.text) ||
        (l.box.y1 <= top && l.confidence >= MIN_HEADING_CONFIDENCE && /\p{L}{3}/u.test(l.text))),
  );
  if (sure.length === 0) return reading;
  const kept = reading.lines.filter(
    (l) => !sure.some((r) => r.confidence > l.confidence && coveredShare(l.box, r.box) > 0.5),
  );
  return { ...reading, lines: [...kept, ...sure] };
}

/** How much of box `a` lies inside box `b`. */
function coveredShare(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  const area = (a.x1 - a.x0) * (a.y1 - a.y0);
  return w <= 0 || h <= 0 || area <= 0 ? 0 : (w * h) / area;
}
