import type { Box } from "@chalan/core";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { renderInvoiceImage } from "../../test/render-invoice";
import { TesseractEngine } from "./tesseract-engine";

const inside = (inner: Box, outer: Box) =>
  inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;

describe("TesseractEngine", () => {
  const engine = new TesseractEngine({ poolSize: 2 });
  afterAll(() => engine.close());

  it("reads crops of a page as single lines, in the page's pixels, then whole pages again", async () => {
    const invoice = await renderInvoiceImage();
    const page = await engine.recognize(invoice.bytes);
    const total = page.lines.find((l) => l.text === "Total: Tk 115.00");
    if (!total) throw new Error("the total line was not read");
    // With a margin, as the crops of missed text have.
    const margin = Math.round(0.4 * (total.box.y1 - total.box.y0));
    const around = {
      x0: total.box.x0 - margin,
      y0: total.box.y0 - margin,
      x1: total.box.x1 + margin,
      y1: total.box.y1 + margin,
    };
    const png = await sharp(invoice.bytes)
      .extract({
        left: around.x0,
        top: around.y0,
        width: around.x1 - around.x0,
        height: around.y1 - around.y0,
      })
      .png()
      .toBuffer();
    const [[line, ...rest] = []] = await engine.recognizeLines([
      { png, at: { x: around.x0, y: around.y0 } },
    ]);
    expect(rest).toEqual([]);
    expect(line?.text).toBe("Total: Tk 115.00");
    expect(line && inside(line.box, around)).toBe(true);
    expect((await engine.recognize(invoice.bytes)).lines.map((l) => l.text)).toEqual(
      page.lines.map((l) => l.text),
    );
  });

  it("reads a printed invoice into lines of words with boxes and [0,1] confidences", async () => {
    const invoice = await renderInvoiceImage({
      supplierName: "Meghna Paper House",
      invoiceNumber: "MPH-2291",
      issueDate: "2026-02-09",
      lines: [{ description: "A4 paper 80 gsm, ream", qty: 40, unitPrice: 25_000 }],
      vatRate: 0.15,
    });
    const page = await engine.recognize(invoice.bytes);

    expect([page.width, page.height]).toEqual([1240, 1754]);
    const texts = page.lines.map((l) => l.text);
    expect(texts).toContain("Meghna Paper House");
    expect(texts).toContain("Total: Tk 11,500.00");
    const pageBox = { x0: 0, y0: 0, x1: page.width, y1: page.height };
    for (const line of page.lines) {
      expect(line.words.map((w) => w.text).join(" ")).toBe(line.text);
      expect(line.confidence).toBeGreaterThanOrEqual(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
      expect(inside(line.box, pageBox)).toBe(true);
      for (const word of line.words) {
        expect(word.confidence).toBeGreaterThanOrEqual(0);
        expect(word.confidence).toBeLessThanOrEqual(1);
        expect(inside(word.box, line.box)).toBe(true);
      }
    }
  });

  it("shares its workers among more pages than it has, and starts again after close", async () => {
    const { bytes } = await renderInvoiceImage({
      lines: [{ description: "Goods", qty: 1, unitPrice: 10_000 }],
      vatRate: 0.15,
    });
    // Only the totals block, so the three pages are quick to read.
    const totals = await sharp(bytes)
      .extract({ left: 600, top: 500, width: 640, height: 300 })
      .png()
      .toBuffer();
    const pages = await Promise.all([1, 2, 3].map(() => engine.recognize(totals)));
    for (const page of pages) expect(page.lines.map((l) => l.text)).toContain("Total: Tk 115.00");

    await engine.close();
    const again = await engine.recognize(totals);
    expect(again.lines.map((l) => l.text)).toContain("Total: Tk 115.00");
  });

  it("finds no lines on a blank page and rejects bytes that are not an image", async () => {
    await expect(engine.recognize(Buffer.from("not an image"))).rejects.toThrow();
    const blank = await sharp({
      create: { width: 200, height: 100, channels: 3, background: "white" },
    })
      .png()
      .toBuffer();
    expect((await engine.recognize(blank)).lines).toEqual([]);
  });
});
