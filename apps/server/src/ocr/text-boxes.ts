import type { Box } from "@chalan/core";

// PaddleOCR's DB post-processing defaults: a pixel is text above this probability, and a region
// is kept when its mean probability reaches the second threshold.
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
// The model marks a shrunk core of each text line; DB grows it back by area × ratio / perimeter.
const UNCLIP_RATIO = 1.5;
// Regions smaller than this many map pixels are specks.
const MIN_PIXELS = 10;

/** A text probability map from a DB detector: `width` × `height`, one value in [0, 1] per pixel. */
export interface TextMap {
  data: Float32Array;
  width: number;
  height: number;
}

/**
 * The upright boxes of the text regions of a probability map, scaled to a page `pageWidth` ×
 * `pageHeight` and clipped to it, top to bottom and left to right. Upright is enough: the page has
 * been levelled before it is looked at.
 */
export function textBoxes(map: TextMap, pageWidth: number, pageHeight: number): Box[] {
  const { data, width, height } = map;
  const seen = new Uint8Array(data.length);
  const sx = pageWidth / width;
  const sy = pageHeight / height;
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || (data[start] ?? 0) <= PIXEL_THRESHOLD) continue;
    seen[start] = 1;
    stack.push(start);
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    let sum = 0;
    let count = 0;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const x = i % width;
      const y = (i - x) / width;
      sum += data[i] ?? 0;
      count++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      const next = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width];
      for (const j of next) {
        if (j < 0 || j >= data.length || seen[j] || (data[j] ?? 0) <= PIXEL_THRESHOLD) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    if (count < MIN_PIXELS || sum / count < BOX_THRESHOLD) continue;
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    boxes.push({
      x0: Math.max(0, Math.floor((x0 - grow) * sx)),
      y0: Math.max(0, Math.floor((y0 - grow) * sy)),
      x1: Math.min(pageWidth, Math.ceil((x1 + 1 + grow) * sx)),
      y1: Math.min(pageHeight, Math.ceil((y1 + 1 + grow) * sy)),
    });
  }
  return boxes.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
