import type { OcrPage } from "@chalan/core";
import { evenOutLighting } from "../images/illumination";
import {
  encodePng,
  type GrayPixels,
  grayPixels,
  levellingAngle,
  measureTilt,
  rotatePixels,
} from "../images/orientation";
import { findPageOutline, flattenPerspective } from "../images/page-outline";
import { eraseRuledLines } from "../images/ruled-lines";
import type { OcrEngine } from "./ocr-engine";
import { OrientationDetector } from "./orientation-detector";
import {
  legibility,
  readsAsLatin,
  type ScriptEvidence,
  scriptEvidence,
  showsBengali,
  showsFlippedBengali,
} from "./script-evidence";
import { TesseractEngine } from "./tesseract-engine";

export interface MultiScriptEngineOptions {
  /** How many pages may be recognised at once; each needs up to ~350 MB of models and buffers. */
  poolSize?: number;
}

/** A page as the English model read it, with what that reading says about script and direction. */
interface View {
  png: Buffer;
  reading: OcrPage;
  evidence: ScriptEvidence;
}

// OSD's orientation margin on pages it turned right was 2.6–14; on the upright receipt it got
// wrong, 3.0. A turn is therefore only kept when the turned page reads better.
const MIN_TURN_CONFIDENCE = 2;

/**
 * Reads English, Bengali and mixed pages any way up, levelled, boxes in the upright page's pixels.
 * English reads every page first: it is the fast model and its reading shows whether the page is
 * upright Latin text, Bengali (headlined words it cannot read) or neither. Bengali pages are then
 * read again with Bengali+English; only pages that read as neither pay for orientation detection.
 */
export class MultiScriptEngine implements OcrEngine {
  readonly #latin: TesseractEngine;
  readonly #bengali: TesseractEngine;
  readonly #orientation: OrientationDetector;

  constructor(options: MultiScriptEngineOptions = {}) {
    const poolSize = options.poolSize ?? 1;
    this.#latin = new TesseractEngine({ poolSize, languages: ["eng"] });
    // Bengali first: its model leaves Latin words to English, but English would claim Bengali ones.
    this.#bengali = new TesseractEngine({ poolSize, languages: ["ben", "eng"] });
    this.#orientation = new OrientationDetector(poolSize);
  }

  async recognize(image: Buffer): Promise<OcrPage> {
    // A phone photo shows the page in perspective on a desk, often under a hand's shadow: cut it
    // out, look at it straight on and even out its light. (Evening out scans as well gained nothing
    // on the generated set.)
    const photo = await grayPixels(image);
    const outline = findPageOutline(photo);
    const pixels = outline ? evenOutLighting(flattenPerspective(photo, outline)) : photo;
    let view = await this.#read(pixels);
    let bengali = showsBengali(view.evidence);
    if (!bengali && !readsAsLatin(view.evidence)) {
      // Neither script reads: the page is turned, or hard to read (handwriting, a poor photo).
      const osd = showsFlippedBengali(view.evidence)
        ? { turn: 180, confidence: Number.POSITIVE_INFINITY, script: "Bengali" }
        : await this.#orientation.detect(view.png);
      if (osd && osd.turn !== 0 && osd.confidence >= MIN_TURN_CONFIDENCE) {
        const turned = await this.#read(await rotatePixels(pixels, osd.turn));
        if (legibility(turned.evidence) > legibility(view.evidence)) view = turned;
      }
      // Bengali too faint or scrawled to show headlines can still look Bengali to OSD: of generated
      // pages that read as neither script, OSD called 8 of 13 Bengali ones Bengali, none of 3 mixed.
      bengali =
        showsBengali(view.evidence) || (!readsAsLatin(view.evidence) && osd?.script === "Bengali");
    }
    return bengali ? this.#bengali.recognize(view.png) : view.reading;
  }

  async close(): Promise<void> {
    await Promise.all([this.#latin.close(), this.#bengali.close(), this.#orientation.close()]);
  }

  /** Levels the page, erases its ruled lines and reads it in English. */
  async #read(pixels: GrayPixels): Promise<View> {
    const tilt = await measureTilt(pixels);
    const correction = levellingAngle(tilt);
    const level = correction === 0 ? pixels : await rotatePixels(pixels, -correction);
    const clean = eraseRuledLines(level, tilt - correction);
    const png = await encodePng(clean);
    const reading = await this.#latin.recognize(png);
    return { png, reading, evidence: scriptEvidence(clean, reading) };
  }
}
