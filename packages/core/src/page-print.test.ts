import { describe, expect, it } from "vitest";
import { pagePrint, pagePrintDistance } from "./page-print";

/** A page-like picture: dark text rows at a given seed on white paper. */
function page(
  width: number,
  height: number,
  seed: number,
  { brightness = 0, noise = 0, lamp = 0 } = {},
): Uint8Array {
  const px = new Uint8Array(width * height);
  let r = seed;
  const rand = () => {
    r = (r * 1_103_515_245 + 12_345) % 2 ** 31;
    return r / 2 ** 31;
  };
  const blocks = Array.from({ length: 14 }, () => ({
    x: rand() * 0.8,
    y: rand() * 0.9,
    w: 0.1 + rand() * 0.5,
    h: 0.02 + rand() * 0.05,
  }));
  let n = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = blocks.some(
        (b) =>
          x / width >= b.x && x / width < b.x + b.w && y / height >= b.y && y / height < b.y + b.h,
      );
      n = (n * 48_271) % 2_147_483_647;
      const jitter = noise ? ((n % 1000) / 1000 - 0.5) * noise : 0;
      // A lamp on the left: the page darkens towards the right.
      const shade = lamp * (x / width);
      px[y * width + x] = Math.max(
        0,
        Math.min(255, (ink ? 40 : 235) + brightness + jitter - shade),
      );
    }
  }
  return px;
}

const print = (px: Uint8Array, width: number, height: number) => pagePrint(px, width, height).cells;

describe("pagePrint", () => {
  it("barely moves for the same page photographed again: other size, darker, noisier, a lamp aside", () => {
    const first = pagePrint(page(800, 1120, 1), 800, 1120);
    expect(first.cells).toMatch(/^[0-9a-f]{3240}$/);
    expect(first.inked).toBeGreaterThan(500);
    const again = [
      print(page(600, 840, 1), 600, 840),
      print(page(800, 1120, 1, { brightness: -40 }), 800, 1120),
      print(page(800, 1120, 1, { noise: 40 }), 800, 1120),
      print(page(600, 840, 1, { brightness: -30, noise: 40, lamp: 60 }), 600, 840),
    ];
    for (const cells of again) expect(pagePrintDistance(first.cells, cells)).toBeLessThan(0.02);
  });

  it("tells different pages apart", () => {
    const prints = [1, 2, 3, 4].map((seed) => print(page(800, 1120, seed * 977), 800, 1120));
    for (let i = 0; i < prints.length; i++) {
      for (let j = i + 1; j < prints.length; j++) {
        expect(pagePrintDistance(prints[i] as string, prints[j] as string)).toBeGreaterThan(0.3);
      }
    }
  });

  it("finds nothing alike in blank pages", () => {
    const blank = print(new Uint8Array(800 * 1120).fill(240), 800, 1120);
    expect(pagePrintDistance(blank, blank)).toBe(1);
  });

  it("refuses a picture too small to print", () => {
    expect(() => pagePrint(new Uint8Array(16), 4, 4)).toThrow(/too small/);
  });
});
