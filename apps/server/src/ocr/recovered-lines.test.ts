import type { OcrLine, OcrPage } from "@chalan/core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { grayPixels } from "../images/orientation";
import { missedText, withRecoveredLines } from "./missed-ink";

const line = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 0.9) => {
  const box = { x0, y0, x1, y1 };
  return { text, confidence, box, words: [{ text, confidence, box }] } satisfies OcrLine;
};

/** A receipt's total row, "TOTAL" on the left and the figure on the right, and a dotted rule. */
async function totalRow() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1600">
    <rect width="100%" height="100%" fill="white"/>
    <text x="100" y="400" font-family="DejaVu Sans" font-size="32">TOTAL</text>
    <text x="900" y="400" font-family="DejaVu Sans" font-size="32">2,589.00</text>
    <line x1="100" y1="500" x2="1100" y2="500" stroke="black" stroke-width="3" stroke-dasharray="4 6"/>
  </svg>`;
  return grayPixels(await sharp(Buffer.from(svg)).png().toBuffer());
}

describe("missedText", () => {
  it("boxes the figure a reading left out, and neither what it read nor a dotted rule", async () => {
    const page = await totalRow();
    const reading: OcrPage = {
      width: 1240,
      height: 1600,
      lines: [line("TOTAL", 98, 374, 215, 402)],
    };
    const [box, ...more] = missedText(page, reading);
    expect(more).toEqual([]);
    expect(box?.x0).toBeLessThanOrEqual(900);
    expect(box?.x1).toBeGreaterThanOrEqual(1040);
    expect(box?.x1).toBeLessThan(1100);
    expect(box?.y0).toBeLessThanOrEqual(376);
    expect(box?.y1).toBeGreaterThanOrEqual(400);
    expect(box && box.y1 - box.y0).toBeLessThan(60);
  });

  it("finds nothing missed when a sure reading covers the page's words", async () => {
    const page = await totalRow();
    const reading: OcrPage = {
      width: 1240,
      height: 1600,
      lines: [line("TOTAL", 98, 374, 215, 402), line("2,589.00", 898, 374, 1045, 406)],
    };
    expect(missedText(page, reading)).toEqual([]);
    // Words read with little confidence do not count as read.
    const unsure = {
      ...reading,
      lines: [reading.lines[0] as OcrLine, line("z,5B9", 898, 374, 1045, 406, 0.2)],
    };
    expect(missedText(page, unsure)).toHaveLength(1);
  });
});

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
