import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { ImageError } from "../src/images/decode";
import { readInvoice } from "../src/ocr/read-invoice";
import { TesseractEngine } from "../src/ocr/tesseract-engine";
import { renderInvoiceImage } from "./render-invoice";

/** Images that are not invoices, or are hostile: each gets a clear outcome, none crashes the reader. */
describe("reading bad images", () => {
  const engine = new TesseractEngine();
  afterAll(() => engine.close());

  const outcome = async (bytes: Buffer) => {
    try {
      const r = await readInvoice(bytes, engine, "the photo");
      return { fields: Object.keys(r.fields), lines: r.page.lines.length };
    } catch (e) {
      if (e instanceof ImageError) return { error: e.code, message: e.message };
      throw e;
    }
  };

  it("a blank page yields no fields", async () => {
    const blank = await sharp({
      create: { width: 1240, height: 1754, channels: 3, background: "white" },
    })
      .jpeg()
      .toBuffer();
    expect(await outcome(blank)).toEqual({ fields: [], lines: 0 });
  });

  it("a photo with no text (smooth gradient and shapes, like a pet photo) yields no money or date", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
      <defs><radialGradient id="g"><stop offset="0" stop-color="#c96"/><stop offset="1" stop-color="#321"/></radialGradient></defs>
      <rect width="1200" height="900" fill="url(#g)"/><ellipse cx="600" cy="500" rx="300" ry="220" fill="#8a6d4b"/>
      <circle cx="480" cy="330" r="90" fill="#7a5d3b"/><circle cx="720" cy="330" r="90" fill="#7a5d3b"/></svg>`;
    const photo = await sharp(Buffer.from(svg)).jpeg().toBuffer();
    const r = await outcome(photo);
    expect(r).not.toHaveProperty("error");
    expect(r.fields).not.toContain("total");
    expect(r.fields).not.toContain("issueDate");
  });

  it("a 1×1 pixel image is read as nothing, not an error", async () => {
    const dot = await sharp({ create: { width: 1, height: 1, channels: 3, background: "white" } })
      .png()
      .toBuffer();
    expect(await outcome(dot)).toEqual({ fields: [], lines: 0 });
  });

  it("a pixel flood (20000×20000 declared) is refused as too large before decoding", async () => {
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "white" } })
      .png()
      .toBuffer();
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    const { crc32 } = await import("node:zlib");
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    const before = process.memoryUsage().rss;
    const r = await outcome(png);
    expect(r).toMatchObject({
      error: "too_large",
      message: expect.stringMatching(/million pixels/),
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("CMYK JPEGs and 16-bit PNGs are read like any other scan", async () => {
    const invoice = await renderInvoiceImage({ supplierName: "Colour Press Ltd" });
    const cmyk = await sharp(invoice.bytes).toColourspace("cmyk").jpeg({ quality: 92 }).toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    const deep = await sharp(invoice.bytes).toColourspace("rgb16").png().toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe("ushort");
    for (const bytes of [cmyk, deep]) {
      const r = await readInvoice(bytes, engine, "scan");
      expect(r.fields.total?.value).toBe(invoice.total);
    }
  });
});
