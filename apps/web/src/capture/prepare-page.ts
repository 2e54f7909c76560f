import {
  imageDimensions,
  inkAgainstPaper,
  levellingAngle,
  sniffFileKind,
  TILT_PAPER_BLUR,
  TILT_PROBE_LONG_SIDE,
  tiltOfInk,
} from "@chalan/core";
import type { NewPage } from "../store/invoices";
import { PdfError, pdfPreview } from "./pdf-preview";
import { sha256 } from "./sha256";

/** Long side of a page kept on the device: enough for OCR, small enough for a cheap phone. */
export const LONG_SIDE = 1600;
/** Same cap as the server's default upload limit, so nothing kept here is refused there. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** Decoding more pixels than this (a "pixel flood") could take the tab down on a cheap phone; the
 * size is read from the header, before decoding. */
const MAX_PIXELS = 50_000_000;

/** Why a file was not kept, in words the person can act on (translated by its code). */
export class CaptureError extends Error {
  constructor(
    readonly code:
      | "empty"
      | "too_large"
      | "not_invoice"
      | "heic"
      | "damaged"
      | "too_many_pixels"
      | "pdf_locked",
    readonly file: string,
  ) {
    super(`${file}: ${code}`);
  }
}

export interface PrepareOptions {
  grayscale: boolean;
}

/**
 * A captured file → the page kept on the device: photos downscaled to LONG_SIDE and re-encoded as
 * JPEG (grayscale on request), PDFs kept as they are; the original's SHA-256 recorded.
 */
export async function preparePage(file: File, opts: PrepareOptions): Promise<NewPage> {
  if (file.size === 0) throw new CaptureError("empty", file.name);
  if (file.size > MAX_FILE_BYTES) throw new CaptureError("too_large", file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = sniffFileKind(bytes);
  if (!kind) throw new CaptureError("not_invoice", file.name);
  if (kind.kind === "heic") throw new CaptureError("heic", file.name);
  const original = { name: file.name, bytes: file.size, sha256: await sha256(bytes) };
  if (kind.kind === "pdf") {
    const preview = await pdfPreview(bytes, LONG_SIDE).catch((e: unknown) => {
      throw new CaptureError(e instanceof PdfError ? e.code : "damaged", file.name);
    });
    return {
      bytes: file,
      mime: kind.mime,
      width: preview.width,
      height: preview.height,
      sha256: original.sha256,
      original,
      preview: preview.image,
    };
  }
  const size = imageDimensions(bytes);
  if (!size) throw new CaptureError("damaged", file.name);
  if (size.width * size.height > MAX_PIXELS) throw new CaptureError("too_many_pixels", file.name);
  const image = await decode(new Blob([bytes], { type: kind.mime }), file.name);
  try {
    const scale = Math.min(1, LONG_SIDE / Math.max(image.width, image.height));
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    // A page photographed or scanned askew is kept level, as the server levels it before reading:
    // Tesseract reads it surer, and field boxes match the image kept.
    const turn = (levellingAngle(measureTilt(image)) * Math.PI) / 180;
    const outW = Math.ceil(width * Math.abs(Math.cos(turn)) + height * Math.abs(Math.sin(turn)));
    const outH = Math.ceil(width * Math.abs(Math.sin(turn)) + height * Math.abs(Math.cos(turn)));
    const canvas = new OffscreenCanvas(outW, outH);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new CaptureError("damaged", file.name);
    // JPEG has no transparency: a transparent PNG, or the corners a turn uncovers, would turn black.
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, outW, outH);
    if (opts.grayscale) ctx.filter = "grayscale(1)";
    ctx.imageSmoothingQuality = "high";
    ctx.translate(outW / 2, outH / 2);
    ctx.rotate(-turn);
    ctx.drawImage(image, -width / 2, -height / 2, width, height);
    const out = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.85 });
    const kept = new Uint8Array(await out.arrayBuffer());
    return {
      bytes: out,
      mime: "image/jpeg",
      width: outW,
      height: outH,
      sha256: await sha256(kept),
      original,
    };
  } finally {
    image.close();
  }
}

/** Degrees clockwise the page's text lines lean, measured by core on a small gray copy. */
function measureTilt(image: ImageBitmap): number {
  const scale = Math.min(1, TILT_PROBE_LONG_SIDE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const gray = (filter: string) => {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) return new Uint8Array(width * height);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, height);
    ctx.filter = filter;
    ctx.drawImage(image, 0, 0, width, height);
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const out = new Uint8Array(width * height);
    for (let i = 0; i < out.length; i++) out[i] = rgba[i * 4] ?? 0;
    return out;
  };
  // CSS blur takes the standard deviation, like the server's sharp.blur(sigma).
  const paper = gray(`grayscale(1) blur(${TILT_PAPER_BLUR}px)`);
  return tiltOfInk(inkAgainstPaper(gray("grayscale(1)"), paper, width, height));
}

async function decode(blob: Blob, name: string): Promise<ImageBitmap> {
  try {
    // EXIF orientation applied, so a phone photo taken sideways is kept upright.
    return await createImageBitmap(blob, { imageOrientation: "from-image" });
  } catch {
    throw new CaptureError("damaged", name);
  }
}
