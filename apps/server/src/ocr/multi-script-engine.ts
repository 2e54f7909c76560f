import { type Box, levellingAngle, type OcrLine, type OcrPage, pagePrint } from "@chalan/core";
import { evenOutLighting } from "../images/illumination";
import { inkBlobs } from "../images/ink-blobs";
import {
  cropPixels,
  encodePng,
  type GrayPixels,
  grayPixels,
  measureTilt,
  rotatePixels,
} from "../images/orientation";
import { findPageOutline, flattenPerspective } from "../images/page-outline";
import { eraseRuledLines } from "../images/ruled-lines";
import { figuresLookBengali, showsBengaliDigits, tallied } from "./bengali-digits";
import { latinAmongBengali, withBengaliLines, withBengaliRereads } from "./bengali-rereads";
import { ctcLine } from "./ctc-words";
import { dateLines, pageShowsDate, takesDates } from "./date-rereads";
import {
  type DetectedLine,
  detectedLines,
  joined,
  layoutFailed,
  missedLines,
  unsureLines,
  withSecondReadings,
} from "./detected-lines";
import type { OcrEngine } from "./ocr-engine";
import { OrientationDetector } from "./orientation-detector";
import { PaddleDetector } from "./paddle-detector";
import { PaddleRecognizer } from "./paddle-recognizer";
import { withRecoveredLines } from "./recovered-lines";
import { paddedBox, rereadFigures } from "./reread-figures";
import {
  bengaliLines,
  headlineBlobs,
  legibility,
  readsAsBengali,
  readsAsLatin,
  type ScriptEvidence,
  scriptEvidence,
  showsBengali,
  showsFlippedBengali,
} from "./script-evidence";
import { type PageCrop, TesseractEngine } from "./tesseract-engine";

/** A page levelled and cleaned for reading, as pixels, its blobs of ink and the PNG Tesseract reads. */
interface Prepared {
  clean: GrayPixels;
  blobs: Box[];
  png: Buffer;
}

/** A page as the English model read it, with what that reading says about script and direction. */
interface View extends Prepared {
  reading: OcrPage;
  evidence: ScriptEvidence;
}

// OSD's orientation margin on pages it turned right was 2.6–14; on the upright receipt it got
// wrong, 3.0. A turn is therefore only kept when the turned page reads better.
const MIN_TURN_CONFIDENCE = 2;
// Upright Bengali pages showed 0–107 headlined blobs of ink (39 of 64 generated Bengali and mixed
// pages 8 or more), English pages and SROIE receipts at most 6.
const MIN_HEADLINE_BLOBS = 8;
// Missed lines of a Bengali page read again by Tesseract, one by one.
const MAX_MISSED_LINES = 12;
// Lines of a Latin page showing Bengali words, read again in Bengali+English.
const MAX_BENGALI_LINES = 6;
// Lines of a faint page taken for Latin read first with Bengali+English, to tell if it is Bengali.
const SCRIPT_SAMPLE = 6;

/**
 * Reads English, Bengali and mixed pages any way up, levelled, boxes in the upright page's pixels,
 * one page at a time (`EngineThreads` runs one on each of several threads).
 * A page whose ink shows many headlined words is read with Bengali+English at once. Any other page
 * is read in English first: it is the fast model and its reading shows whether the page is upright
 * Latin text, Bengali (headlined words it cannot read) or neither. Bengali pages are then read
 * again with Bengali+English; only pages that read as neither pay for orientation detection.
 * PaddleOCR's detector then finds the page's lines of text, whatever Tesseract's layout analysis
 * dropped, and its recogniser, which misreads far fewer figures and faint letters than Tesseract
 * (on sroie-dev, dates found 0.78 → 0.93), reads again the figures and the lines Tesseract missed
 * or was unsure of; on Bengali pages, which it cannot read, Tesseract reads the missed lines, and
 * reads again in Bengali alone the words Bengali+English took for unsure Latin letters. On a Latin
 * page, lines whose unsure words hang from a Bengali headline (a shop's Bengali name above an
 * English receipt) are read again with Bengali+English. A faint or grainy page whose layout
 * Tesseract gave up on (a third or more of the detected lines missed) is read line by line with
 * Bengali+English when it is Bengali, as a sample of its lines so read tells even where the first
 * reading could not.
 */
export class MultiScriptEngine implements OcrEngine {
  readonly #latin = new TesseractEngine({ languages: ["eng"] });
  // Bengali first: its model leaves Latin words to English, but English would claim Bengali ones.
  readonly #bengali = new TesseractEngine({ languages: ["ben", "eng"] });
  readonly #bengaliOnly = new TesseractEngine({ languages: ["ben"] });
  readonly #orientation = new OrientationDetector();
  readonly #figures = new PaddleRecognizer();
  readonly #detector = new PaddleDetector();

