import { type Box, type OcrLine, type OcrPage, tesseractLines } from "@chalan/core";
import sharp from "sharp";
import Tesseract from "tesseract.js";
import type { OcrEngine } from "./ocr-engine";
import { type Language, languagePath } from "./tessdata";
import { WorkerPool } from "./worker-pool";

export interface TesseractEngineOptions {
  /** How many pages may be recognised at once; each worker holds ~150 MB. */
  poolSize?: number;
  /** Tesseract page segmentation mode. */
  pageSegMode?: Tesseract.PSM;
  /** Models, the first tried first on each word: `["ben", "eng"]` reads Bengali and English. */
  languages?: readonly Language[];
}

/** A piece of a page cut out to be read alone. */
export interface PageCrop {
  png: Buffer;
  at: { x: number; y: number };
}

/** Tesseract (WASM) in worker threads, models read from node_modules: never touches the network. */
export class TesseractEngine implements OcrEngine {
  readonly #pool: WorkerPool;
  readonly #pageSegMode: Tesseract.PSM;

  constructor(options: TesseractEngineOptions = {}) {
    // "Single column" keeps a printed invoice in reading order (a right-aligned total stays after
    // the items) and read SROIE receipts at least as well as automatic layout (3) or one block (6).
    const pageSegMode = options.pageSegMode ?? Tesseract.PSM.SINGLE_COLUMN;
    this.#pageSegMode = pageSegMode;
    const languages = options.languages ?? ["eng"];
    this.#pool = new WorkerPool(options.poolSize ?? 1, () => createWorker(languages, pageSegMode));
  }

  async recognize(image: Buffer): Promise<OcrPage> {
    const { width, height } = await imageSize(image);
    const { data } = await this.#pool.use((worker) =>
      worker.recognize(image, {}, { text: false, blocks: true }),
    );
    return { width, height, lines: tesseractLines(data) };
  }

  /**
   * Reads each crop of a page as a single line of text, the page's own layout analysis left out:
   * for text that analysis dropped, or words read again. The lines read in each crop, boxes in the
   * page's pixels (`at` is where the crop's top left corner lies on the page).
   */
  async recognizeLines(crops: readonly PageCrop[]): Promise<OcrLine[][]> {
    if (crops.length === 0) return [];
    return this.#pool.use(async (worker) => {
      await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_LINE });
      try {
        const lines: OcrLine[][] = [];
        for (const { png, at } of crops) {
          const { data } = await worker.recognize(png, {}, { text: false, blocks: true });
          lines.push(tesseractLines(data).map((l) => shiftLine(l, at.x, at.y)));
        }
        return lines;
      } finally {
        await worker.setParameters({ tessedit_pageseg_mode: this.#pageSegMode });
      }
    });
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

async function createWorker(
  languages: readonly Language[],
  pageSegMode: Tesseract.PSM,
): Promise<Tesseract.Worker> {
  // No corePath: in Node, tesseract.js ignores it and require()s tesseract.js-core itself.
  const worker = await Tesseract.createWorker(
    languages.join("+"),
    Tesseract.OEM.LSTM_ONLY,
    {
      // A local langPath is read with fs; "none" stops it caching the model into the cwd.
      langPath: await languagePath(languages),
      gzip: true,
      cacheMethod: "none",
      // Without a handler tesseract.js rethrows a failed job inside its message listener, which
      // would crash the whole process; the job's own promise still rejects.
      errorHandler: () => {},
    },
    // Tesseract prints diagnostics ("Detected 53 diacritics") to stderr otherwise.
    { debug_file: "/dev/null" } as Partial<Tesseract.InitOptions>,
  );
  await worker.setParameters({ tessedit_pageseg_mode: pageSegMode });
  return worker;
}

async function imageSize(image: Buffer): Promise<{ width: number; height: number }> {
  const meta = await sharp(image).metadata();
  return meta.autoOrient;
}

function shiftLine(line: OcrLine, dx: number, dy: number): OcrLine {
  const shift = (b: Box): Box => ({ x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy });
  return {
    ...line,
    box: shift(line.box),
    words: line.words.map((w) => ({ ...w, box: shift(w.box) })),
  };
}
