import Tesseract from "tesseract.js";
import { modelDir } from "./tessdata";
import { WorkerPool } from "./worker-pool";

export type QuarterTurn = 0 | 90 | 180 | 270;

export interface PageOrientation {
  /** Clockwise rotation that makes the page upright. */
  turn: QuarterTurn;
  /** Tesseract's orientation margin: ~10 on a clean printed page, 1–8 on receipts. */
  confidence: number;
  /** The script most of the characters look like ("Latin", "Bengali"); unreliable on mixed pages. */
  script: string | undefined;
}

/**
 * Tesseract's orientation and script detection (OSD). It needs the legacy engine (a larger WASM
 * core, ~100 MB per worker), so its workers start on the first page that asks.
 */
export class OrientationDetector {
  readonly #pool: WorkerPool;

  constructor(poolSize = 1) {
    this.#pool = new WorkerPool(poolSize, createWorker);
  }

  /** Undefined when Tesseract finds too few characters to tell. */
  async detect(image: Buffer): Promise<PageOrientation | undefined> {
    const { data } = await this.#pool.use((worker) => worker.detect(image));
    const turn = data.orientation_degrees;
    if (turn !== 0 && turn !== 90 && turn !== 180 && turn !== 270) return undefined;
    return {
      turn,
      confidence: data.orientation_confidence ?? 0,
      script: data.script ?? undefined,
    };
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

function createWorker(): Promise<Tesseract.Worker> {
  return Tesseract.createWorker(
    "osd",
    Tesseract.OEM.TESSERACT_ONLY,
    {
      langPath: modelDir("osd"),
      gzip: true,
      cacheMethod: "none",
      legacyCore: true,
      legacyLang: true,
      // See tesseract-engine.ts: a failed job must reject, not crash the process.
      errorHandler: () => {},
    },
    { debug_file: "/dev/null" } as Partial<Tesseract.InitOptions>,
  );
}