  async recognize(image: Buffer): Promise<OcrPage> {
    // A phone photo shows the page in perspective on a desk, often under a hand's shadow: cut it
    // out, look at it straight on and even out its light. (Evening out scans as well gained nothing
    // on the generated set.)
    const photo = await grayPixels(image);
    const outline = findPageOutline(photo);
    const pixels = outline ? evenOutLighting(flattenPerspective(photo, outline)) : photo;
    const page = await this.#prepare(pixels);
    // Bengali words show by their shape, upright or upside down: such a page skips the English
    // reading it would not pass (and, upside down, the orientation detector).
    const shapes = headlineBlobs(page.clean, page.blobs);
    if (shapes.bengali >= MIN_HEADLINE_BLOBS || shapes.flipped >= MIN_HEADLINE_BLOBS) {
      const upright =
        shapes.bengali >= shapes.flipped
          ? page
          : await this.#prepare(await rotatePixels(pixels, 180));
      return this.#finish(this.#bengali, upright, await this.#bengali.recognize(upright.png));
    }
    let view = await this.#readEnglish(page);
    let bengali = showsBengali(view.evidence);
    if (!bengali && !readsAsLatin(view.evidence)) {
      // Neither script reads: the page is turned, or hard to read (handwriting, a poor photo).
      const osd = showsFlippedBengali(view.evidence)
        ? { turn: 180, confidence: Number.POSITIVE_INFINITY, script: "Bengali" }
        : await this.#orientation.detect(view.png);
      if (osd && osd.turn !== 0 && osd.confidence >= MIN_TURN_CONFIDENCE) {
        const turned = await this.#readEnglish(
          await this.#prepare(await rotatePixels(pixels, osd.turn)),
        );
        if (legibility(turned.evidence) > legibility(view.evidence)) view = turned;
      }
      // Bengali too faint or scrawled to show headlines can still look Bengali to OSD: of generated
      // pages that read as neither script, OSD called 8 of 13 Bengali ones Bengali, none of 3 mixed.
      bengali =
        showsBengali(view.evidence) || (!readsAsLatin(view.evidence) && osd?.script === "Bengali");
    }
    return bengali
      ? this.#finish(this.#bengali, view, await this.#bengali.recognize(view.png))
      : this.#finish(this.#latin, view, view.reading);
  }

  async close(): Promise<void> {
    await Promise.all([
      this.#latin.close(),
      this.#bengali.close(),
      this.#bengaliOnly.close(),
      this.#orientation.close(),
      this.#figures.close(),
      this.#detector.close(),
    ]);
  }

  /** Levels the page and erases its ruled lines. */
  async #prepare(pixels: GrayPixels): Promise<Prepared> {
    const tilt = await measureTilt(pixels);
    const correction = levellingAngle(tilt);
    const level = correction === 0 ? pixels : await rotatePixels(pixels, -correction);
    const clean = eraseRuledLines(level, tilt - correction);
    const blobs = inkBlobs(clean.ink, clean.width, clean.height);
    return { clean, blobs, png: await encodePng(clean) };
  }

  async #readEnglish(page: Prepared): Promise<View> {
    const reading = await this.#latin.recognize(page.png);
    return { ...page, reading, evidence: scriptEvidence(page.clean, reading) };
  }

  /**
   * Reads again the lines of text the detector finds on the page that the reading missed or was
   * unsure of: on a Latin page with PaddleOCR's recogniser (a surer reading replaces Tesseract's),
   * on a Bengali one, which it cannot read, the missed ones with Tesseract line by line. Then every
   * figure word by word with PaddleOCR's recogniser. The page's print comes with it, for finding
   * the same paper photographed again.
   */
  async #finish(engine: TesseractEngine, page: Prepared, reading: OcrPage): Promise<OcrPage> {
    const read = await this.#reread(engine, page, reading);
    return { ...read, print: pagePrint(page.clean.data, page.clean.width, page.clean.height) };
  }

  async #reread(engine: TesseractEngine, page: Prepared, reading: OcrPage): Promise<OcrPage> {
    const boxes = await this.#detector.detect(page.clean);
    const detected = detectedLines(boxes, reading);
    // A faint, noisy page Tesseract's layout analysis gave up on is read line by line.
    if (layoutFailed(detected)) {
      const lines = await this.#readLineByLine(page, reading, detected, engine === this.#latin);
      if (lines) return this.#rereadBengali(page, boxes, lines);
    }
    if (engine === this.#latin) {
      // Figures first: a line whose figures now read surely need not be read again whole.
      const reader = tallied(this.#figures);
      const figures = await rereadFigures(reading, page.clean, reader);
      // English words with figures neither reader could read: Bengali digits, on a page whose
      // Bengali words were too few or too short to show.
      if (figuresLookBengali(reader.readings)) {
        const bengali = await this.#bengali.recognize(page.png);
        if (showsBengaliDigits(bengali)) return this.#reread(this.#bengali, page, bengali);
      }
      const lines = detectedLines(boxes, figures);
      const unsure = unsureLines(lines);
      const second = await this.#readLines(page, unsure);
      const read = withSecondReadings(figures, unsure, second);
      if (pageShowsDate(read)) return this.#readBengaliLines(page, read);
      // No date read: a sure misreading of one (`2%- 03-18`) is worth the lines of figures again.
      const more = dateLines(lines, unsure);
      const again = [...second, ...(await this.#readLines(page, more))];
      return this.#readBengaliLines(
        page,
        withSecondReadings(figures, [...unsure, ...more], again, takesDates),
      );
    }
    return this.#rereadBengali(page, boxes, reading);
  }

  async #rereadBengali(page: Prepared, boxes: readonly Box[], reading: OcrPage): Promise<OcrPage> {
    // Small crops: handing Tesseract the whole page again for each would decode it each time.
    const missed = missedLines(detectedLines(boxes, reading), MAX_MISSED_LINES);
    const recovered = await this.#bengali.recognizeLines(
      await Promise.all(missed.map(({ box }) => pageCrop(page.clean, box))),
    );
    const whole = withRecoveredLines(reading, recovered.flat());
    const words = latinAmongBengali(whole);
    const rereads = await this.#bengaliOnly.recognizeLines(
      await Promise.all(words.map(({ box }) => pageCrop(page.clean, paddedBox(box, page.clean)))),
    );
    const fixed = withBengaliRereads(whole, words, rereads);
    return rereadFigures(fixed, page.clean, this.#figures);
  }

  /**
   * The page's detected lines read one by one with Bengali+English, replacing what the reading
   * held there where surer. A page taken for Latin (for want of anything read, a faint Bengali page
   * can be) is read so only if a sample of its widest lines reads as Bengali: a faint receipt's
   * lines are better read by the English path.
   */
  async #readLineByLine(
    page: Prepared,
    reading: OcrPage,
    detected: readonly DetectedLine[],
    sampleFirst: boolean,
  ): Promise<OcrPage | undefined> {
    const width = (l: DetectedLine) => l.box.x1 - l.box.x0;
    const widest = [...detected].sort((a, b) => width(b) - width(a));
    const sample = sampleFirst ? widest.slice(0, SCRIPT_SAMPLE) : [];
    const read = async (lines: readonly DetectedLine[]) =>
      (
        await this.#bengali.recognizeLines(
          await Promise.all(
            lines.map(({ box }) => pageCrop(page.clean, paddedBox(box, page.clean))),
          ),
        )
      ).map((parts) => (parts.length > 0 ? joined(parts) : undefined));
    const first = await read(sample);
    if (sampleFirst && !readsAsBengali(withSecondReadings(reading, sample, first)))
      return undefined;
    const rest = widest.slice(sample.length);
    return withSecondReadings(reading, [...sample, ...rest], [...first, ...(await read(rest))]);
  }

  /** The lines of a Latin page that show Bengali words, read again with Bengali+English. */
  async #readBengaliLines(page: Prepared, reading: OcrPage): Promise<OcrPage> {
    const lines = bengaliLines(page.clean, reading).slice(0, MAX_BENGALI_LINES);
    const readings = await this.#bengali.recognizeLines(
      await Promise.all(lines.map((l) => pageCrop(page.clean, paddedBox(l.box, page.clean)))),
    );
    return withBengaliLines(reading, lines, readings);
  }

  /** Detected lines of a Latin page read by PaddleOCR's recogniser, none where it read nothing. */
  async #readLines(
    page: Prepared,
    lines: readonly DetectedLine[],
  ): Promise<(OcrLine | undefined)[]> {
    const read = await this.#figures.recognize(lines.map((l) => cropPixels(page.clean, l.box)));
    return read.map((r, i) => {
      const box = lines[i]?.box;
      // Chinese characters on a Latin page are noise the recogniser took for text.
      return box && !/\p{Script=Han}/u.test(r.text) ? ctcLine(r, box) : undefined;
    });
  }
}

/** Part of the page as the PNG Tesseract reads, and where it lies on the page. */
async function pageCrop(page: GrayPixels, box: Box): Promise<PageCrop> {
  return { png: await encodePng(cropPixels(page, box)), at: { x: box.x0, y: box.y0 } };
}
