/**
 * PostgreSQL pg_trgm's similarity, so a device ranks supplier names as the server does: each word
 * (a run of letters and digits, lower-cased) padded with two spaces before and one after, cut into
 * three-character pieces; the score is shared pieces over all distinct pieces of both.
 */
export function trigramSimilarity(a: string, b: string): number {
  return trigramSetSimilarity(trigrams(a), trigrams(b));
}

/** trigramSimilarity over pieces already cut (by `trigrams`), for comparing one name with many. */
export function trigramSetSimilarity(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [" ", " ", ...word, " "];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  }
  return out;
}
