import { imageError, openImage } from "./decode";

// Receipts OCR best around 2000–2500 px on the long side; a 4961×7016 scan shrinks to this, which
// also bounds the OCR worker's memory.
const MAX_LONG_SIDE = 2500;

/** Upright (EXIF orientation applied), at most 2500 px, grayscale PNG: what the OCR engine reads. */
export async function normalizeImage(
  bytes: Buffer,
  label = "the page",
): Promise<{ png: Buffer; width: number; height: number }> {
  try {
    const { data, info } = await openImage(bytes)
      .rotate()
      .resize(MAX_LONG_SIDE, MAX_LONG_SIDE, { fit: "inside", withoutEnlargement: true })
      .toColourspace("b-w")
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch (e) {
    throw imageError(e, label);
  }
}
