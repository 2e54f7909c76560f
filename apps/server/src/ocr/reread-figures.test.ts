import type { OcrLine, OcrPage } from "@chalan/core";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { type GrayPixels, grayPixels } from "../images/orientation";
import { PaddleRecognizer } from "./paddle-recognizer";
import { betterReading, rereadFigures, type WordReader } from "./reread-figures";

const word = (text: string, x0: number, confidence = 0.9) => ({
  text,
  confidence,
  box: { x0, y0: 380, x1: x0 + 18 * text.length, y1: 410 },
});

function lineOf(...words: ReturnType<typeof word>[]): OcrLine {
  const box = { x0: words[0]?.box.x0 ?? 0, y0: 380, x1: words.at(-1)?.box.x1 ?? 0, y1: 410 };
  return { text: words.map((w) => w.text).join(" "), confidence: 0.9, box, words };
}

/** Printed words at the x positions the reading gives them, on an A4 page at 150 dpi. */
async function printed(words: ReadonlyArray<{ text: string; x: number }>): Promise<GrayPixels> {
  const texts = words
    .map(
      ({ text, x }) =>
        `<text x="${x}" y="404" font-family="DejaVu Sans" font-size="30">${text}</text>`,
    )
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754">
    <rect width="100%" height="100%" fill="white"/>${texts}</svg>`;
  return grayPixels(await sharp(Buffer.from(svg)).png().toBuffer());
}

describe("betterReading", () => {
  it("takes a sure second reading of a figure, even over a surer first one", () => {
    expect(betterReading(word("$270", 0, 0.95), { text: "$2.70", confidence: 0.85 }).text).toBe(
      "$2.70",
    );
    expect(betterReading(word("6.20", 0, 0.7), { text: "8.20", confidence: 0.75 }).text).toBe(
      "8.20",
    );
    expect(betterReading(word("3.", 0, 0.7), { text: "3，", confidence: 0.9 }).text).toBe("3,");
  });

  it("keeps the first reading against an unsure second one, or one that lost its figures", () => {
    expect(betterReading(word("8.20", 0, 0.9), { text: "6.20", confidence: 0.5 }).text).toBe(
      "8.20",
    );
    expect(betterReading(word("8.20", 0, 0.5), { text: "B.ZO", confidence: 0.9 }).text).toBe(
      "8.20",
    );
    expect(betterReading(word("12/03", 0, 0.5), { text: "12 03", confidence: 0.9 }).text).toBe(
      "12/03",
    );
  });

  it("takes a code's Latin letters, read as digits before its Bengali ones, from the second", () => {
    // As Tesseract and PaddleOCR read `BBC-২৫০৯-৬৯০৩` on a generated Mushak-6.3.
    const code = betterReading(word("880-২৫০৯-৬৯০৩", 0, 0.58), {
      text: "BBC-0-0",
      confidence: 0.51,
    });
    expect(code).toMatchObject({ text: "BBC-২৫০৯-৬৯০৩", confidence: 0.51 });
    expect(betterReading(word("1404/২৬০৬", 0, 0.6), { text: "NDH/0", confidence: 0.7 }).text).toBe(
      "NDH/২৬০৬",
    );
    expect(
      betterReading(word("॥144/২০২৫/৭৬৫৪", 0, 0.17), { text: "INV/0/0", confidence: 0.6 }).text,
    ).toBe("INV/২০২৫/৭৬৫৪");
    expect(
      betterReading(word("॥4%/-২০২৪-৫৫৩৯", 0, 0.42), { text: "INV-08-", confidence: 0.6 }).text,
    ).toBe("INV-২০২৪-৫৫৩৯");
    // No letters in the second reading: the first stands, whatever the second's figures.
    const digits = word("12-৩৪৫৬", 0, 0.6);
    expect(betterReading(digits, { text: "12-0", confidence: 0.95 })).toBe(digits);
    // As generated receipts' numbers were read: `R-` as `1২-`, `RCT` run on as `001` and `২01`.
    expect(betterReading(word("1২-৬৫১৯৮৩", 0, 0.37), { text: "R-", confidence: 0.99 }).text).toBe(
      "R-৬৫১৯৮৩",
    );
    const runOn = (first: string, second: string) =>
      betterReading(word(first, 0, 0.1), { text: second, confidence: 0.5 }).text;
    expect(runOn("001২৬০২২৬৭৮", "RCT")).toBe("RCT২৬০২২৬৭৮");
    expect(runOn("২01২৫১১৮৮১৩", "RCTRSbbO")).toBe("RCT২৫১১৮৮১৩");
    // Too few letters read for the digits they would replace: the first stands.
    expect(runOn("001২৬০২২৬৭৮", "RC")).toBe("001২৬০২২৬৭৮");
  });
});

describe("rereadFigures", () => {
  const page = (lines: OcrLine[]): OcrPage => ({ width: 1240, height: 1754, lines });

  it("hands only unsure words with Latin digits to the second reader and rebuilds their lines", async () => {
    const seen: number[] = [];
    const reader: WordReader = {
      recognize: async (crops) => {
        seen.push(...crops.map((c) => c.width));
        return crops.map(() => ({ text: "8.20", confidence: 0.95 }));
      },
    };
    const pixels = await printed([]);
    const reading = page([
      lineOf(word("Nett", 100), word("Total:", 190), word("6.20", 900)),
      lineOf(word("মোট", 100), word("৮.২০", 900)),
      lineOf(word("Date:", 100), word("14/03/2018", 900, 0.96)),
    ]);
    const out = await rereadFigures(reading, pixels, reader);
    expect(seen).toHaveLength(1);
    expect(out.lines[0]?.text).toBe("Nett Total: 8.20");
    expect(out.lines[0]?.words[2]?.confidence).toBe(0.95);
    expect(out.lines[1]).toBe(reading.lines[1]);
    expect(out.lines[2]).toBe(reading.lines[2]);
  });

  describe("with PaddleOCR's recogniser", () => {
    const recognizer = new PaddleRecognizer();
    afterAll(() => recognizer.close());

    it("reads printed figures from the page where the first reading boxed them", async () => {
      const figures = ["8.20", "1,190.00", "14/03/2018", "RM45.35"];
      const xs = [100, 300, 600, 950];
      const pixels = await printed(figures.map((text, i) => ({ text, x: xs[i] ?? 0 })));
      // Tesseract's boxes for the same words, each read wrong and unsure.
      const wrong = ["6.20", "1,19O.00", "14/08/2018", "RM4535"];
      const reading = page([
        lineOf(...wrong.map((text, i) => ({ ...word(text, xs[i] ?? 0, 0.6), text }))),
      ]);
      // The rendered widths: DejaVu Sans digits at 30 px are about 19 px wide.
      reading.lines[0]?.words.forEach((w, i) => {
        w.box.x1 = (xs[i] ?? 0) + 19.1 * (figures[i]?.length ?? 0);
        w.box.y0 = 380;
        w.box.y1 = 412;
      });
      const out = await rereadFigures(reading, pixels, recognizer);
      expect(out.lines[0]?.words.map((w) => w.text)).toEqual(figures);
    });
  });
});
