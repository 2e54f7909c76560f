import {
  type Box,
  inkAgainstPaper,
  TILT_PAPER_BLUR,
  TILT_PROBE_LONG_SIDE,
  tiltOfInk,
} from "@chalan/core";
import sharp from "sharp";

/** A page decoded once to 8-bit gray, for the measures taken on its pixels. */
export interface GrayPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

export async function grayPixels(image: Buffer): Promise<GrayPixels> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * How many degrees clockwise the text lines of a page are tilted (±6°); 0 when the page shows no
 * text lines. The measure is core's, on a small copy and its blur taken as the paper.
 */
export async function measureTilt(page: GrayPixels): Promise<number> {
  const { data, info } = await sharp(page.data, raw(page))
    .resize(TILT_PROBE_LONG_SIDE, TILT_PROBE_LONG_SIDE, { fit: "inside" })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const paper = await sharp(data, raw(info)).blur(TILT_PAPER_BLUR).greyscale().raw().toBuffer();
  return tiltOfInk(inkAgainstPaper(data, paper, info.width, info.height));
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
