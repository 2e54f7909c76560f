/**
 * A case-insensitive regex matching any of the alternatives as whole words. JS `\b` only knows
 * ASCII letters, so Bengali word edges are checked with Unicode letter/mark/number classes.
 * Alternatives are NFC-normalised like the text they are matched against (ড় and য় decompose).
 */
export function words(...alternatives: string[]): RegExp {
  const source = alternatives.join("|").normalize("NFC");
  return new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])(?:${source})(?![\p{L}\p{M}\p{N}])`, "iu");
}
