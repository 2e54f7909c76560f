import { sniffFileKind } from "@chalan/core";
import sharp from "sharp";
import { ImageError, imageError, openImage } from "./decode";

// Receipts OCR best around 2000–2500 px on the long side; a 4961×7016 scan shrinks to this, which
// also bounds the OCR worker's memory.
const MAX_LONG_SIDE = 2500;
// Small photos are enlarged to this: SROIE receipts shrunk to 700 px gave Tesseract 37% of their
// words as they were, 47% enlarged to 1000 px and 54% at 1600–2000 px; 1000–1300 px scans gain too.
const MIN_LONG_SIDE = 1600;

// The prebuilt libvips in sharp decodes HEIF only with AV1 (AVIF); HEIC needs an HEVC decoder it
// leaves out for patent reasons. libvips lists ".heic" among its suffixes only when it has one.
const canDecodeHeic = sharp.format.heif.input.fileSuffix?.includes(".heic") ?? false;

/**
 * Upright (EXIF orientation applied), 1600–2500 px on the long side, grayscale PNG: what the OCR
 * engine reads. Only JPEG, PNG and WebP are opened (HEIC too, where sharp can decode it).
 */
export async function normalizeImage(
  bytes: Buffer,
  label = "the page",
): Promise<{ png: Buffer; width: number; height: number }> {
  refuseUnreadable(bytes, label);
  try {
    const image = openImage(bytes);
    const { width, height } = (await image.metadata()).autoOrient;
    const longSide = Math.max(width, height);
    const target = Math.min(MAX_LONG_SIDE, Math.max(MIN_LONG_SIDE, longSide));
    const { data, info } = await image
      .rotate()
      .resize(target, target, { fit: "inside" })
      .toColourspace("b-w")
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch (e) {
    throw imageError(e, label);
  }
}

/**
 * The page through a 3×3 median filter: grain and JPEG blocks go, strokes stay where a blur would
 * spread them. Clean pages lose thin strokes to it, so it is only for a second reading.
 */
export async function despeckle(png: Buffer): Promise<Buffer> {
  return sharp(png).median(3).png().toBuffer();
}

/** Decodes the whole image once, small: a cheap proof at upload that reading it later will work. */
export async function checkImage(bytes: Buffer, label: string): Promise<void> {
  refuseUnreadable(bytes, label);
  try {
    await openImage(bytes).resize(256, 256, { fit: "inside" }).toBuffer();
  } catch (e) {
    throw imageError(e, label);
  }
}

/** Refuses, from the first bytes, what is not a photo or scan we can decode. */
function refuseUnreadable(bytes: Buffer, label: string): void {
  if (bytes.length === 0) {
    throw new ImageError("empty", `${label} is empty (0 bytes). Take or send the photo again.`);
  }
  const kind = sniffFileKind(bytes)?.kind;
  if (kind === "heic" && !canDecodeHeic) {
    throw new ImageError(
      "unsupported",
      `${label} is a HEIC photo, which Chalan cannot read. Set the camera to JPEG ("Most compatible") or share the photo as JPEG.`,
    );
  }
  if (kind === "pdf") {
    throw new ImageError(
      "unsupported",
      `${label} is a PDF, not a photo or scan (JPEG, PNG, WebP).`,
    );
  }
  if (kind === undefined) {
    throw new ImageError(
      "unsupported",
      `${label} is not a JPEG, PNG or WebP image. Send a photo or scan of the invoice.`,
    );
  }
}
