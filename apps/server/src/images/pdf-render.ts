import sharp from "sharp";
import type { PdfPage } from "./pdf";

/** A page's size in pixels when drawn at `scale` pixels per point. */
export interface RenderSize {
  scale: number;
  width: number;
  height: number;
}

// 200 dpi reads printed text well. The long side is kept within the range normalize.ts gives photos
// (1600–2500 px; see the measurements there), so a page is never larger than 2500 × 2500 = 6.25 MP
// however big its MediaBox, and a small one (a till slip) is drawn large enough to read.
const DPI = 200;
const MIN_LONG_SIDE = 1600;
const MAX_LONG_SIDE = 2500;

// FPDFBitmap_Gray; FPDF_ANNOT (stamps and signatures drawn as annotations) and a bounded image
// cache. FPDF_GRAYSCALE is left out: into a gray bitmap it gives the same pixels, 40% slower.
const BITMAP_GRAY = 1;
const RENDER_FLAGS = 0x01 | 0x200;

/** Where the text layer's boxes and the rendered image of a page share one pixel space. */
export function renderSize(page: Pick<PdfPage, "width" | "height">): RenderSize {
  const longSide = Math.max(page.width, page.height, 1);
  const scale = Math.min(MAX_LONG_SIDE / longSide, Math.max(DPI / 72, MIN_LONG_SIDE / longSide));
  return {
    scale,
    width: Math.max(1, Math.round(page.width * scale)),
    height: Math.max(1, Math.round(page.height * scale)),
  };
}

/** Draws the page in 8-bit gray, one byte per pixel, rows packed. */
export function renderGray(page: PdfPage, size: RenderSize): Buffer {
  const { pdf } = page;
  const bitmap = pdf._FPDFBitmap_CreateEx(size.width, size.height, BITMAP_GRAY, 0, 0);
  if (!bitmap) throw new Error(`PDFium could not allocate a ${size.width}×${size.height} bitmap`);
  try {
    pdf._FPDFBitmap_FillRect(bitmap, 0, 0, size.width, size.height, 0xffffffff);
    pdf._FPDF_RenderPageBitmap(bitmap, page.handle, 0, 0, size.width, size.height, 0, RENDER_FLAGS);
    const stride = pdf._FPDFBitmap_GetStride(bitmap);
    const start = pdf._FPDFBitmap_GetBuffer(bitmap);
    const out = Buffer.allocUnsafe(size.width * size.height);
    for (let y = 0; y < size.height; y++) {
      const row = start + y * stride;
      out.set(pdf.HEAPU8.subarray(row, row + size.width), y * size.width);
    }
    return out;
  } finally {
    pdf._FPDFBitmap_Destroy(bitmap);
  }
}

/** The gray pixels as the PNG an OCR engine reads (fastest compression: it is decoded at once). */
export function grayPng(gray: Buffer, size: RenderSize): Promise<Buffer> {
  return sharp(gray, { raw: { width: size.width, height: size.height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}
