// Bengali vowel signs ি, ে and ৈ are drawn left of the consonant (or conjunct) they follow in
// Unicode. A PDF maps glyphs, not characters, to text, so word processors' PDFs usually give them
// back in drawing order ("েমাট" for মোট); some generators keep Unicode order. Both occur.
const CONSONANT = "[\\u0995-\\u09B9\\u09CE\\u09DC-\\u09DF\\u09F0\\u09F1]\\u09BC?";
const PRE_BASE = "[\\u09BF\\u09C7\\u09C8]";
const DRAWN_FIRST = new RegExp(`(${PRE_BASE})((?:${CONSONANT}\\u09CD)*${CONSONANT})`, "gu");
// In Unicode order a pre-base sign always follows a consonant (or its nukta): anywhere else, the
// text is in drawing order.
const OUT_OF_ORDER = new RegExp(
  `(?:^|[^\\u0995-\\u09B9\\u09CE\\u09DC-\\u09DF\\u09F0\\u09F1\\u09BC])${PRE_BASE}`,
  "u",
);

/** Whether a page's words show Bengali in drawing order; a page's generator is consistent. */
export function inDrawingOrder(words: readonly string[]): boolean {
  return words.some((w) => OUT_OF_ORDER.test(w));
}

/** A word in drawing order put into Unicode order: "েমাট" → "মোট" (ে + া recompose to ো). */
export function toUnicodeOrder(word: string): string {
  return word.replace(DRAWN_FIRST, "$2$1").normalize("NFC");
}
