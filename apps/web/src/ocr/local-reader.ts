import { type ExtractedFields, extractFields, type OcrPage, tesseractLines } from "@chalan/core";
import Tesseract from "tesseract.js";
import { coreUrl, OCR_BASE } from "./reader-files";

type Languages = "eng" | "ben+eng";
/** Below this mean word confidence an English reading is taken for a page in another script. */
const LATIN_SURE = 0.7;

let current: { languages: Languages; worker: Promise<Tesseract.Worker> } | null = null;

/** One worker at a time, switched between models: two would not fit a cheap phone's memory. */
async function workerFor(languages: Languages): Promise<Tesseract.Worker> {
  if (!current) {
    // Tesseract's worker, core and models, all from our own server (or the service worker's cache).
    const worker = coreUrl().then(async (corePath) => {
      const w = await Tesseract.createWorker(languages, Tesseract.OEM.LSTM_ONLY, {
        workerPath: `${OCR_BASE}worker.min.js`,
        corePath,
        langPath: `${OCR_BASE}lang`,
        workerBlobURL: false,
        // The service worker already keeps the models; a second copy in IndexedDB would waste space.
        cacheMethod: "none",
        gzip: true,
        errorHandler: () => {},
      });
      await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_COLUMN });
      return w;
    });
    current = { languages, worker };
    worker.catch(() => {
      current = null;
    });
  } else if (current.languages !== languages) {
    const worker = current.worker.then(async (w) => {
      await w.reinitialize(languages, Tesseract.OEM.LSTM_ONLY);
      await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_COLUMN });
      return w;
    });
    current = { languages, worker };
  }
  return current.worker;
}

async function recognize(
  languages: Languages,
  image: Blob,
  size: { width: number; height: number },
): Promise<OcrPage> {
  const worker = await workerFor(languages);
  const { data } = await worker.recognize(image, {}, { text: false, blocks: true });
  return { ...size, lines: tesseractLines(data) };
}

/** Mean word confidence, each word weighted by its length. */
export function meanConfidence(page: OcrPage): number {
  let sum = 0;
  let chars = 0;
  for (const line of page.lines) {
    for (const w of line.words) {
      sum += w.confidence * w.text.length;
      chars += w.text.length;
    }
  }
  return chars === 0 ? 0 : sum / chars;
}

/**
 * Reads one page on the device and extracts its fields with the same code the server runs: English
 * first (most pages, and fastest), Bengali + English when the English reading is unsure.
 */
export async function readPageLocally(
  image: Blob,
  size: { width: number; height: number },
): Promise<{ fields: ExtractedFields; ms: number }> {
  const t0 = performance.now();
  let page = await recognize("eng", image, size);
  if (meanConfidence(page) < LATIN_SURE) {
    const bengali = await recognize("ben+eng", image, size);
    if (meanConfidence(bengali) > meanConfidence(page)) page = bengali;
  }
  return { fields: extractFields(page), ms: Math.round(performance.now() - t0) };
}
