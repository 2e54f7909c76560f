import { extractFields } from "@chalan/core";
import sharp from "sharp";
import { TesseractEngine } from "../ocr/tesseract-engine";
import { MAX_INPUT_PIXELS } from "./check-page";
import { type PageReader, UnreadablePageError } from "./extract-job";

/** The server's reader: images through offline OCR and the core extractor. */
export function createPageReader(ocrWorkers: number): {
  readPage: PageReader;
  close(): Promise<void>;
} {
  const engine = new TesseractEngine({ poolSize: ocrWorkers });
  return {
    async readPage(bytes, mime) {
      if (mime === "application/pdf") return {};
      let png: Buffer;
      try {
        png = await sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_INPUT_PIXELS })
          .rotate()
          .resize(2500, 2500, { fit: "inside", withoutEnlargement: true })
          .grayscale()
          .png()
          .toBuffer();
      } catch (e) {
        throw new UnreadablePageError(`the page image cannot be decoded: ${(e as Error).message}`);
      }
      return extractFields(await engine.recognize(png));
    },
    close: () => engine.close(),
  };
}
