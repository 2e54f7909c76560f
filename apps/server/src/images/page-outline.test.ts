import { describe, expect, it } from "vitest";
import { photograph } from "../../test/photograph";
import { renderInvoiceImage } from "../../test/render-invoice";
import { type GrayPixels, grayPixels, measureTilt } from "./orientation";
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

  it("follows the page's rim where a shadow leaves the paper darker than the desk elsewhere", () => {
    // As in a generated photo that was cut in half: towards the bottom right the desk fades from
    // 168 to 128 and the paper from 228 to 170, so no single grey level parts them.
    const corners: Quad = [
      [70, 50],
      [540, 80],
      [520, 760],
      [50, 720],
    ];
    const outline = findPageOutline(shadedDesk(corners));
    expect(outline).toBeDefined();
    outline?.forEach(([x, y], k) => {
      const [tx, ty] = corners[k] as Point;
      expect(Math.hypot(x - tx, y - ty)).toBeLessThan(6);
    });
  });

  it("cuts out a page whose corner the photo clipped, not one it cut along a side", () => {
    const clipped = findPageOutline(
      shadedDesk([
        [70, 50],
        [606, 40],
        [520, 760],
        [50, 720],
      ]),
    );
    expect(clipped).toBeDefined();
    expect(clipped?.[0]?.[0]).toBeCloseTo(70, -1);
    expect(clipped?.[2]?.[1]).toBeCloseTo(760, -1);
    const cutAlongSide = shadedDesk([
      [70, 50],
      [700, 50],
      [700, 760],
      [50, 720],
    ]);
    expect(findPageOutline(cutAlongSide)).toBeUndefined();
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
    // A table's ruled box closes off paper just as a page's rim would, but no darker desk is around it.
    const boxed = plain(240);
    for (let y = 100; y < 500; y++) {
      for (let x = 50; x < 350; x++) {
        if (y < 103 || y > 496 || x < 53 || x > 346) boxed.data[y * 400 + x] = 30;
      }
    }
    expect(findPageOutline(boxed)).toBeUndefined();
    expect(findPageOutline(plain(20))).toBeUndefined();
  });
});

/** A 600 × 800 photo of a page (with rows of ink) at `corners`, lit from the top left. */
function shadedDesk(corners: Quad): GrayPixels {
  const width = 600;
  const height = 800;
  const inside = (x: number, y: number) =>
    corners.every(([ax, ay], k) => {
      const [bx, by] = corners[(k + 1) % 4] as Point;
      return (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0;
    });
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = (x / width + y / height) / 2;
      const ink = y % 40 < 6 && x % 90 < 60;
      data[y * width + x] = !inside(x, y) ? 168 - 45 * shade : ink ? 60 : 228 - 75 * shade ** 2;
    }
  }
  return { data, width, height };
}

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
