import { describe, expect, it } from "vitest";
import { photograph } from "../../test/photograph";
import { renderInvoiceImage } from "../../test/render-invoice";
import { grayPixels, measureTilt } from "./orientation";
import {
  findPageOutline,
  flattenPerspective,
  homography,
  type Point,
  type Quad,
} from "./page-outline";

describe("findPageOutline", () => {
  it("finds the corners of a page photographed on a desk, turned either way", async () => {
    for (const degrees of [0, 4, -6]) {
      const { photo, corners } = await photograph((await renderInvoiceImage()).bytes, { degrees });
      const outline = findPageOutline(await grayPixels(photo));
      expect(outline).toBeDefined();
      outline?.forEach(([x, y], k) => {
        const [tx, ty] = corners[k] as Point;
        expect(Math.hypot(x - tx, y - ty)).toBeLessThan(12);
      });
    }
  });

  it("cuts nothing from a scan, a blank sheet or a dark frame", async () => {
    const scan = await grayPixels((await renderInvoiceImage()).bytes);
    expect(findPageOutline(scan)).toBeUndefined();
    const plain = (v: number) => ({
      data: new Uint8Array(400 * 600).fill(v),
      width: 400,
      height: 600,
    });
    expect(findPageOutline(plain(255))).toBeUndefined();
    expect(findPageOutline(plain(20))).toBeUndefined();
  });
});

describe("flattenPerspective", () => {
  it("turns the photographed page back level, at the photo's full height", async () => {
    const { photo } = await photograph((await renderInvoiceImage()).bytes, { degrees: 5 });
    const pixels = await grayPixels(photo);
    const outline = findPageOutline(pixels);
    if (!outline) throw new Error("no outline found");
    const flat = flattenPerspective(pixels, outline);
    expect(flat.height).toBe(1754);
    expect(Math.abs(flat.width / flat.height - 1000 / 1414)).toBeLessThan(0.02);
    expect(Math.abs(await measureTilt(flat))).toBeLessThanOrEqual(0.3);
    // No desk left along the edges: the page's margin is paper all round.
    const row = (y: number) => flat.data.subarray(y * flat.width, (y + 1) * flat.width);
    const mean = (a: Uint8Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(row(4))).toBeGreaterThan(200);
    expect(mean(row(flat.height - 5))).toBeGreaterThan(200);
  });
});

describe("homography", () => {
  it("maps each corner of a rectangle onto the matching corner of a quad", () => {
    const from: Quad = [
      [0, 0],
      [100, 0],
      [100, 150],
      [0, 150],
    ];
    const to: Quad = [
      [12, 30],
      [95, 18],
      [110, 170],
      [3, 160],
    ];
    const [h11, h12, h13, h21, h22, h23, h31, h32] = homography(from, to);
    from.forEach(([x, y], k) => {
      const w = h31 * x + h32 * y + 1;
      const u = (h11 * x + h12 * y + h13) / w;
      const v = (h21 * x + h22 * y + h23) / w;
      expect(u).toBeCloseTo((to[k] as Point)[0], 6);
      expect(v).toBeCloseTo((to[k] as Point)[1], 6);
    });
  });
});
