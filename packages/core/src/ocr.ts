import type { PagePrint } from "./page-print";
/** What every OCR engine returns: lines of words with pixel boxes, confidences in [0,1]. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  box: Box;
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: Box;
  words: OcrWord[];
}

export interface OcrPage {
  width: number;
  height: number;
  lines: OcrLine[];
  /** What of the page is inked, where the engine saw the page image itself. */
  print?: PagePrint;
}
