import type { OcrPage } from "@chalan/core";
import { describe, expect, it } from "vitest";
import { figuresLookBengali, showsBengaliDigits, tallied } from "./bengali-digits";
import type { CtcText } from "./ctc-decode";

const read = (...confidences: number[]): CtcText[] =>
  confidences.map((confidence, i) => ({ text: `${i}`, confidence }));

const page = (...words: Array<[string, number]>): OcrPage => ({
  width: 600,
  height: 800,
  lines: words.map(([text, confidence], i) => {
    const box = { x0: 10, y0: 40 * i, x1: 200, y1: 40 * i + 30 };
    return { text, confidence, box, words: [{ text, confidence, box }] };
  }),
});

describe("Bengali digits on a page read in English", () => {
  it("suspects them when the second reader could not read many of the figures", () => {
    // `lbt.00`, `R5R.1¢`: what English Tesseract makes of ৬৬৫.০০ and ২১২.২৫, unread again.
    expect(figuresLookBengali(read(0.2, 0.3, 0.9, 0.1, 0.4))).toBe(true);
    // A receipt's few faint figures among many read surely.
    expect(figuresLookBengali(read(0.2, 0.3, 0.9, 0.95, 0.8, 0.99, 0.7, 0.9))).toBe(false);
    // Too few figures to judge by.
    expect(figuresLookBengali(read(0.1, 0.1, 0.1))).toBe(false);
  });

  it("takes a Bengali+English reading only where it shows Bengali digits surely read", () => {
    expect(showsBengaliDigits(page(["১,৪১৫.০০", 0.9], ["২১২.২৫", 0.8], ["১৬২৭.২৫", 0.7]))).toBe(
      true,
    );
    expect(showsBengaliDigits(page(["১,৪১৫.০০", 0.9], ["২১২.২৫", 0.4], ["1627.25", 0.9]))).toBe(
      false,
    );
  });

  it("keeps what the figures' reader read, in order", async () => {
    const reader = tallied({
      recognize: async (crops) => read(...crops.map((c) => c.width / 100)),
    });
    const crop = (width: number) => ({ width, height: 30, data: new Uint8Array(width * 30) });
    await reader.recognize([crop(20), crop(50)]);
    await reader.recognize([crop(90)]);
    expect(reader.readings.map((r) => r.confidence)).toEqual([0.2, 0.5, 0.9]);
  });
});
