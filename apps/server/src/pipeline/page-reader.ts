import { ImageError } from "../images/decode";
import { readInvoice } from "../ocr/read-invoice";
import { TesseractEngine } from "../ocr/tesseract-engine";
import { type PageReader, UnreadablePageError } from "./extract-job";

/** The server's reader: page images through offline OCR and the core extractor. */
export function createPageReader(ocrWorkers: number): {
  readPage: PageReader;
  close(): Promise<void>;
} {
  const engine = new TesseractEngine({ poolSize: ocrWorkers });
  return {
    async readPage(bytes, mime) {
      // PDFs are stored and served; reading them (text layer or rasterised) comes with the
      // extraction engine work. Until then a PDF invoice waits for a person in needs_review.
      if (mime === "application/pdf") return {};
      try {
        return (await readInvoice(bytes, engine, "the page")).fields;
      } catch (e) {
        if (e instanceof ImageError) throw new UnreadablePageError(e.message);
        throw e;
      }
    },
    close: () => engine.close(),
  };
}
