import { extractFields, mostConfidentFields } from "@chalan/core";
import { ImageError } from "../images/decode";
import { PdfError } from "../images/pdf";
import { readPdf } from "../images/pdf-read";
import { EngineThreads } from "../ocr/engine-threads";
import { readInvoice } from "../ocr/read-invoice";
import { type PageReader, UnreadablePageError } from "./extract-job";

/** The server's reader: page images and PDFs through offline OCR and the core extractor. */
export function createPageReader(ocrWorkers: number): {
  readPage: PageReader;
  close(): Promise<void>;
} {
  const engine = new EngineThreads({ threads: ocrWorkers });
  return {
    async readPage(bytes, mime) {
      try {
        if (mime !== "application/pdf") {
          const { fields, page } = await readInvoice(bytes, engine, "the page");
          return { fields, ...(page.print && { print: page.print }) };
        }
        // One uploaded PDF is one page of the invoice to the extract job, but may hold several
        // PDF pages: they are merged the way the job merges uploaded pages. Its print is its first
        // page's (a scanned PDF is compared like a photo; one with a text layer has none).
        const { pages } = await readPdf(bytes, engine, { label: "the PDF" });
        const print = pages[0]?.page.print;
        return {
          fields: mostConfidentFields(pages.map((p) => extractFields(p.page))),
          ...(print && { print }),
        };
      } catch (e) {
        if (e instanceof ImageError || e instanceof PdfError)
          throw new UnreadablePageError(e.message);
        throw e;
      }
    },
    close: () => engine.close(),
  };
}
