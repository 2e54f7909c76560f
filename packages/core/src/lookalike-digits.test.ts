import { describe, expect, it } from "vitest";
import { extractFields } from "./extract-fields";
import { bengaliLookalikes } from "./lookalike-digits";
import { pageOf } from "./test-pages";

// Seed 13's cash memo 015 as Tesseract read it: ৪৪০.০০ in Likhan is drawn as 880.00.
const memo = (amount: string, extra: string[] = []) =>
  pageOf([
    "ক্যাশ মেমো",
    "Karim & Sons",
    "Shop 9, Moulvibazar, Dhaka-1100",
    "মোবাইল: ০১৯৬৫-৬১৪২২৬",
    "নং ১২৩৯৬ Date: ২৯-১২-২০২৪",
    "১ | সার্কিট ব্রেকার ১ পিস " + `${amount} ${amount}`,
    `মোট ${amount}`,
    `সর্বমোট ${amount}`,
    ...extra,
  ]);

const texts = (page: ReturnType<typeof memo>) =>
  [...bengaliLookalikes(page)].map((w) => w.text).sort();

describe("bengaliLookalikes", () => {
  it("takes 8s and 0s for ৪s and ০s on a page that writes its figures in Bengali", () => {
    expect(texts(memo("880.00"))).toEqual(["880.00", "880.00", "880.00", "880.00"]);
  });

  it("leaves them Latin where another amount on the page is plainly Latin", () => {
    expect(texts(memo("880.00", ["Paid 1,250.00"]))).toEqual([]);
  });

  it("leaves them Latin on a page with too few Bengali figures", () => {
    const page = pageOf(["Karim & Sons", "Date: ২৯-১২-২০২৪", "1 Breaker 880.00", "Total 880.00"]);
    expect(bengaliLookalikes(page).size).toBe(0);
  });

  it("leaves figures of 0s only, which read the same either way, and other Latin figures", () => {
    expect(texts(memo("400.00"))).toEqual([]);
    expect(texts(memo("1,880.00"))).toEqual([]);
  });
});

describe("extracting a page of lookalike figures", () => {
  it("reads them in Bengali, short of sure: the arithmetic holds at twice as much too", () => {
    const { total, subtotal } = extractFields(memo("880.00"));
    expect(total?.value).toBe(44_000);
    expect(subtotal?.value).toBe(44_000);
    expect(total?.confidence).toBeLessThan(0.9);
  });

  it("is sure again when the amount in words says it", () => {
    const { total } = extractFields(memo("880.00", ["কথায়: চারশত চল্লিশ টাকা মাত্র"]));
    expect(total?.value).toBe(44_000);
    expect(total?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});
