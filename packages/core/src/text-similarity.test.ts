import { describe, expect, it } from "vitest";
import { levenshtein, textSimilarity } from "./text-similarity";

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
