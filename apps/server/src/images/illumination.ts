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
  // Down the columns a row at a time: walking each column alone misses the cache at every step.
  return maxDown(maxAcross(page.data, width, height, radius), width, height, radius);
}

/**
 * Sliding maximum over `2 × radius + 1` values along every row (van Herk / Gil-Werman): running
 * maxima from each block's start (`left`) and to its end (`right`) meet in every window.
 */
function maxAcross(src: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const size = 2 * radius + 1;
  const left = new Uint8Array(width);
  const right = new Uint8Array(width);
  const out = new Uint8Array(width * height);
  for (let row = 0; row < out.length; row += width) {
    for (let b = 0; b < width; b += size) {
      const end = Math.min(width, b + size);
      let m = 0;
      for (let i = b; i < end; i++) {
        const v = src[row + i] ?? 0;
        m = Math.max(v, m);
        left[i] = m;
      }
      m = 0;
      for (let i = end - 1; i >= b; i--) {
        const v = src[row + i] ?? 0;
        m = Math.max(v, m);
        right[i] = m;
      }
    }
    for (let i = 0; i < width; i++) {
      const lo = Math.max(0, i - radius);
      const hi = Math.min(width - 1, i + radius);
      // A window cut short by an end of the line can lie inside one block.
      const oneBlock = Math.floor(lo / size) === Math.floor(hi / size);
      const a = right[lo] ?? 0;
      const b = left[hi] ?? 0;
      out[row + i] = !oneBlock ? Math.max(a, b) : lo % size === 0 ? b : a;
    }
  }
  return out;
}

/** `maxAcross` down every column at once, row by row. */
function maxDown(src: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const size = 2 * radius + 1;
  const left = new Uint8Array(src.length);
  const right = new Uint8Array(src.length);
  for (let y = 0; y < height; y += size) {
    const end = Math.min(height, y + size) * width;
    left.set(src.subarray(y * width, y * width + width), y * width);
    for (let i = y * width + width; i < end; i++) {
      const a = left[i - width] ?? 0;
      const b = src[i] ?? 0;
      left[i] = Math.max(a, b);
    }
    right.set(src.subarray(end - width, end), end - width);
    for (let i = end - width - 1; i >= y * width; i--) {
      const a = right[i + width] ?? 0;
      const b = src[i] ?? 0;
      right[i] = Math.max(a, b);
    }
  }
  const out = new Uint8Array(src.length);
  for (let y = 0; y < height; y++) {
    const lo = Math.max(0, y - radius);
    const hi = Math.min(height - 1, y + radius);
    const row = y * width;
    if (Math.floor(lo / size) === Math.floor(hi / size)) {
      const from = lo % size === 0 ? left.subarray(hi * width) : right.subarray(lo * width);
      out.set(from.subarray(0, width), row);
    } else
      for (let x = 0; x < width; x++) {
        const a = right[lo * width + x] ?? 0;
        const b = left[hi * width + x] ?? 0;
        out[row + x] = Math.max(a, b);
      }
  }
  return out;
}
