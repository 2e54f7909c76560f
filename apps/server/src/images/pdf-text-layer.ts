import type { Box } from "@chalan/core";
import type { PdfPage } from "./pdf";
import type { RenderSize } from "./pdf-render";
import { type Pdfium, withScratch } from "./pdfium";

/** A character the page draws, boxed in the pixels of its rendering; `box` is absent for spaces. */
export interface PdfChar {
  text: string;
  box?: Box;
}

export interface TextLayer {
  /** Visible characters in PDFium's reading order, with spaces and line breaks between words. */
  chars: PdfChar[];
  /** Visible characters other than spaces. */
  printed: number;
  /** Visible characters with no Unicode value (a font without a ToUnicode map, say). */
  unmapped: number;
  /** Drawn with a Bijoy ("…MJ") font, whose Bengali glyphs sit on Latin code points. */
  legacyBengali: boolean;
  /** Share of the page under images: near 1 for a scan. */
  imageCover: number;
}

// An invoice page draws a few thousand characters; the cap bounds the time a hostile page takes.
const MAX_CHARS = 20_000;
const MAX_OBJECTS = 10_000;
// FPDF_TEXTRENDERMODE: invisible, and clip-only (also never painted).
const INVISIBLE = new Set([3, 7]);
const OBJ_IMAGE = 3;
const OBJ_FORM = 5;
// SutonnyMJ and its kin encode Bengali glyphs as ASCII/Latin-1 (Bijoy); "OMJ" fonts are Unicode.
const BIJOY_FONT = /(?<!O)MJ(?![a-z])/;

// With fewer printed characters (a page number, a stray label) the page is read as an image.
const MIN_PRINTED = 10;
// A scan under a few visible words ("Scanned with …") is still a scan.
const SCAN_COVER = 0.5;
const MIN_PRINTED_ON_SCAN = 100;
const MAX_UNMAPPED_SHARE = 0.1;

/**
 * Whether the text layer is the page's real text: printed, mapped to Unicode, in a Unicode font,
 * and not just a few words on top of a scanned image. Otherwise the page is rasterised and OCR'd.
 * A scan's invisible OCR layer (from the scanner) does not count: its words deserve no
 * confidence 1, and our own OCR is measured.
 */
export function isRealText(layer: TextLayer): boolean {
  const { printed, unmapped } = layer;
  if (layer.legacyBengali || printed < MIN_PRINTED) return false;
  if (unmapped > MAX_UNMAPPED_SHARE * (printed + unmapped)) return false;
  return layer.imageCover < SCAN_COVER || printed >= MIN_PRINTED_ON_SCAN;
}

/** Reads the characters a page draws, their boxes in `size`'s pixels, and what they are worth. */
export function readTextLayer(page: PdfPage, size: RenderSize): TextLayer {
  const { pdf } = page;
  const layer: TextLayer = {
    chars: [],
    printed: 0,
    unmapped: 0,
    legacyBengali: false,
    imageCover: imageCover(page),
  };
  const textPage = pdf._FPDFText_LoadPage(page.handle);
  if (!textPage) return layer;
  try {
    const count = Math.min(pdf._FPDFText_CountChars(textPage), MAX_CHARS);
    const fontNames = new Map<number, string>();
    // An FS_RECTF (4 floats), then two ints for PageToDevice.
    withScratch(pdf, 24, (scratch) => {
      for (let i = 0; i < count; i++) {
        const code = pdf._FPDFText_GetUnicode(textPage, i);
        const text = isUnmapped(code) ? "" : String.fromCodePoint(code);
        if (pdf._FPDFText_IsGenerated(textPage, i) === 1 || /\s/u.test(text)) {
          layer.chars.push({ text: " " });
          continue;
        }
        const object = pdf._FPDFText_GetTextObject(textPage, i);
        if (object && INVISIBLE.has(pdf._FPDFTextObj_GetTextRenderMode(object))) continue;
        if (object && BIJOY_FONT.test(fontName(pdf, object, fontNames))) {
          layer.legacyBengali = true;
        }
        if (isUnmapped(code) || pdf._FPDFText_HasUnicodeMapError(textPage, i) === 1) {
          layer.unmapped++;
          continue;
        }
        if (!pdf._FPDFText_GetLooseCharBox(textPage, i, scratch)) continue;
        const box = toPixels(page, size, scratch);
        // Text placed off the page is not shown to anyone.
        if (box.x1 <= 0 || box.y1 <= 0 || box.x0 >= size.width || box.y0 >= size.height) continue;
        layer.chars.push({ text, box });
        layer.printed++;
      }
    });
  } finally {
    pdf._FPDFText_ClosePage(textPage);
  }
  return layer;
}

