/**
 * The source of a regex matching any of the alternatives as whole words. JS `\b` only knows
 * ASCII letters, so Bengali word edges are checked with Unicode letter/mark/number classes.
 * Alternatives are NFC-normalised like the text they are matched against (ড় and য় decompose).
 * A visarga (ঃ) after a word ends it: Bengali forms write it as a colon (`তারিখঃ`, `নংঃ`).
 */
export function wordsSource(...alternatives: string[]): string {
  return edged(alternatives, String.raw`[\p{L}\p{N}]`);
}

function edged(alternatives: readonly string[], notAfter: string): string {
  const source = alternatives.join("|").normalize("NFC");
  return String.raw`(?<![\p{L}\p{M}\p{N}])(?:${source})(?!${notAfter}|(?!ঃ)\p{M})`;
}

/** A case-insensitive regex matching any of the alternatives as whole words. */
export function words(...alternatives: string[]): RegExp {
  return new RegExp(wordsSource(...alternatives), "iu");
}

/** As `words`, for a label whose value may follow it with no space read between: `Dt21Apr2026`. */
export function labelBeforeDigits(...alternatives: string[]): RegExp {
  return new RegExp(edged(alternatives, String.raw`\p{L}`), "iu");
}
