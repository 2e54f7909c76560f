import { inkMask, paperLevels } from "./illumination";
import type { GrayPixels } from "./orientation";

// A ruled line is at least this share of the page's width: longer than any word, the headline
// (matra) of a long Bengali word included; upright, taller than the letters of a large heading.
const MIN_RULE_ACROSS = 1 / 10;
const MIN_RULE_DOWN = 1 / 12;
// Gaps a printed or photographed line may show (JPEG blocks, a faint scan) that still join it.
const MAX_GAP = 2;
// Beyond this share of a run's length with ink thicker than a line, the run is a headline of text.
const MAX_CROSSED_SHARE = 0.1;

/** A page with its ruled lines erased, and the ink left on it (1 = ink), for what looks at it next. */
export interface CleanPage extends GrayPixels {
  ink: Uint8Array;
}

/**
 * Erases the ruled lines of tables and boxes, which Tesseract reads as part of the text and which
 * made it drop whole columns of a cash memo's figures. Strokes of letters that cross a line stay:
 * only the line's own thickness is whitened. `tilt` is the page's remaining tilt in degrees clockwise
 * (the lines are followed along it).
 */
export function eraseRuledLines(page: GrayPixels, tilt = 0): CleanPage {
  const paper = paperLevels(page);
  const ink = inkMask(page, paper);
  const erase = new Uint8Array(ink.length);
  const maxThickness = Math.max(4, Math.round(Math.min(page.width, page.height) / 300));
  markRules(ink, page.width, page.height, tilt, MIN_RULE_ACROSS * page.width, maxThickness, erase);
  // Without the rules across, where an upright rule meets one it is no thicker than itself.
  const left = ink.map((v, i) => (erase[i] ? 0 : v));
  const down = transpose(left, page.width, page.height);
  const downErase = new Uint8Array(ink.length);
  const minDown = MIN_RULE_DOWN * page.height;
  markRules(down, page.height, page.width, -tilt, minDown, maxThickness, downErase);
  const alsoErase = transpose(downErase, page.height, page.width);
  const data = new Uint8Array(page.data);
  for (let i = 0; i < data.length; i++) {
    if (erase[i] || alsoErase[i]) {
      data[i] = paper[i] ?? 255;
      left[i] = 0;
    }
  }
  return { data, width: page.width, height: page.height, ink: left };
}

/**
 * Marks, in `erase`, the ink of every run along rows tilted `tilt` degrees that is at least
 * `minLength` long, column by column where the ink there is no thicker than a line.
 */
function markRules(
  ink: Uint8Array,
  width: number,
  height: number,
  tilt: number,
  minLength: number,
  maxThickness: number,
  erase: Uint8Array,
): void {
  const slope = Math.tan((tilt * Math.PI) / 180);
  const shift = Int32Array.from({ length: width }, (_, x) => Math.round(x * slope));
  const lowest = Math.min(0, shift[width - 1] ?? 0);
  const highest = Math.max(0, shift[width - 1] ?? 0);
  const at = (x: number, row: number) => {
    const y = row + (shift[x] ?? 0);
    return y >= 0 && y < height ? y * width + x : -1;
  };
  const isInk = (i: number) => i >= 0 && ink[i] === 1;
  for (let row = -highest; row < height - lowest; row++) {
    let x = 0;
    while (x < width) {
      if (!isInk(at(x, row))) {
        x++;
        continue;
      }
      let end = x + 1;
      let gap = 0;
      for (let k = x + 1; k < width && gap <= MAX_GAP; k++) {
        if (isInk(at(k, row))) {
          end = k + 1;
          gap = 0;
        } else gap++;
      }
      if (end - x >= minLength) eraseRun(x, end, row);
      x = end;
    }
  }

  function eraseRun(from: number, to: number, row: number) {
    const spans = [];
    let thick = 0;
    for (let x = from; x < to; x++) {
      if (!isInk(at(x, row))) continue;
      let up = 0;
      while (up <= maxThickness && isInk(at(x, row - up - 1))) up++;
      let down = 0;
      while (down <= maxThickness && isInk(at(x, row + down + 1))) down++;
      if (up + down + 1 > maxThickness) thick++;
      else spans.push({ x, up, down });
    }
    // Text crosses a ruled line here and there; the letters of a Bengali word hang from its
    // headline by their stems, a fifth of its length or more.
    if (thick > MAX_CROSSED_SHARE * (to - from)) return;
    for (const { x, up, down } of spans) {
      // Anti-aliased edges one pixel beyond the ink go too.
      for (let d = -up - 1; d <= down + 1; d++) {
        const i = at(x, row + d);
        if (i >= 0) erase[i] = 1;
      }
    }
  }
}

function transpose(data: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[x * height + y] = data[y * width + x] ?? 0;
  }
  return out;
}
