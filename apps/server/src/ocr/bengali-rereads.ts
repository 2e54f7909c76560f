import type { Box, OcrLine, OcrPage, OcrWord } from "@chalan/core";

// Bengali+English reads a Bengali word it is unsure of as Latin letters (`অ্যান্ড সন্স` as
// `WG সঙ্গ`, `১৮৩৪০` as `Shogo` at 0.81): such words, this unsure, beside a Bengali word, are read
// again in Bengali alone. (At 0.9 rather than 0.75, one more field right on 128 generated Bengali
// and mixed pages, none lost.)
const UNSURE = 0.9;
// At most this many a page, the least sure first: each costs Tesseract ~30–60 ms.
const MAX_WORDS = 8;
const BENGALI = /[\u0980-\u09FF]/u;
const LATIN_WORD = /^[A-Za-z&]+$/u;
const BENGALI_DIGIT = /[০-৯]/u;
// A figure in Bengali digits read as Latin ones with letters or signs among them: `5,039.3¢`.
const GARBLED_FIGURE = /^(?=(?:[^0-9]*[0-9]){2})(?=.*[^0-9.,/:%-])[^\s\u0980-\u09FF]+$/u;

/** A word to read again: where it is in the reading, and its box. */
export interface Reread {
  line: number;
  word: number;
  box: Box;
}

/**
 * Latin-lettered words the reading was unsure of, standing beside Bengali ones; and on a page
 * that writes its figures in Bengali digits, figures it was unsure of, garbled into Latin.
 */
export function latinAmongBengali(page: OcrPage): Reread[] {
  const bengaliDigits = page.lines.some((l) => BENGALI_DIGIT.test(l.text));
  const found = page.lines.flatMap((l, line) =>
    l.words.flatMap((w, word) => {
      if (w.confidence >= UNSURE) return [];
      const beside = [l.words[word - 1], l.words[word + 1]];
      const latin = LATIN_WORD.test(w.text) && beside.some((b) => b && BENGALI.test(b.text));
      const garbled = bengaliDigits && GARBLED_FIGURE.test(w.text);
      return latin || garbled ? [{ line, word, box: w.box, confidence: w.confidence }] : [];
    }),
  );
  return found
    .sort((a, b) => a.confidence - b.confidence)
    .slice(0, MAX_WORDS)
    .map(({ line, word, box }) => ({ line, word, box }));
}

/**
 * The reading with each word of `rereads` replaced by its Bengali reading (`readings[i]`) where
 * that shows Bengali letters and is surer than the first; lines' text follows their words.
 */
export function withBengaliRereads(
  page: OcrPage,
  rereads: readonly Reread[],
  readings: readonly (readonly OcrLine[])[],
): OcrPage {
  const better = new Map<OcrWord, string>();
  rereads.forEach((r, i) => {
    const first = page.lines[r.line]?.words[r.word];
    const lines = readings[i] ?? [];
    const text = lines.map((l) => l.text).join(" ");
    const confidence = Math.min(...lines.map((l) => l.confidence));
    if (first && BENGALI.test(text) && confidence > first.confidence) better.set(first, text);
  });
  if (better.size === 0) return page;
  return {
    ...page,
    lines: page.lines.map((l) => {
      if (!l.words.some((w) => better.has(w))) return l;
      const words = l.words.map((w) => {
        const text = better.get(w);
        return text === undefined ? w : { ...w, text };
      });
      return { ...l, words, text: words.map((w) => w.text).join(" ") };
    }),
  };
}

// A line read again in Bengali+English is kept only this sure, word for word on average: a
// receipt's smudge read as Bengali came to 0.2, the Bengali names of generated pages to 0.9.
const SURE_LINE = 0.6;

/**
 * The reading with each of `lines` replaced by its reading in Bengali+English (`readings[i]`)
 * where that shows Bengali letters, is sure, and is surer than the first.
 */
export function withBengaliLines(
  page: OcrPage,
  lines: readonly OcrLine[],
  readings: readonly (readonly OcrLine[])[],
): OcrPage {
  const better = new Map<OcrLine, readonly OcrLine[]>();
  lines.forEach((first, i) => {
    const second = readings[i] ?? [];
    const text = second.map((l) => l.text).join(" ");
    const sure = meanConfidence(second);
    if (BENGALI.test(text) && sure >= SURE_LINE && sure > meanConfidence([first])) {
      better.set(first, second);
    }
  });
  if (better.size === 0) return page;
  return { ...page, lines: page.lines.flatMap((l) => better.get(l) ?? [l]) };
}

function meanConfidence(lines: readonly OcrLine[]): number {
  const words = lines.flatMap((l) => l.words);
  return words.reduce((sum, w) => sum + w.confidence, 0) / Math.max(1, words.length);
}
