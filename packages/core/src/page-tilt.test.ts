import { describe, expect, it } from "vitest";
import { inkAgainstPaper, levellingAngle, tiltOfInk } from "./page-tilt";

/** A white page with dark "text lines" drawn tilted `degrees` clockwise. */
function linedPage(degrees: number, width = 600, height = 800) {
  const gray = new Uint8Array(width * height).fill(235);
  const tan = Math.tan((degrees * Math.PI) / 180);
  for (let line = 60; line < height - 60; line += 28) {
    for (let x = 40; x < width - 40; x++) {
      if (x % 9 === 0) continue; // gaps between letters
      const y0 = Math.round(line + x * tan);
      for (let y = y0; y < y0 + 6; y++) if (y >= 0 && y < height) gray[y * width + x] = 30;
    }
  }
  return { gray, paper: new Uint8Array(width * height).fill(235), width, height };
}

describe("page tilt", () => {
  it("finds the angle of the text lines within a tenth of a degree", () => {
    for (const degrees of [0, 1.5, -2.5, 4]) {
      const p = linedPage(degrees);
      const tilt = tiltOfInk(inkAgainstPaper(p.gray, p.paper, p.width, p.height));
      expect(Math.abs(tilt - degrees), `${degrees}°`).toBeLessThanOrEqual(0.1);
    }
  });

  it("trusts no angle on a page without text lines", () => {
    const blank = new Uint8Array(600 * 800).fill(235);
    expect(tiltOfInk(inkAgainstPaper(blank, blank, 600, 800))).toBe(0);
    // Noise: ink everywhere, no lines.
    const noise = blank.map((_, i) => ((i * 7919) % 13 === 0 ? 20 : 235));
    expect(tiltOfInk(inkAgainstPaper(noise, blank, 600, 800))).toBe(0);
  });

  it("takes as ink only what is clearly darker than the paper around it", () => {
    const ink = inkAgainstPaper([100, 200, 140, 90], [200, 210, 150, 100], 2, 2);
    expect([...ink.xs]).toEqual([0]);
    expect([...ink.ys]).toEqual([0]);
  });

  it("levels a page tilted 2° or more and leaves a smaller tilt to the OCR", () => {
    expect(levellingAngle(1.9)).toBe(0);
    expect(levellingAngle(-1.5)).toBe(0);
    expect(levellingAngle(2)).toBe(2);
    expect(levellingAngle(-4.3)).toBe(-4.3);
  });
});
