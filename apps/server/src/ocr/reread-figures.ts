import type { Box, OcrPage, OcrWord } from "@chalan/core";
import { cropPixels, type GrayPixels } from "../images/orientation";
import type { CtcText } from "./ctc-decode";

/** Reads words cut out of a page: the figures' second reader. */
export interface WordReader {
  recognize(crops: readonly GrayPixels[]): Promise<CtcText[]>;
}

// A second reading this sure replaces Tesseract's even where Tesseract was surer: on sroie-dev
// Tesseract was 95% sure of `$270` for `$2.70`.
const SURE = 0.8;
// Tesseract's surest words (a quarter of the figures on sroie-dev) lost nothing by not being read
// again; at 0.9 a tenth of a total in ten was lost.
const FIRST_SURE = 0.95;
// Paper kept around a word, as a share of its height: the recogniser wants a margin.
const MARGIN = 0.2;

/**
 * Words worth reading again: figures (a Latin digit; Bengali ones have no second reader) that
 * Tesseract was not quite sure of.
 */
export function worthRereading(word: OcrWord): boolean {
  return /[0-9]/.test(word.text) && word.confidence < FIRST_SURE;
}

// A code in Bengali digits whose Latin letters Tesseract took for digits: `880-২৫০৯-৬৯০৩`,
// `1২-৬৫১৯৮৩` (`R-`, a Bengali digit made of its tail), `॥144/২০২৫/৭৬৫৪` (`INV/`, its I a danda),
// `॥4%/-২০২৪-৫৫৩৯` (`INV-`).
const LETTERS_AS_DIGITS = /^(?=[^-/]*[0-9])[।॥|]?[0-9A-Za-z%]{1,5}\/?[০-৯]?(?=[-/][০-৯])/u;
const LETTERS = /^[A-Za-z]{1,5}(?=[-/])/u;
// The same with no separator after the letters: `001২৬০২২৬৭৮`, `২01২৫১১৮৮১৩` for RCT….
const RUN_ON_LETTERS_AS_DIGITS = /^[০-৯]?[0-9]{1,4}(?=[০-৯]{4,}$)/u;
const LEADING_LETTERS = /^[A-Za-z]+/u;

/** The letters a code's misread start (`880-`, `001`) had, from a second reading, if it shows them. */
function lettersFor(
  first: string,
  second: string,
): { misread: string; letters: string } | undefined {
  const separated = LETTERS_AS_DIGITS.exec(first)?.[0];
  if (separated) {
    const letters = LETTERS.exec(second)?.[0];
    return letters ? { misread: separated, letters } : undefined;
  }
  const runOn = RUN_ON_LETTERS_AS_DIGITS.exec(first)?.[0];
  const letters = LEADING_LETTERS.exec(second)?.[0];
  return runOn && letters && letters.length >= runOn.length
    ? { misread: runOn, letters: letters.slice(0, runOn.length) }
    : undefined;
}

/**
 * The reading a word keeps: the second one when it still shows a figure and is sure enough. A
 * code's Latin letters read as digits before Bengali ones take the letters of the second reading,
 * which has no Bengali digits to read the rest with (`BBC-0-0`): `BBC-২৫০৯-৬৯০৩`.
 */
export function betterReading(word: OcrWord, second: CtcText): OcrWord {
  // The recogniser's alphabet is Chinese: it may print a full-width comma or colon (`3，`).
  const text = second.text.normalize("NFKC");
  if (LETTERS_AS_DIGITS.test(word.text) || RUN_ON_LETTERS_AS_DIGITS.test(word.text)) {
    const fixed = lettersFor(word.text, text);
    if (!fixed) return word;
    const confidence = Math.min(word.confidence, second.confidence);
    const rest = word.text.slice(fixed.misread.length);
    return { ...word, text: `${fixed.letters}${rest}`, confidence };
  }
  const take =
    /[0-9]/.test(text) &&
    !/\s/.test(text) &&
    (second.confidence >= SURE || second.confidence > word.confidence);
  return take ? { ...word, text, confidence: second.confidence } : word;
}

/** A word's box with paper around it, as a recogniser wants it. */
export function paddedBox(box: Box, page: GrayPixels): Box {
  const m = Math.max(2, Math.round((box.y1 - box.y0) * MARGIN));
  return {
    x0: Math.max(0, Math.floor(box.x0 - m)),
    y0: Math.max(0, Math.floor(box.y0 - m)),
    x1: Math.min(page.width, Math.ceil(box.x1 + m)),
    y1: Math.min(page.height, Math.ceil(box.y1 + m)),
  };
}

/**
 * The page with the figures worth it read again by `reader` from `pixels` (the image the boxes
 * refer to), each keeping the surer reading; lines' text follows their words.
 */
export async function rereadFigures(
  page: OcrPage,
  pixels: GrayPixels,
  reader: WordReader,
): Promise<OcrPage> {
  const words = page.lines
    .flatMap((l) => l.words.filter(worthRereading))
    .map((word) => ({ word, box: paddedBox(word.box, pixels) }))
    .filter(({ box }) => box.x1 - box.x0 >= 2 && box.y1 - box.y0 >= 2);
  if (words.length === 0) return page;
  const readings = await reader.recognize(words.map(({ box }) => cropPixels(pixels, box)));
  const second = new Map(words.map(({ word }, i) => [word, readings[i]]));
  const lines = page.lines.map((line) => {
    const kept = line.words.map((w) => {
      const r = second.get(w);
      return r ? betterReading(w, r) : w;
    });
    return kept.every((w, i) => w === line.words[i])
      ? line
      : { ...line, words: kept, text: kept.map((w) => w.text).join(" ") };
  });
  return { ...page, lines };
}
