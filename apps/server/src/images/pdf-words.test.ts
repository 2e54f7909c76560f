import { describe, expect, it } from "vitest";
import type { PdfChar } from "./pdf-text-layer";
import { linesOfChars } from "./pdf-words";

const CHAR_W = 10;
const CHAR_H = 20;

/** `text` drawn from (x, y), one box per character; spaces come through as PDFium gives them. */
function run(text: string, x: number, y: number): PdfChar[] {
  return [...text].map((c, i) =>
    c === " "
      ? { text: " " }
      : { text: c, box: { x0: x + i * CHAR_W, y0: y, x1: x + (i + 1) * CHAR_W, y1: y + CHAR_H } },
  );
}

const texts = (chars: PdfChar[]) => linesOfChars(chars).map((l) => l.text);

describe("linesOfChars", () => {
  it("makes words of characters and lines of words, each with its box and confidence 1", () => {
    const [line] = linesOfChars(run("Total: Tk 1,150.00", 100, 50));
    expect(line?.text).toBe("Total: Tk 1,150.00");
    expect(line?.box).toEqual({ x0: 100, y0: 50, x1: 280, y1: 70 });
    expect(line?.words.map((w) => [w.text, w.box.x0, w.confidence])).toEqual([
      ["Total:", 100, 1],
      ["Tk", 170, 1],
      ["1,150.00", 200, 1],
    ]);
  });

  it("orders rows by position, not by the order the PDF draws them", () => {
    const chars = [
      ...run("Total: Tk 1,150.00", 100, 300),
      { text: " " },
      ...run("Meghna", 100, 50),
    ];
    expect(texts(chars)).toEqual(["Meghna", "Total: Tk 1,150.00"]);
  });

  it("joins runs drawn separately on one row, and cuts a row into cells at a column gap", () => {
    const chars = [
      ...run("Invoice No:", 100, 50),
      ...run("MT-7", 240, 52),
      { text: " " },
      ...run("Date: 18/03/2026", 900, 50),
    ];
    expect(texts(chars)).toEqual(["Invoice No: MT-7", "Date: 18/03/2026"]);
  });

  it("ends a word at a gap even where no space is drawn", () => {
    expect(texts([...run("Tk", 100, 50), ...run("500", 135, 50)])).toEqual(["Tk 500"]);
  });

  it("keeps Bengali vowel signs in their word and puts drawing order right", () => {
    // Word processors' PDFs give মোট as the glyphs drawn: ে ম া ট.
    const chars = run("েমাট: ৳ ১,১৫০.০০", 100, 50);
    expect(texts(chars)).toEqual(["মোট: ৳ ১,১৫০.০০"]);
  });
});
