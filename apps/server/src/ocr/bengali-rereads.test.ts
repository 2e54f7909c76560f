import type { OcrLine, OcrPage, OcrWord } from "@chalan/core";
import { describe, expect, it } from "vitest";
import { latinAmongBengali, withBengaliLines, withBengaliRereads } from "./bengali-rereads";

const word = (text: string, confidence: number, x: number): OcrWord => ({
  text,
  confidence,
  box: { x0: x, y0: 10, x1: x + 50, y1: 30 },
});
const line = (...words: OcrWord[]): OcrLine => ({
  text: words.map((w) => w.text).join(" "),
  confidence: Math.min(...words.map((w) => w.confidence)),
  box: { x0: 0, y0: 10, x1: 500, y1: 30 },
  words,
});
const page = (...lines: OcrLine[]): OcrPage => ({ width: 600, height: 400, lines });

describe("Latin words among Bengali ones", () => {
  const read = page(
    line(word("মেসার্স", 0.9, 0), word("সবুজ", 0.9, 60), word("WG", 0.69, 120), word("সঙ্গ", 0.8, 180)),
    line(word("Total", 0.5, 0), word("Tk", 0.4, 60)),
    line(word("৩", 0.9, 0), word("Kacchi", 0.96, 60), word("Biryani", 0.9, 120)),
    // An invoice number in Bengali digits, read as Latin letters fairly surely.
    line(word("নম্বর:", 0.9, 0), word("Shogo", 0.81, 60)),
  );

  it("finds the unsure ones beside a Bengali word, not English read surely nor English lines", () => {
    expect(latinAmongBengali(read)).toEqual([
      { line: 0, word: 2, box: read.lines[0]?.words[2]?.box },
      { line: 3, word: 1, box: read.lines[3]?.words[1]?.box },
    ]);
  });

  it("reads again at most eight a page, the least sure first", () => {
    const many = page(
      line(
        word("বাংলা", 0.9, 0),
        ...Array.from({ length: 10 }, (_, i) => word("ab", 0.1 + i / 20, 60 * (i + 1))),
      ),
    );
    // Each Latin word stands beside another; only the first is beside a Bengali one.
    expect(latinAmongBengali(many).map((r) => r.word)).toEqual([1]);
    const alternating = page(
      line(
        ...Array.from({ length: 10 }, (_, i) => [
          word("বা", 0.9, 120 * i),
          word("ab", 0.7 - i / 20, 120 * i + 60),
        ]).flat(),
      ),
    );
    expect(latinAmongBengali(alternating).map((r) => r.word)).toEqual([
      19, 17, 15, 13, 11, 9, 7, 5,
    ]);
  });

  it("on a page of Bengali digits, finds figures garbled into Latin, not clean ones", () => {
    const receipt = page(
      line(word("Subtotal:", 0.92, 0), word("১,৪১৫.০০", 0.78, 60)),
      line(word("TOTAL:", 0.93, 0), word("5,039.3¢", 0.29, 60)),
      line(word("Cash", 0.9, 0), word("2,000.00", 0.6, 60), word("12:30", 0.5, 120)),
    );
    expect(latinAmongBengali(receipt)).toEqual([
      { line: 1, word: 1, box: receipt.lines[1]?.words[1]?.box },
    ]);
    // Without Bengali digits on the page, a garbled figure is only a misread Latin one.
    expect(latinAmongBengali(page(...receipt.lines.slice(1)))).toEqual([]);
  });

  it("takes a Bengali reading surer than the first, and nothing else", () => {
    const rereads = latinAmongBengali(read);
    const bengali = line(word("অ্যান্ড", 0.86, 120));
    expect(withBengaliRereads(read, rereads, [[bengali]]).lines[0]?.text).toBe(
      "মেসার্স সবুজ অ্যান্ড সঙ্গ",
    );
    const unsure = line(word("অ্যান্ড", 0.5, 120));
    const latin = line(word("and", 0.95, 120));
    expect(withBengaliRereads(read, rereads, [[unsure]])).toBe(read);
    expect(withBengaliRereads(read, rereads, [[latin]])).toBe(read);
    expect(withBengaliRereads(read, rereads, [[]])).toBe(read);
  });
});

describe("Bengali lines on a page read in English", () => {
  const name = line(word("TT", 0.3, 0), word("FIC", 0.4, 60));
  const total = line(word("Total:", 0.95, 0), word("Tk", 0.95, 60), word("47,196.00", 0.95, 120));
  const read = page(name, total);

  it("takes a line's Bengali reading when it is surer than the English one", () => {
    const bengali = line(word("মেঘনা", 0.88, 0), word("ফার্মেসী", 0.8, 60));
    expect(withBengaliLines(read, [name], [[bengali]]).lines).toEqual([bengali, total]);
  });

  it("keeps the English reading over an unsure or a Latin second one", () => {
    // Unsure, though surer than the English: a smudge read as Bengali.
    const unsure = line(word("মেঘনা", 0.5, 0), word("ফার্মেসী", 0.6, 60));
    const latin = line(word("MEGHNA", 0.9, 0));
    expect(withBengaliLines(read, [name], [[unsure]])).toBe(read);
    expect(withBengaliLines(read, [name], [[latin]])).toBe(read);
    expect(withBengaliLines(read, [name], [[]])).toBe(read);
  });
});
