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

/** A word to read again: where it is in the reading, and its box. */
export interface Reread {
  line: number;
  word: number;
  box: Box;
}

/** Latin-lettered words the reading was unsure of, standing beside Bengali ones. */
export function latinAmongBengali(page: OcrPage): Reread[] {
  const found = page.lines.flatMap((l, line) =>
    l.words.flatMap((w, word) => {
      const beside = [l.words[word - 1], l.words[word + 1]];
      const unsureLatin = LATIN_WORD.test(w.text) && w.confidence < UNSURE;
      return unsureLatin && beside.some((b) => b && BENGALI.test(b.text))
        ? [{ line, word, box: w.box, confidence: w.confidence }]
        : [];
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
