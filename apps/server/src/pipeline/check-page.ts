import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { Problem } from "../http/problem";

// 10,000 × 10,000: far beyond any phone camera, far below what would exhaust a worker's memory.
export const MAX_INPUT_PIXELS = 100_000_000;

/** Decodes the whole page once at upload, so a truncated or corrupt file is refused, not queued. */
export async function checkPageReadable(bytes: Buffer, kind: string, label: string): Promise<void> {
  if (kind === "heic") {
    throw new Problem(
      415,
      "HEIC not supported",
      `${label} is a HEIC photo, which Chalan cannot read yet. Set the camera to JPEG ("Most compatible") or share the photo as JPEG.`,
    );
  }
  if (kind === "pdf") {
    let pages: number;
    try {
      pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    } catch (e) {
      const encrypted = /encrypt/i.test((e as Error).message);
      throw new Problem(
        422,
        encrypted ? "Protected PDF" : "Corrupt PDF",
        encrypted
          ? `${label} is password-protected. Save it without a password and upload again.`
          : `${label} is damaged and cannot be opened as a PDF.`,
      );
    }
    if (pages === 0) throw new Problem(422, "Empty PDF", `${label} has no pages.`);
    return;
  }
  try {
    await sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_INPUT_PIXELS })
      .resize(256, 256, { fit: "inside" })
      .toBuffer();
  } catch (e) {
    const tooBig = /pixel limit/i.test((e as Error).message);
    throw new Problem(
      tooBig ? 413 : 422,
      tooBig ? "Image too large" : "Corrupt image",
      tooBig
        ? `${label} has more than ${MAX_INPUT_PIXELS / 1_000_000} million pixels. Take the photo at a lower resolution.`
        : `${label} is damaged or incomplete (was the upload cut off?). Take or send the photo again.`,
    );
  }
}
