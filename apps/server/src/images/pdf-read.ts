import type { OcrPage } from "@chalan/core";
import type { OcrEngine } from "../ocr/ocr-engine";
import { surerReading } from "../ocr/surer-reading";
import { withPdf } from "./pdf";
import { grayPng, type RenderSize, renderGray, renderSize } from "./pdf-render";
import { isRealText, readTextLayer } from "./pdf-text-layer";
import { linesOfChars } from "./pdf-words";

/** One PDF page as OCR output, and where its words came from. */
export interface PdfPageReading {
  page: OcrPage;
  source: "text-layer" | "ocr";
}

export interface PdfReading {
  /** Pages in the file; when more than `pages.length`, the rest were not read. */
  pageCount: number;
  pages: PdfPageReading[];
}

/** An invoice runs to a few pages; a 200-page statement is read no further than this. */
const MAX_PDF_PAGES = 10;

/**
 * Reads a PDF's first pages (up to `maxPages`): from the text layer where the page has real text,
 * otherwise drawn at ~200 dpi and OCR'd (again despeckled where unsure, as photos are). Both give
 * boxes in the pixels of that drawing. Refuses a password-protected, damaged or empty PDF with a
 * `PdfError`.
 */
export function readPdf(
  bytes: Uint8Array,
  engine: OcrEngine,
  { maxPages = MAX_PDF_PAGES, label = "the PDF" }: { maxPages?: number; label?: string } = {},
): Promise<PdfReading> {
  return withPdf(bytes, label, async (doc) => {
    const pages: PdfPageReading[] = [];
    for (let i = 0; i < Math.min(doc.pageCount, maxPages); i++) {
      // PDFium's part is synchronous and the page is closed before OCR starts.
      const read = doc.page(i, (page): { text: OcrPage } | { gray: Buffer; size: RenderSize } => {
        const size = renderSize(page);
        const layer = readTextLayer(page, size);
        if (isRealText(layer)) {
          const lines = linesOfChars(layer.chars);
          return { text: { width: size.width, height: size.height, lines } };
        }
        return { gray: renderGray(page, size), size };
      });
      if ("text" in read) pages.push({ page: read.text, source: "text-layer" });
      else {
        const png = await grayPng(read.gray, read.size);
        pages.push({ page: (await surerReading(png, engine)).page, source: "ocr" });
      }
    }
    return { pageCount: doc.pageCount, pages };
  });
}
