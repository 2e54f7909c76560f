import type { OcrLine, OcrPage } from "@chalan/core";
import { describe, expect, it } from "vitest";
import {
  detectedLines,
  layoutFailed,
  missedLines,
  unsureLines,
  withSecondReadings,
} from "./detected-lines";

const line = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 0.9) => {
  const box = { x0, y0, x1, y1 };
  return { text, confidence, box, words: [{ text, confidence, box }] } satisfies OcrLine;
};

// Tesseract read the heading surely, the date unsurely and missed the total's figure.
const reading: OcrPage = {
  width: 1240,
  height: 1600,
  lines: [
    line("Islam Electronics", 400, 100, 900, 150, 0.95),
    line("Date: 2G-04-2b", 100, 300, 400, 330, 0.45),
    line("TOTAL", 100, 500, 215, 530, 0.92),
  ],
};
const boxes = [
  { x0: 390, y0: 92, x1: 910, y1: 158 },
  { x0: 92, y0: 292, x1: 410, y1: 338 },
  { x0: 88, y0: 492, x1: 225, y1: 538 },
  { x0: 880, y0: 494, x1: 1060, y1: 540 },
];

describe("detectedLines", () => {
  it("finds what the reading holds in each detected line, and which lines are worth reading again", () => {
    const lines = detectedLines(boxes, reading);
    expect(lines.map((l) => l.words.map((w) => w.text))).toEqual([
      ["Islam Electronics"],
      ["Date: 2G-04-2b"],
      ["TOTAL"],
      [],
    ]);
    expect(lines.map((l) => l.confidence)).toEqual([0.95, 0.45, 0.92, 0]);
    expect(unsureLines(lines).map((l) => l.box)).toEqual([boxes[1], boxes[3]]);
  });

  it("takes the widest of the lines missed altogether, as many as asked", () => {
    const more = [...boxes, { x0: 100, y0: 700, x1: 900, y1: 740 }];
    const lines = detectedLines(more, reading);
    expect(missedLines(lines, 5).map((l) => l.box)).toEqual([more[4], more[3]]);
    expect(missedLines(lines, 1).map((l) => l.box)).toEqual([more[4]]);
  });

  it("tells a reading that missed many of the page's detected lines: its layout analysis failed", () => {
    // Ten rows of a table, each detected; the reading holds the first seven.
    const rows = Array.from({ length: 10 }, (_, i) => ({
      x0: 100,
      y0: 700 + 50 * i,
      x1: 900,
      y1: 740 + 50 * i,
    }));
    const read = (n: number): OcrPage => ({
      ...reading,
      lines: rows.slice(0, n).map((b) => line("Sugar 5 kg 350.00", b.x0, b.y0, b.x1, b.y1)),
    });
    expect(layoutFailed(detectedLines(rows, read(7)))).toBe(true);
    expect(layoutFailed(detectedLines(rows, read(2)))).toBe(true);
    // Missed but two lines in ten, or too few lines found to tell.
    expect(layoutFailed(detectedLines(rows, read(8)))).toBe(false);
    expect(layoutFailed(detectedLines(rows.slice(0, 7), read(0)))).toBe(false);
  });

  it("grows a detected box that ends inside a word to take the word in", () => {
    const [line] = detectedLines([{ x0: 392, y0: 104, x1: 780, y1: 146 }], reading);
    expect(line?.box).toEqual({ x0: 392, y0: 100, x1: 900, y1: 150 });
  });
});

describe("withSecondReadings", () => {
  const unsure = unsureLines(detectedLines(boxes, reading));

  it("replaces an unsure line by a surer second reading and adds a missed figure to its row", () => {
    const out = withSecondReadings(reading, unsure, [
      line("Date: 26-04-26", 92, 292, 410, 338, 0.88),
      line("2580.00", 880, 494, 1060, 540, 0.9),
    ]);
    expect(out.lines.map((l) => l.text)).toEqual([
      "Islam Electronics",
      "Date: 26-04-26",
      "TOTAL 2580.00",
    ]);
    expect(out.lines[2]?.box).toEqual({ x0: 100, y0: 494, x1: 1060, y1: 540 });
  });

  it("keeps the first reading where the second is less sure, or too unsure to be text", () => {
    const out = withSecondReadings(reading, unsure, [
      line("Dale: 26-O4", 92, 292, 410, 338, 0.4),
      line("~~", 880, 494, 1060, 540, 0.3),
    ]);
    expect(out).toBe(reading);
    expect(withSecondReadings(reading, unsure, [undefined, undefined])).toBe(reading);
  });

  it("keeps the words of two rows that one detected box spans, or that a reading would cut short", () => {
    const twoRows: OcrPage = {
      ...reading,
      lines: [
        line("Receipt No: RCT2512", 40, 360, 560, 400, 0.7),
        line("Date: 14/12/2025", 40, 420, 400, 470, 0.7),
      ],
    };
    const both = detectedLines([{ x0: 40, y0: 355, x1: 562, y1: 479 }], twoRows);
    expect(withSecondReadings(twoRows, both, [line("Re", 40, 355, 562, 479, 0.77)])).toBe(twoRows);
    const one = detectedLines([{ x0: 40, y0: 355, x1: 562, y1: 405 }], twoRows);
    expect(withSecondReadings(twoRows, one, [line("Re 25", 40, 355, 562, 405, 0.9)])).toBe(twoRows);
  });

  it("puts a missed line on a row of its own in reading order", () => {
    const missed = detectedLines([{ x0: 100, y0: 400, x1: 300, y1: 430 }], reading);
    const out = withSecondReadings(reading, missed, [line("No: 32309", 100, 400, 300, 430, 0.8)]);
    expect(out.lines.map((l) => l.text)).toEqual([
      "Islam Electronics",
      "Date: 2G-04-2b",
      "No: 32309",
      "TOTAL",
    ]);
  });
});
