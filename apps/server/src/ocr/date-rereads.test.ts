import type { OcrLine, OcrPage } from "@chalan/core";
import { describe, expect, it } from "vitest";
import { dateLines, pageShowsDate, takesDates } from "./date-rereads";
import { detectedLines, unsureLines, withSecondReadings } from "./detected-lines";

const line = (text: string, y0: number, confidence: number): OcrLine => {
  const box = { x0: 20, y0, x1: 600, y1: y0 + 34 };
  return { text, confidence, box, words: [{ text, confidence, box }] };
};

// A receipt whose date line Tesseract read surely, and wrongly; its total line unsurely.
const reading: OcrPage = {
  width: 900,
  height: 1600,
  lines: [
    line("MR. D.I.Y. (M) SDN BHD", 100, 0.93),
    line("TOTAL RM 38.80", 900, 0.6),
    line("2%- 03-18 18:47 SH01 ZJ86", 1400, 0.88),
    line("OPERATOR TRAINEE CASHIER", 1450, 0.95),
  ],
};
const lines = detectedLines(
  reading.lines.map((l) => l.box),
  reading,
);

describe("date rereads", () => {
  it("tells a page that shows a date from one that does not", () => {
    expect(pageShowsDate(reading)).toBe(false);
    expect(pageShowsDate({ ...reading, lines: [line("Date: 25/03/2018", 10, 0.9)] })).toBe(true);
  });

  it("reads again the sure lines with figures enough for a date", () => {
    const unsure = unsureLines(lines);
    expect(unsure.map((l) => l.words[0]?.text)).toEqual(["TOTAL RM 38.80"]);
    expect(dateLines(lines, unsure).map((l) => l.words[0]?.text)).toEqual([
      "2%- 03-18 18:47 SH01 ZJ86",
    ]);
  });

  it("takes a second reading that shows a date though it is less sure, and only such", () => {
    const [date] = dateLines(lines, unsureLines(lines));
    const [cashier] = lines.slice(-1);
    if (!date || !cashier) throw new Error("fixture lines missing");
    const second = [
      line("25-03-18 18:47 SH01 ZJ86", 1400, 0.57),
      line("OPERAT0R TRAINEE CASHlER", 1450, 0.57),
    ];
    const read = withSecondReadings(reading, [date, cashier], second, takesDates);
    expect(read.lines.map((l) => l.text)).toEqual([
      "MR. D.I.Y. (M) SDN BHD",
      "TOTAL RM 38.80",
      "25-03-18 18:47 SH01 ZJ86",
      "OPERATOR TRAINEE CASHIER",
    ]);
    // Without a date to look for, a less sure second reading changes nothing.
    expect(withSecondReadings(reading, [date, cashier], second)).toEqual(reading);
  });
});
