import { describe, expect, it } from "vitest";
import { trigramSimilarity } from "./trigram-similarity";

describe("trigramSimilarity", () => {
  it("scores as pg_trgm does (values from PostgreSQL's documentation and psql)", () => {
    // SELECT similarity('word', 'two words') → 0.36363637 (pg_trgm docs).
    expect(trigramSimilarity("word", "two words")).toBeCloseTo(0.363636, 5);
    // SELECT similarity('meghnastores', 'meghnastore') → 0.78571427
    expect(trigramSimilarity("meghnastores", "meghnastore")).toBeCloseTo(0.785714, 5);
    expect(trigramSimilarity("Meghna", "meghna")).toBe(1);
  });

  it("gives nothing for nothing", () => {
    expect(trigramSimilarity("", "meghna")).toBe(0);
    expect(trigramSimilarity("--", "--")).toBe(0);
  });
});
