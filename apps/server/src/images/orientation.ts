import type { Box } from "@chalan/core";
import sharp from "sharp";

/** A page decoded once to 8-bit gray, for the measures taken on its pixels. */
export interface GrayPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

// The skew is measured on a copy this size: text lines stay a few pixels apart, and 0.1° is still
// about 2 px across the width.
const PROBE_LONG_SIDE = 800;
// Photos and scans of a page are rarely tilted more than this; larger angles are left to OSD.
const MAX_SKEW = 6;
// Tesseract finds lines tilted less than this itself, and levelling them did not pay: on 56
// generated and SROIE pages tilted 0.5–2° it lost 4 extracted fields, on 30 tilted 2–6° it gained 13.
const MIN_CORRECTION = 2;
// Text lines make the row profile much sharper at their angle than 3° off it; a photo, a logo or
// a page turned sideways does not, and then no angle is trusted.
const MIN_SHARPNESS = 1.1;

export async function grayPixels(image: Buffer): Promise<GrayPixels> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * How many degrees clockwise the text lines of a page are tilted (±6°), found as the angle whose
 * row profile of ink is sharpest; 0 when the page shows no text lines.
 */
export async function measureTilt(page: GrayPixels): Promise<number> {
  const ink = await inkPixels(page);
  if (ink.xs.length < 500) return 0;
  const score = (degrees: number) => profileScore(ink, degrees);
  const search = (from: number, to: number, step: number) => {
    let best = { degrees: 0, score: -1 };
    for (let d = from; d <= to + 1e-9; d += step) {
      const s = score(d);
      if (s > best.score) best = { degrees: d, score: s };
    }
    return best;
  };
  const coarse = search(-MAX_SKEW, MAX_SKEW, 0.5);
  const fine = search(coarse.degrees - 0.4, coarse.degrees + 0.4, 0.1);
  const sharpness = fine.score / Math.max(score(fine.degrees - 3), score(fine.degrees + 3));
  return sharpness < MIN_SHARPNESS ? 0 : Math.round(fine.degrees * 100) / 100;
}

/** The tilt worth levelling before OCR: 0 for a page tilted less than 2°. */
export function levellingAngle(tilt: number): number {
  return Math.abs(tilt) < MIN_CORRECTION ? 0 : tilt;
}

/** Rotates a page clockwise, filling the new corners white. */
export async function rotatePixels(page: GrayPixels, degrees: number): Promise<GrayPixels> {
  const { data, info } = await sharp(page.data, raw(page))
    .rotate(degrees, { background: "#ffffff" })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Grayscale PNG, like normalizeImage makes. */
export function encodePng(page: GrayPixels): Promise<Buffer> {
  // Read once by Tesseract straight away: fast to write matters more than small.
  return sharp(page.data, raw(page)).toColourspace("b-w").png({ compressionLevel: 1 }).toBuffer();
}

/** The pixels inside a box of a page. */
export function cropPixels(page: GrayPixels, box: Box): GrayPixels {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (box.y0 + y) * page.width + box.x0;
    data.set(page.data.subarray(from, from + width), y * width);
  }
  return { data, width, height };
}

function raw({ width, height }: { width: number; height: number }) {
  return { raw: { width, height, channels: 1 as const } };
}

interface Ink {
  xs: Int32Array;
  ys: Int32Array;
  width: number;
  height: number;
}

/** Dark pixels of a small copy, against a blurred copy as the local paper (shadows stay paper). */
async function inkPixels(page: GrayPixels): Promise<Ink> {
  const { data, info } = await sharp(page.data, raw(page))
    .resize(PROBE_LONG_SIDE, PROBE_LONG_SIDE, { fit: "inside" })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const paper = await sharp(data, raw(info)).blur(12).greyscale().raw().toBuffer();
  let count = 0;
  for (let i = 0; i < data.length; i++) if ((data[i] ?? 0) < (paper[i] ?? 0) * 0.75) count++;
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < data.length; i++) {
    if ((data[i] ?? 0) < (paper[i] ?? 0) * 0.75) {
      xs[k] = i % width;
      ys[k] = Math.floor(i / width);
      k++;
    }
  }
  return { xs, ys, width, height };
}

/** Σ count² of the ink's row profile along lines tilted `degrees` clockwise. */
function profileScore(ink: Ink, degrees: number): number {
  const rad = (degrees * Math.PI) / 180;
  const sin = Math.sin(rad);
  const cos = Math.cos(rad);
  const offset = Math.ceil(Math.abs(sin) * ink.width) + 1;
  const bins = new Int32Array(ink.height + 2 * offset);
  for (let i = 0; i < ink.xs.length; i++) {
    const row = Math.round((ink.ys[i] ?? 0) * cos - (ink.xs[i] ?? 0) * sin) + offset;
    bins[row] = (bins[row] ?? 0) + 1;
  }
  let sum = 0;
  for (const c of bins) sum += c * c;
  return sum;
}
