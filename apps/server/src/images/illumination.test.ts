import { describe, expect, it } from "vitest";
import { evenOutLighting, paperLevels } from "./illumination";
import type { GrayPixels } from "./orientation";

describe("paperLevels", () => {
  it("is the brightest value within 15 pixels each way", () => {
    const data = new Uint8Array(40 * 40).fill(100);
    data[20 * 40 + 20] = 200;
    const levels = paperLevels({ data, width: 40, height: 40 });
    expect(levels[20 * 40 + 35]).toBe(200);
    expect(levels[5 * 40 + 5]).toBe(200);
    expect(levels[20 * 40 + 36]).toBe(100);
    expect(levels[4 * 40 + 20]).toBe(100);
  });

  it("agrees with the maximum taken pixel by pixel, up to every edge of the page", () => {
    const width = 97;
    const height = 83;
    const data = Uint8Array.from({ length: width * height }, (_, i) => (i * 7919) % 251);
    const levels = paperLevels({ data, width, height });
    const brute = (x: number, y: number) => {
      let max = 0;
      for (let v = Math.max(0, y - 15); v <= Math.min(height - 1, y + 15); v++)
        for (let u = Math.max(0, x - 15); u <= Math.min(width - 1, x + 15); u++)
          max = Math.max(max, data[v * width + u] ?? 0);
      return max;
    };
    const wrong = [];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) if (levels[y * width + x] !== brute(x, y)) wrong.push([x, y]);
    expect(wrong).toEqual([]);
  });
});

describe("evenOutLighting", () => {
  it("whitens paper under a shadow so one threshold separates ink from paper everywhere", () => {
    // Paper fading from 240 on the left to 100 on the right; ink strokes at 40% of the paper.
    const width = 300;
    const height = 60;
    const data = new Uint8Array(width * height);
    const isInk = (x: number, y: number) => x % 20 < 3 && y > 20 && y < 40;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const paper = 240 - (140 * x) / (width - 1);
        data[y * width + x] = Math.round(isInk(x, y) ? paper * 0.4 : paper);
      }
    }
    const page: GrayPixels = { data, width, height };
    const wrong = (p: GrayPixels) => {
      let n = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) if ((p.data[y * width + x] ?? 0) < 128 !== isInk(x, y)) n++;
      }
      return n;
    };
    expect(wrong(page)).toBeGreaterThan(1000);
    const even = evenOutLighting(page);
    expect(wrong(even)).toBe(0);
    // Paper comes out near white on both sides (the brightest paper within 15 px sets the level).
    expect(even.data[10 * width + 5]).toBeGreaterThanOrEqual(250);
    expect(even.data[10 * width + 295]).toBeGreaterThanOrEqual(235);
    expect(even.data[30 * width + 280]).toBeLessThanOrEqual(110);
  });
});
