import { describe, expect, it } from "vitest";
import { levenshtein, nearestMeaning, textSimilarity } from "./text-similarity";

describe("levenshtein", () => {
  it("counts single-character edits", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("চালান", "চালান")).toBe(0);
  });
});

describe("textSimilarity", () => {
  it("ignores case and spacing", () => {
    expect(textSimilarity("Padma  Traders", "PADMA TRADERS")).toBe(1);
  });

  it("scores an OCR slip close to 1 and a different name low", () => {
    expect(
      textSimilarity("BOOK TA .K (TAMAN DAYA) SDN BHD", "BOOK TA .K(TAMAN DAYA) SDN BND"),
    ).toBeGreaterThan(0.9);
    expect(textSimilarity("Padma Traders", "Meghna Stores")).toBeLessThan(0.5);
  });
});

describe("nearestMeaning", () => {
  const forms = [
    ["thousand", 1000],
    ["hundred", 100],
    ["seventy", 70],
    ["seventeen", 17],
    ["seven", 7],
  ] as const;

  it("takes the one form within reach, with every other farther by the margin", () => {
    expect(nearestMeaning(["thausand"], forms, 1, 2)).toBe(1000);
    expect(nearestMeaning(["hundhed"], forms, 1, 2)).toBe(100);
    // Asked again, the same answer (remembered).
    expect(nearestMeaning(["thausand"], forms, 1, 2)).toBe(1000);
  });

  it("takes none too far, or as near two meanings", () => {
    expect(nearestMeaning(["thxxsxnd"], forms, 1, 2)).toBeUndefined();
    // `seventen` is one edit from seventeen but only two from seventy.
    expect(nearestMeaning(["seventen"], forms, 2, 2)).toBeUndefined();
  });

  it("takes the nearest of several readings of one word", () => {
    expect(nearestMeaning(["xxxxxxx", "seveaty"], forms, 1, 2)).toBe(70);
  });
});
