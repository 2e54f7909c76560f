import { describe, expect, it } from "vitest";
import { readVatRates, vatRateField } from "./extract-vat-rate";
import { textLines } from "./page-layout";
import { pageOf } from "./test-pages";

const ratesOf = (...rows: Parameters<typeof pageOf>[0]) =>
  readVatRates(textLines(pageOf(rows))).map((h) => h.value);

describe("readVatRates", () => {
  it("reads rates next to VAT labels, in basis points", () => {
    expect(
      ratesOf("VAT 15% 1,500.00", "ভ্যাট (১৫%)", "VAT @ 7.5%", "মূসকের হারঃ ১০%", "6% GST 0.38"),
    ).toEqual([1500, 1500, 750, 1000, 600]);
    expect(
      ratesOf([
        [20, "VAT Rate"],
        [400, "5%"],
      ]),
    ).toEqual([500]);
  });

  it("ignores other percentages", () => {
    expect(ratesOf("Discount 5%", "Service charge 10%", "Cash 100.00")).toEqual([]);
  });

  it("reads 75% as 7.5% with its point lost: no VAT is 75%", () => {
    expect(ratesOf("VAT 75% 2,100.00", "ভ্যাট ৭৫%")).toEqual([750, 750]);
  });

  it("takes no % with a digit right after it for a rate: it is a figure misread", () => {
    // `820/-` and `900.00` as Tesseract read them on handwritten Bengali pages (generated).
    expect(ratesOf("VAT 8%0/-", "ভ্যাট ১০%৮৪,")).toEqual([]);
    expect(ratesOf("VAT 15% 1,500.00", "VAT 7.5 % 67.50")).toEqual([1500, 750]);
  });
});

describe("vatRateField", () => {
  const read = readVatRates(textLines(pageOf(["VAT 15% 1,500.00"])));

  it("trusts a rate the arithmetic confirms over one it contradicts", () => {
    const confirmed = vatRateField(read, { rateCheck: 1500 });
    const contradicted = vatRateField(read, { rateCheck: false });
    expect(confirmed?.value).toBe(0.15);
    expect(contradicted?.value).toBe(0.15);
    expect(confirmed?.confidence).toBeGreaterThan(contradicted?.confidence ?? 1);
  });

  it("doubts a rate the law does not allow", () => {
    const odd = vatRateField(readVatRates(textLines(pageOf(["VAT 13% 130.00"]))), {});
    expect(odd?.value).toBe(0.13);
    expect(odd?.confidence).toBeLessThan(vatRateField(read, {})?.confidence ?? 0);
  });

  it("takes the legal rate the amounts show over an unlawful one they refute", () => {
    // `ভ্যাট ১০%` read `ভ্যাট 30%` (generated photo): VAT 6,010 on a net of 60,100 is 10%.
    const misread = readVatRates(textLines(pageOf(["ভ্যাট 30% 6,010.00"])));
    expect(vatRateField(misread, { rateCheck: false, derivedRate: 1000 })?.value).toBe(0.1);
    // Unrefuted, or lawful, the rate read stands.
    expect(vatRateField(misread, { derivedRate: 1000 })?.value).toBe(0.3);
    expect(vatRateField(read, { rateCheck: false, derivedRate: 1000 })?.value).toBe(0.15);
  });

  it("derives the rate from the amounts when none is written", () => {
    expect(vatRateField([], { derivedRate: 750 })?.value).toBe(0.075);
    expect(vatRateField([], {})).toBeUndefined();
  });
});
