import { PDFDocument } from "pdf-lib";
import { Problem } from "../http/problem";
import { imageError, openImage } from "../images/decode";

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
    await openImage(bytes).resize(256, 256, { fit: "inside" }).toBuffer();
  } catch (e) {
    const err = imageError(e, label);
    throw new Problem(
      err.code === "too_large" ? 413 : 422,
      err.code === "too_large" ? "Image too large" : "Corrupt image",
      err.message,
    );
  }
}
