import type { OcrPage } from "@chalan/core";
import { describe, expect, it } from "vitest";
import { baselineExtract } from "./baseline";

const page = (...texts: string[]): OcrPage => ({
  width: 1000,
  height: 100 * texts.length,
  lines: texts.map((text, i) => ({
    text,
    confidence: 0.9,
    box: { x0: 0, y0: i * 100, x1: 900, y1: i * 100 + 30 },
    words: [],
  })),
});

describe("baselineExtract", () => {
  it("reads what a regex over flat text can", () => {
    const f = baselineExtract(
      page("Padma Traders", "Invoice No: PT-77", "Date: 18/03/2026", "Grand Total Tk 11,900.00"),
    );
    expect(f.total?.value).toBe(1_190_000);
    expect(f.issueDate?.value).toBe("2026-03-18");
    expect(f.supplierName?.value).toBe("Padma Traders");
    expect(f.invoiceNumber?.value).toBe("PT-77");
  });

  it("misses what needs layout or Bengali labels", () => {
    const f = baselineExtract(page("মেসার্স রহমান ট্রেডার্স", "সর্বমোট ৳ ১১,৯০০.০০"));
    expect(f.total).toBeUndefined();
  });
});
