import { describe, expect, it } from "vitest";
import type { OcrPage } from "./ocr";
import { below, rangeOf, rightOf, rows, sameRow, textLines, verticalOverlap } from "./page-layout";
import { lineAt, pageOf } from "./test-pages";

describe("textLines", () => {
  it("puts lines in reading order and normalises digits and spaces", () => {
    const page: OcrPage = {
      width: 500,
      height: 200,
      lines: [lineAt(300, 60, "৳ ১,১৯০"), lineAt(20, 100, "Thanks"), lineAt(20, 62, "মোট")],
    };
    expect(textLines(page).map((l) => l.text)).toEqual(["মোট", "৳ 1,190", "Thanks"]);
  });

  it("composes Bengali text the same way whatever the OCR emitted", () => {
    const precomposed = textLines(pageOf(["প্রদে\u09DFয়"]))[0]?.text;
    const decomposed = textLines(pageOf(["প্রদে\u09AF\u09BCয়"]))[0]?.text;
    expect(precomposed).toBe(decomposed);
  });

  it("repairs OCR slips in words, keeping the boxes of the words it joins", () => {
    const [line] = textLines(pageOf(["Sub To tal 1,6O4 .25"]));
    expect(line?.text).toBe("Sub Total 1,604.25");
    const total = line?.spans[1];
    expect(line?.text.slice(total?.start, total?.end)).toBe("Total");
    // `To` starts at character 4 and `tal` ends at character 10, 12 px each.
    expect(total?.box).toMatchObject({ x0: 20 + 4 * 12, x1: 20 + 10 * 12 });
    // Repaired words are trusted a little less than the OCR said.
    expect(line?.spans[2]?.confidence).toBeLessThan(line?.spans[0]?.confidence ?? 0);
  });

  it("uses the line text when the OCR gave no words, and drops empty lines", () => {
    const page: OcrPage = {
      width: 100,
      height: 100,
      lines: [
        {
          text: "  Total   9.00 ",
          confidence: 0.8,
          box: { x0: 0, y0: 0, x1: 90, y1: 20 },
          words: [],
        },
        { text: " ", confidence: 0.8, box: { x0: 0, y0: 30, x1: 90, y1: 50 }, words: [] },
      ],
    };
    const lines = textLines(page);
    expect(lines.map((l) => l.text)).toEqual(["Total 9.00"]);
    expect(rangeOf(lines[0] as (typeof lines)[0], 6, 10).box).toEqual(page.lines[0]?.box);
  });
});

describe("rangeOf", () => {
  it("gives the box and lowest confidence of the words a range covers", () => {
    const page = pageOf(["Grand Total Tk 1,190.00"]);
    const words = page.lines[0]?.words ?? [];
    for (const w of words) w.confidence = w.text === "1,190.00" ? 0.4 : 0.9;
    const [line] = textLines(page);
    if (!line) throw new Error("no line");
    const start = line.text.indexOf("Tk");
    const r = rangeOf(line, start, line.text.length);
    expect(r.box).toEqual({ ...words[2]?.box, x1: words[3]?.box.x1 });
    expect(r.confidence).toBe(0.4);
  });
});

describe("geometry", () => {
  const box = (y0: number, y1: number, x0 = 0, x1 = 10) => ({ x0, y0, x1, y1 });

  it("measures vertical overlap against the shorter box", () => {
    expect(verticalOverlap(box(0, 10), box(5, 25))).toBe(0.5);
    expect(verticalOverlap(box(0, 10), box(20, 30))).toBe(0);
    expect(sameRow(box(0, 10), box(3, 13))).toBe(true);
    expect(sameRow(box(0, 10), box(8, 18))).toBe(false);
  });

  it("groups cells into rows, each left to right", () => {
    const lines = textLines(
      pageOf([
        [
          [400, "9.00"],
          [20, "TOTAL:"],
        ],
        "Thank you",
      ]),
    );
    expect(rows(lines).map((r) => r.map((l) => l.text))).toEqual([
      ["TOTAL:", "9.00"],
      ["Thank you"],
    ]);
  });

  it("finds the cells right of a label, keeping the better aligned of stacked cells", () => {
    const page: OcrPage = {
      width: 800,
      height: 200,
      lines: [
        lineAt(20, 100, "TOTAL"),
        lineAt(500, 88, "RM 34.80"),
        lineAt(480, 114, "RM 100.00"),
        lineAt(20, 130, "CASH"),
      ],
    };
    const lines = textLines(page);
    const label = lines.find((l) => l.text === "TOTAL");
    if (!label) throw new Error("no label");
    expect(rightOf(lines, label).map((l) => l.text)).toEqual(["RM 34.80"]);
  });

  it("finds the line just under a label, not one far below", () => {
    const lines = textLines(pageOf([[[20, "Net Payable"]], [[40, "1,190.00"]], [[20, "Thanks"]]]));
    const [label, value] = lines;
    if (!label) throw new Error("no label");
    expect(below(lines, label)).toBe(value);
    const far = textLines(pageOf([[[20, "Net Payable"]], [], [], [[40, "1,190.00"]]]));
    expect(below(far, far[0] as (typeof far)[0])).toBeUndefined();
  });
});
