import { describe, expect, it } from "vitest";
import { textSimilarity } from "./text-similarity";
import { transliterate } from "./transliterate";

describe("transliterate", () => {
  it("spells Bengali names close to how they are written in English", () => {
    const pairs: [string, string][] = [
      ["মেঘনা স্টোর্স", "meghna stores"],
      ["পদ্মা ট্রেডার্স", "padma traders"],
      ["যমুনা হার্ডওয়্যার", "jamuna hardware"],
      ["করিম এন্টারপ্রাইজ", "karim enterprise"],
      ["সুরমা ফুডস", "surma foods"],
    ];
    for (const [bn, en] of pairs) {
      expect(textSimilarity(transliterate(bn), en), `${bn} → ${transliterate(bn)}`).toBeGreaterThan(
        0.6,
      );
    }
  });

  it("leaves Latin letters and digits as they are", () => {
    expect(transliterate("Meghna 24/7")).toBe("Meghna 24/7");
    expect(transliterate("মেঘনা")).toBe("meghna");
  });
});
