import { describe, expect, it } from "vitest";
import { amountInWords, formatDate, formatMoney, numberWords } from "./bangla-text";

describe("numberWords", () => {
  it("spells numbers in the South Asian scale, in Bengali and English", () => {
    expect(numberWords(115_000, "bn")).toBe("এক লক্ষ পনেরো হাজার");
    expect(numberWords(1_234_567, "bn")).toBe("বারো লক্ষ চৌত্রিশ হাজার পাঁচশত সাতষট্টি");
    expect(numberWords(250, "bn")).toBe("দুইশত পঞ্চাশ");
    expect(numberWords(300_000, "bn", "লাখ")).toBe("তিন লাখ");
    expect(numberWords(12_345_678, "en")).toBe(
      "One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight",
    );
    expect(numberWords(1_000_000_000, "en")).toBe("One Hundred Crore");
    expect(numberWords(19, "en")).toBe("Nineteen");
  });

  it("writes the total with its poisha, as memos do after কথায়", () => {
    expect(amountInWords(11_500_050, "bn")).toBe("এক লক্ষ পনেরো হাজার টাকা পঞ্চাশ পয়সা মাত্র");
    expect(amountInWords(194_800, "en-taka-first")).toBe(
      "Taka One Thousand Nine Hundred Forty Eight Only",
    );
    expect(amountInWords(105, "en-taka-last")).toBe("One Taka and Five Paisa Only");
  });
});

describe("formatMoney", () => {
  it("groups in lakhs, western thousands or not at all, in either digits", () => {
    const style = { grouping: "lakh", digits: "latn", dash: false } as const;
    expect(formatMoney(11_500_000, style)).toBe("1,15,000.00");
    expect(formatMoney(11_500_000, { ...style, grouping: "western" })).toBe("115,000.00");
    expect(formatMoney(11_500_000, { ...style, digits: "beng", dash: true })).toBe("১,১৫,০০০/-");
    expect(formatMoney(1_234_567_890, style)).toBe("1,23,45,678.90");
    expect(formatMoney(5, { ...style, dash: true })).toBe("0.05");
  });
});

describe("formatDate", () => {
  it("writes dates day first, with English or Bengali month names", () => {
    expect(formatDate("2026-03-18", "dd/mm/yyyy", "latn")).toBe("18/03/2026");
    expect(formatDate("2026-03-18", "dd-mm-yy", "beng")).toBe("১৮-০৩-২৬");
    expect(formatDate("2026-03-18", "d mon yyyy", "latn")).toBe("18 Mar 2026");
    expect(formatDate("2026-03-01", "bn ordinal", "beng")).toBe("১লা মার্চ, ২০২৬");
    expect(formatDate("2026-03-21", "bn ordinal", "beng")).toBe("২১শে মার্চ, ২০২৬");
  });
});
