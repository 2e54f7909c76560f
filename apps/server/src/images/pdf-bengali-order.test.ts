import { describe, expect, it } from "vitest";
import { inDrawingOrder, toUnicodeOrder } from "./pdf-bengali-order";

describe("Bengali text in drawing order", () => {
  it("is told apart by a vowel sign no consonant precedes", () => {
    expect(inDrawingOrder(["Total", "েমাট", "১,১৫০"])).toBe(true);
    expect(inDrawingOrder(["িবল"])).toBe(true);
    // Unicode order: every ি/ে/ৈ follows its consonant.
    expect(inDrawingOrder(["মোট", "বিল", "কিছু", "তৈল", "চালান"])).toBe(false);
  });

  it("is put into Unicode order, two-part vowels and conjuncts included", () => {
    expect(toUnicodeOrder("েমাট")).toBe("মোট");
    expect(toUnicodeOrder("িবল")).toBe("বিল");
    expect(toUnicodeOrder("েমেমা")).toBe("মেমো");
    expect(toUnicodeOrder("ৈতল")).toBe("তৈল");
    // ে before the conjunct স্ত moves after all of it.
    expect(toUnicodeOrder("েস্তা")).toBe("স্তো");
    expect(toUnicodeOrder("Tk")).toBe("Tk");
  });
});
