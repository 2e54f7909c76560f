import type { OcrLine, OcrPage } from "@chalan/core";
import { describe, expect, it } from "vitest";
import { withRecoveredLines } from "./recovered-lines";

const line = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 0.9) => {
  const box = { x0, y0, x1, y1 };
  return { text, confidence, box, words: [{ text, confidence, box }] } satisfies OcrLine;
};

describe("withRecoveredLines", () => {
  const reading: OcrPage = {
    width: 1240,
    height: 1600,
    lines: [line("TOTAL", 98, 374, 215, 402), line("z,5B9", 898, 374, 1045, 406, 0.2)],
  };

  it("adds the sure lines and drops the less sure lines they cover", () => {
    const out = withRecoveredLines(reading, [line("2,589.00", 890, 368, 1050, 410, 0.86)]);
    expect(out.lines.map((l) => l.text)).toEqual(["TOTAL", "2,589.00"]);
  });

  it("leaves the reading as it was when what was read again is unsure", () => {
    expect(withRecoveredLines(reading, [line("“4%,2589", 890, 368, 1050, 410, 0.31)])).toBe(
      reading,
    );
  });

  it("takes words alone only as a heading above everything read, and only when read very surely", () => {
    const heading = line("রহমান অ্যান্ড সন্স", 340, 60, 700, 110, 0.9);
    expect(withRecoveredLines(reading, [heading]).lines.map((l) => l.text)).toContain(
      "রহমান অ্যান্ড সন্স",
    );
    expect(withRecoveredLines(reading, [{ ...heading, confidence: 0.6 }])).toBe(reading);
    expect(withRecoveredLines(reading, [line("Thank you", 300, 900, 600, 930, 0.95)])).toBe(
      reading,
    );
    const nothingRead: OcrPage = { width: 1240, height: 1600, lines: [] };
    expect(withRecoveredLines(nothingRead, [heading])).toBe(nothingRead);
  });
});
