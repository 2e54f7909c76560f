import { createRequire } from "node:module";
import path from "node:path";
import type { Box, OcrLine, OcrPage, OcrWord } from "@chalan/core";
import sharp from "sharp";
import Tesseract from "tesseract.js";
import type { OcrEngine } from "./ocr-engine";

const require = createRequire(import.meta.url);

/**
 * tessdata_best converted to integers: the same LSTM as the 4.0.0 folder (identical text on the
 * SROIE receipts) without the legacy engine, so a quarter of the size and less memory.
 */
const engDataDir = path.join(
  path.dirname(require.resolve("@tesseract.js-data/eng/package.json")),
  "4.0.0_best_int",
);

export interface TesseractEngineOptions {
  /** How many pages may be recognised at once; each worker holds ~150 MB. */
  poolSize?: number;
  /** Tesseract page segmentation mode. */
  pageSegMode?: Tesseract.PSM;
}

type Waiter = { resolve: (worker: Tesseract.Worker) => void; reject: (error: Error) => void };

/** Tesseract (WASM) in worker threads, models read from node_modules: never touches the network. */
export class TesseractEngine implements OcrEngine {
  readonly #poolSize: number;
  readonly #pageSegMode: Tesseract.PSM;
  #workers: Promise<Tesseract.Worker>[] = [];
  #idle: Tesseract.Worker[] = [];
  #waiting: Waiter[] = [];

  constructor(options: TesseractEngineOptions = {}) {
    this.#poolSize = Math.max(1, options.poolSize ?? 1);
    // "Single column" keeps a printed invoice in reading order (a right-aligned total stays after
    // the items) and read SROIE receipts at least as well as automatic layout (3) or one block (6).
    this.#pageSegMode = options.pageSegMode ?? Tesseract.PSM.SINGLE_COLUMN;
  }

  async recognize(image: Buffer): Promise<OcrPage> {
    const { width, height } = await imageSize(image);
    const worker = await this.#acquire();
    try {
      const { data } = await worker.recognize(image, {}, { text: false, blocks: true });
      return { width, height, lines: toLines(data) };
    } finally {
      this.#release(worker);
    }
  }

  async close(): Promise<void> {
    const workers = this.#workers;
    const waiting = this.#waiting;
    this.#workers = [];
    this.#idle = [];
    this.#waiting = [];
    for (const w of waiting) w.reject(new Error("the OCR engine was closed"));
    await Promise.allSettled(workers.map(async (w) => (await w).terminate()));
  }

  async #acquire(): Promise<Tesseract.Worker> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#workers.length < this.#poolSize) {
      const created = this.#createWorker();
      this.#workers.push(created);
      try {
        return await created;
      } catch (error) {
        this.#workers = this.#workers.filter((w) => w !== created);
        throw error;
      }
    }
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  #release(worker: Tesseract.Worker): void {
    const next = this.#waiting.shift();
    if (next) next.resolve(worker);
    else this.#idle.push(worker);
  }

  async #createWorker(): Promise<Tesseract.Worker> {
    // No corePath: in Node, tesseract.js ignores it and require()s tesseract.js-core itself.
    const worker = await Tesseract.createWorker(
      "eng",
      Tesseract.OEM.LSTM_ONLY,
      // A local langPath is read with fs; "none" stops it caching the model into the cwd.
      { langPath: engDataDir, gzip: true, cacheMethod: "none" },
      // Tesseract prints diagnostics ("Detected 53 diacritics") to stderr otherwise.
      { debug_file: "/dev/null" } as Partial<Tesseract.InitOptions>,
    );
    await worker.setParameters({ tessedit_pageseg_mode: this.#pageSegMode });
    return worker;
  }
}

async function imageSize(image: Buffer): Promise<{ width: number; height: number }> {
  const meta = await sharp(image).metadata();
  return meta.autoOrient;
}

function toLines(page: Tesseract.Page): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words.flatMap(toWord);
        const text = line.text.trim();
        if (text === "" || words.length === 0) continue;
        lines.push({ text, confidence: unit(line.confidence), box: toBox(line.bbox), words });
      }
    }
  }
  return lines;
}

function toWord(word: Tesseract.Word): OcrWord[] {
  const text = word.text.trim();
  return text === "" ? [] : [{ text, confidence: unit(word.confidence), box: toBox(word.bbox) }];
}

function toBox({ x0, y0, x1, y1 }: Tesseract.Bbox): Box {
  return { x0, y0, x1, y1 };
}

/** Tesseract reports 0–100. */
function unit(confidence: number): number {
  return Math.min(1, Math.max(0, confidence / 100));
}
