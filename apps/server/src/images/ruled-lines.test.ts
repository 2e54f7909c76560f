import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { type GrayPixels, grayPixels, rotatePixels } from "./orientation";
import { eraseRuledLines } from "./ruled-lines";

// The top of an A4 page at 150 dpi.
const WIDTH = 1240;
const HEIGHT = 1754;

/** A table cell: two ruled rows, two ruled columns, an English figure, a Bengali label, a stroke across a rule. */
async function tablePage(): Promise<GrayPixels> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="#f4f1e8"/>
    <rect x="40" y="100" width="1120" height="2" fill="#222"/>
    <rect x="40" y="400" width="1120" height="3" fill="#222"/>
    <rect x="40" y="100" width="2" height="303" fill="#222"/>
    <rect x="1158" y="100" width="2" height="303" fill="#222"/>
    <rect x="600" y="370" width="6" height="60" fill="#222"/>
    <text x="80" y="200" font-family="DejaVu Sans" font-size="40" fill="#222">TOTAL 1,190.00</text>
    <text x="80" y="330" font-family="Lohit Bengali" font-size="56" fill="#222">সর্বমোট প্রদেয় টাকা</text>
  </svg>`;
  return grayPixels(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** Dark pixels in a box of a page, the paper's own brightness being about 240. */
function inkIn(page: GrayPixels, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) if ((page.data[y * page.width + x] ?? 255) < 128) n++;
  }
  return n;
}

describe("eraseRuledLines", () => {
  it("whitens a table's rules and keeps the words, a Bengali headline and a stroke that crosses a rule", async () => {
    const page = await tablePage();
    const clean = eraseRuledLines(page);

    expect(inkIn(page, 40, 98, 1160, 104)).toBeGreaterThan(2000);
    expect(inkIn(clean, 40, 98, 1160, 104)).toBe(0);
    expect(inkIn(clean, 36, 106, 46, 396)).toBe(0);
    expect(inkIn(clean, 1154, 106, 1164, 396)).toBe(0);

    const english = inkIn(page, 60, 150, 600, 215);
    const bengali = inkIn(page, 60, 260, 1100, 360);
    expect(english).toBeGreaterThan(1000);
    expect(bengali).toBeGreaterThan(3000);
    expect(inkIn(clean, 60, 150, 600, 215)).toBe(english);
    expect(inkIn(clean, 60, 260, 1100, 360)).toBeGreaterThanOrEqual(bengali * 0.98);

    // The ink left on the page, as returned: the words, not the rules.
    const inkAt = (x: number, y: number) => clean.ink[y * clean.width + x];
    expect(inkAt(300, 100)).toBe(0);
    expect(inkAt(41, 250)).toBe(0);
    expect(clean.ink.reduce((n, v) => n + v, 0)).toBeGreaterThan(english + bengali * 0.9);

    // The stroke keeps its full length, where it crosses the rule too.
    expect(inkIn(clean, 600, 370, 606, 430)).toBe(inkIn(page, 600, 370, 606, 430));
    expect(inkIn(clean, 620, 398, 1100, 406)).toBe(0);
  });

  it("follows rules along the page's remaining tilt", async () => {
    const tilted = await rotatePixels(await tablePage(), 1.5);
    const before = inkIn(tilted, 0, 0, tilted.width, tilted.height);
    const clean = eraseRuledLines(tilted, 1.5);
    const after = inkIn(clean, 0, 0, clean.width, clean.height);
    // The rules held about 2240 + 3360 + 600 + 600 dark pixels; text and stroke stay.
    expect(before - after).toBeGreaterThan(6000);
    expect(after).toBeGreaterThan(4000);
  });

  it("leaves a page without rules as it was", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
      <rect width="100%" height="100%" fill="white"/>
      <text x="20" y="100" font-family="DejaVu Sans" font-size="90">KARIM TRADERS</text>
      <text x="20" y="200" font-family="DejaVu Sans" font-size="36">Invoice No: INV-2041</text>
      <text x="20" y="300" font-family="Lohit Bengali" font-size="36">সর্বমোট প্রদেয় টাকা ১১,৯০০.০০</text>
    </svg>`;
    const page = await grayPixels(await sharp(Buffer.from(svg)).png().toBuffer());
    expect(Buffer.from(eraseRuledLines(page).data).equals(Buffer.from(page.data))).toBe(true);
  });
});
