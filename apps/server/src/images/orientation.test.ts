import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderInvoiceImage } from "../../test/render-invoice";
import { cropPixels, encodePng, grayPixels, measureTilt, rotatePixels } from "./orientation";

const tilt = (bytes: Buffer, degrees: number) =>
  sharp(bytes).rotate(degrees, { background: "#ffffff" }).png().toBuffer();

describe("measureTilt", () => {
  it("finds how far a page is tilted either way, down to a degree", async () => {
    const { bytes } = await renderInvoiceImage();
    expect(Math.abs(await measureTilt(await grayPixels(bytes)))).toBeLessThanOrEqual(0.2);
    for (const degrees of [1, 3, -2.5, 5]) {
      const found = await measureTilt(await grayPixels(await tilt(bytes, degrees)));
      expect(Math.abs(found - degrees)).toBeLessThanOrEqual(0.2);
    }
  });

  it("trusts no angle on a page without text lines: blank, or turned sideways", async () => {
    const blank = await sharp({
      create: { width: 1240, height: 1754, channels: 3, background: "white" },
    })
      .png()
      .toBuffer();
    expect(await measureTilt(await grayPixels(blank))).toBe(0);
    const { bytes } = await renderInvoiceImage();
    expect(await measureTilt(await grayPixels(await tilt(bytes, 90)))).toBe(0);
  });
});

describe("rotatePixels", () => {
  it("turns a page a quarter by swapping its sides, and fills the corners of a tilt white", async () => {
    const page = await grayPixels((await renderInvoiceImage()).bytes);
    const turned = await rotatePixels(page, 90);
    expect([turned.width, turned.height, turned.data.length]).toEqual([1754, 1240, 1754 * 1240]);

    const tilted = await rotatePixels(page, -3);
    expect(tilted.width).toBeGreaterThan(page.width);
    expect(tilted.data[0]).toBe(255);
    expect(tilted.data[tilted.data.length - 1]).toBe(255);

    const png = await sharp(await encodePng(tilted)).metadata();
    expect([png.format, png.channels, png.width, png.height]).toEqual([
      "png",
      1,
      tilted.width,
      tilted.height,
    ]);
  });
});

describe("cropPixels", () => {
  it("copies the pixels inside a box, row by row", () => {
    const page = { data: Uint8Array.from({ length: 6 * 4 }, (_, i) => i), width: 6, height: 4 };
    const crop = cropPixels(page, { x0: 2, y0: 1, x1: 5, y1: 3 });
    expect([crop.width, crop.height]).toEqual([3, 2]);
    expect([...crop.data]).toEqual([8, 9, 10, 14, 15, 16]);
  });
});
