import type { Box, OcrLine, OcrPage } from "@chalan/core";
import { inkMask } from "../images/illumination";
import { inkBlobs } from "../images/ink-blobs";
import type { GrayPixels } from "../images/orientation";

// Letters smaller than a page's height over this are too small to read (7 px at 1100 px, a receipt's
// 8-point print at 150 dpi): noise, dotted rules, the grain of a bad scan.
const MIN_LETTERS_PER_PAGE = 160;
// Letters are taller than this share of the page's typical blob; specks of noise are not.
const MIN_LETTER_HEIGHT = 0.5;
// Words read at least this sure cover the ink under them.
const MIN_COVER_CONFIDENCE = 0.3;
// Lines read again must be this sure to be kept; a heading of words alone, surer still.
const MIN_CONFIDENCE = 0.5;
const MIN_HEADING_CONFIDENCE = 0.8;
// Blobs this many typical heights apart along a row belong to one stretch of text.
const MAX_GAP = 2.5;
// A stretch needs this many letters: a lone mark is more likely a speck, a tick or a stamp's edge.
const MIN_LETTERS = 3;
// Reading each stretch costs ~50–150 ms: beyond this many the page is more noise than missed text.
const MAX_STRETCHES = 12;

/**
 * Stretches of text-sized ink that no word of a reading covers: where Tesseract's layout analysis
 * dropped a column of figures or a row of a table on a faint or noisy page. Each comes back as the
 * box of a single line of text, with a margin, in the page's pixels. `allBlobs`: the page's blobs
 * of ink, when already found.
 */
export function missedText(
  page: GrayPixels,
  reading: OcrPage,
  allBlobs: readonly Box[] = inkBlobs(inkMask(page), page.width, page.height),
): Box[] {
  const shortest = page.height / MIN_LETTERS_PER_PAGE;
  const blobs = allBlobs.filter(
    (b) =>
      b.y1 - b.y0 >= shortest && b.y1 - b.y0 <= page.height / 20 && b.x1 - b.x0 <= page.width / 4,
  );
  const heights = blobs.map((b) => b.y1 - b.y0).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length * 0.75)] ?? 0;
  // A word read with little confidence is often noise read as letters over the real ones.
  const words = reading.lines.flatMap((l) =>
    l.words.filter((w) => w.confidence >= MIN_COVER_CONFIDENCE).map((w) => w.box),
  );
  const covered = (b: Box) => {
    const x = (b.x0 + b.x1) / 2;
    const y = (b.y0 + b.y1) / 2;
    return words.some((w) => x >= w.x0 - 2 && x <= w.x1 + 2 && y >= w.y0 - 2 && y <= w.y1 + 2);
  };
  const letters = blobs
    .filter((b) => {
      const height = b.y1 - b.y0;
      return height >= MIN_LETTER_HEIGHT * typical && height <= 2 * typical && !covered(b);
    })
    .sort((a, b) => a.x0 - b.x0);
  // Each stretch keeps the rows of the letter that started it, so a column of figures in
  // successive rows stays as many stretches.
  const stretches: { box: Box; count: number }[] = [];
  for (const b of letters) {
    const middle = (b.y0 + b.y1) / 2;
    const joins = stretches.find(
      (s) => middle >= s.box.y0 && middle <= s.box.y1 && b.x0 - s.box.x1 <= MAX_GAP * typical,
    );
    if (joins) {
      joins.box.x1 = Math.max(joins.box.x1, b.x1);
      joins.count++;
    } else stretches.push({ box: { ...b }, count: 1 });
  }
  return stretches
    .filter((s) => s.count >= MIN_LETTERS)
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_STRETCHES)
    .map(({ box }) => {
      const margin = Math.round(0.4 * (box.y1 - box.y0));
      return {
        x0: Math.max(0, box.x0 - margin),
        y0: Math.max(0, box.y0 - margin),
        x1: Math.min(page.width, box.x1 + margin),
        y1: Math.min(page.height, box.y1 + margin),
      };
    });
}

/**
 * A reading with the lines read again in its missed stretches: those read sure enough that show a
 * figure (an amount, a date, a number: what a dropped column holds) are added, and replace any less
 * sure line of the first reading they mostly cover. Words alone are added only as a heading above
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