/** No character, a replacement character, a control code or a private-use glyph number. */
function isUnmapped(code: number): boolean {
  return code < 0x20 || code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff) || code > 0x10ffff;
}

/** The base font name of a text object, cached by font. */
function fontName(pdf: Pdfium, object: number, cache: Map<number, string>): string {
  const font = pdf._FPDFTextObj_GetFont(object);
  let name = cache.get(font);
  if (name === undefined) {
    name = withScratch(pdf, 128, (buffer) => {
      const length = font ? pdf._FPDFFont_GetBaseFontName(font, buffer, 128) : 0;
      const end = buffer + Math.max(0, Math.min(length, 128) - 1);
      return Buffer.from(pdf.HEAPU8.subarray(buffer, end)).toString("latin1");
    });
    cache.set(font, name);
  }
  return name;
}

/**
 * The FS_RECTF {left, top, right, bottom} at `scratch`, in page points, as a box in pixels; the 8
 * bytes after it take PageToDevice's answers.
 */
function toPixels(page: PdfPage, size: RenderSize, scratch: number): Box {
  const { pdf } = page;
  const rect = pdf.HEAPF32.subarray(scratch / 4, scratch / 4 + 4);
  const [left = 0, top = 0, right = 0, bottom = 0] = rect;
  const xy = scratch + 16;
  // Through PDFium, so a page with /Rotate or a shifted MediaBox lands where it is drawn.
  const corner = (x: number, y: number): [number, number] => {
    pdf._FPDF_PageToDevice(page.handle, 0, 0, size.width, size.height, 0, x, y, xy, xy + 4);
    return [pdf.HEAP32[xy / 4] ?? 0, pdf.HEAP32[xy / 4 + 1] ?? 0];
  };
  const [ax, ay] = corner(left, top);
  const [bx, by] = corner(right, bottom);
  return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}

/** Share of the page's area covered by images, directly or inside form XObjects. */
function imageCover(page: PdfPage): number {
  const { pdf } = page;
  const area = page.width * page.height;
  if (area <= 0) return 0;
  const count = Math.min(pdf._FPDFPage_CountObjects(page.handle), MAX_OBJECTS);
  let covered = 0;
  withScratch(pdf, 16, (b) => {
    for (let i = 0; i < count; i++) {
      const object = pdf._FPDFPage_GetObject(page.handle, i);
      if (!holdsImage(pdf, object, 0)) continue;
      if (!pdf._FPDFPageObj_GetBounds(object, b, b + 4, b + 8, b + 12)) continue;
      const [left = 0, bottom = 0, right = 0, top = 0] = pdf.HEAPF32.subarray(b / 4, b / 4 + 4);
      covered += Math.min(area, Math.max(0, right - left) * Math.max(0, top - bottom));
    }
  });
  return Math.min(1, covered / area);
}

function holdsImage(pdf: Pdfium, object: number, depth: number): boolean {
  const type = pdf._FPDFPageObj_GetType(object);
  if (type === OBJ_IMAGE) return true;
  if (type !== OBJ_FORM || depth >= 3) return false;
  const count = Math.min(pdf._FPDFFormObj_CountObjects(object), MAX_OBJECTS);
  for (let i = 0; i < count; i++) {
    if (holdsImage(pdf, pdf._FPDFFormObj_GetObject(object, i), depth + 1)) return true;
  }
  return false;
}
