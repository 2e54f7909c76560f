import type { OcrPage } from "@chalan/core";

/** Turns one page image into lines of words with boxes; implementations own their models. */
export interface OcrEngine {
  recognize(image: Buffer): Promise<OcrPage>;
  /** Releases workers and models; a later `recognize` may start them again. */
  close(): Promise<void>;
}
