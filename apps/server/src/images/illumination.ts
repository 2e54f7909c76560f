import type { GrayPixels } from "./orientation";

// Ink is this much darker than the paper around it; shadows stay paper.
const INK_SHARE = 0.72;

/** 1 where a pixel is ink: darker than the paper around it by more than a shadow would make it. */
export function inkMask(page: GrayPixels, paper = paperLevels(page)): Uint8Array {
  const ink = new Uint8Array(page.data.length);
  for (let i = 0; i < ink.length; i++) {
    ink[i] = (page.data[i] ?? 255) < (paper[i] ?? 255) * INK_SHARE ? 1 : 0;
  }
  return ink;
}

/**
 * The page as if lit evenly: each pixel divided by the paper's brightness around it, so paper turns
 * white under a shadow or a warm lamp and ink keeps its contrast. Tesseract thresholds the whole page
 * at one level, which a shadow across a photographed page splits into black and white halves.
 */
export function evenOutLighting(page: GrayPixels): GrayPixels {
  const paper = paperLevels(page);
  const data = new Uint8Array(page.data.length);
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.min(255, Math.round((255 * (page.data[i] ?? 0)) / Math.max(1, paper[i] ?? 255)));
  }
  return { data, width: page.width, height: page.height };
}

/** The paper's brightness around each pixel: the brightest value in a box about 31 pixels across. */
export function paperLevels(page: GrayPixels): Uint8Array {
  const { width, height } = page;
  const radius = 15;
  const rows = new Uint8Array(page.data.length);
  for (let y = 0; y < height; y++) maxAlong(page.data, rows, y * width, 1, width, radius);
  const out = new Uint8Array(page.data.length);
  for (let x = 0; x < width; x++) maxAlong(rows, out, x, width, height, radius);
  return out;
}

/** Sliding maximum over `2 × radius + 1` values of one row or column (van Herk / Gil-Werman). */
function maxAlong(
  src: Uint8Array,
  dst: Uint8Array,
  start: number,
  step: number,
  length: number,
  radius: number,
): void {
  const size = 2 * radius + 1;
  const left = new Uint8Array(length);
  const right = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const v = src[start + i * step] ?? 0;
    left[i] = i % size === 0 ? v : Math.max(left[i - 1] ?? 0, v);
  }
  for (let i = length - 1; i >= 0; i--) {
    const v = src[start + i * step] ?? 0;
    right[i] = i === length - 1 || (i + 1) % size === 0 ? v : Math.max(right[i + 1] ?? 0, v);
  }
  for (let i = 0; i < length; i++) {
    const lo = Math.max(0, i - radius);
    const hi = Math.min(length - 1, i + radius);
    // A window cut short by an end of the line can lie inside one block.
    const oneBlock = Math.floor(lo / size) === Math.floor(hi / size);
    const max = !oneBlock
      ? Math.max(right[lo] ?? 0, left[hi] ?? 0)
      : lo % size === 0
        ? left[hi]
        : right[lo];
    dst[start + i * step] = max ?? 0;
  }
}
