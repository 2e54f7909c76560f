import type { OcrPage } from "@chalan/core";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { faintCopy } from "../../test/faint-copy";
import { photograph } from "../../test/photograph";
import { renderInvoiceImage } from "../../test/render-invoice";
import { MultiScriptEngine } from "./multi-script-engine";
import { readInvoice } from "./read-invoice";
import { renderTestPage } from "./test-pages";

const texts = (page: OcrPage) => page.lines.map((l) => l.text);
const turn = (png: Buffer, degrees: number) =>
  sharp(png).rotate(degrees, { background: "#ffffff" }).png().toBuffer();

describe("MultiScriptEngine", () => {
  const engine = new MultiScriptEngine();
  afterAll(() => engine.close());

  it("reads a Bengali invoice, Bengali digits included", async () => {
    const page = await engine.recognize((await renderTestPage("bengali")).png);
    expect(texts(page)).toEqual(
      expect.arrayContaining([
        "মেসার্স করিম ট্রেডার্স",
        "তারিখ: ১৮/০৩/২০২৬",
        "মসুর ডাল ১৫ ১,৮৫০.০০ ২৭,৭৫০.০০",
        "সর্বমোট: ১,২৯,০৮৭.৫০",
      ]),
    );
  });

  it("reads Bengali labels beside English words and figures", async () => {
    const page = await engine.recognize((await renderTestPage("mixed")).png);
    expect(texts(page)).toEqual(
      expect.arrayContaining([
        "Padma Electronics",
        "চালান নং: PE-7781",
        "Extension cord 10 390.00 3,900.00",
        "সর্বমোট: Tk 28,702.50",
        "কথায়: আটাশ হাজার সাতশত দুই টাকা পঞ্চাশ পয়সা মাত্র",
      ]),
    );
  });

  it("reads an English page with English alone, no Bengali made up", async () => {
    const page = await engine.recognize((await renderTestPage("english")).png);
    expect(texts(page)).toContain("Total: Tk 47,196.00");
    expect(texts(page).join("\n")).not.toMatch(/[\u0980-\u09FF]/);
  });

  it("reads a shop's Bengali name above an English invoice in Bengali", async () => {
    const page = await engine.recognize((await renderTestPage("bengaliName")).png);
    expect(texts(page)).toContain("মেঘনা ফার্মেসী");
    expect(texts(page)).toContain("Total: Tk 47,196.00");
  });

  it("reads figures in Bengali digits on a page of English words", async () => {
    const { fields, page } = await readInvoice((await renderTestPage("bengaliDigits")).png, engine);
    expect(texts(page).join("\n")).toContain("১,৬২৭.২৫");
    expect(fields.total?.value).toBe(162_725);
    expect(fields.subtotal?.value).toBe(141_500);
    expect(fields.issueDate?.value).toBe("2026-05-01");
  });

  it("turns a page photographed sideways or upside down upright", async () => {
    const { bytes } = await renderInvoiceImage();
    for (const degrees of [90, 180, 270]) {
      const page = await engine.recognize(await turn(bytes, degrees));
      expect(texts(page)).toContain("Total: Tk 115.00");
      expect([page.width, page.height]).toEqual([1240, 1754]);
    }
  });

  it("levels a page tilted 3°, so each printed line gets a box one line high", async () => {
    const { bytes } = await renderInvoiceImage();
    const page = await engine.recognize(await turn(bytes, 3));
    // Level, these lines' boxes are 16–20 px high; read tilted, 25–32 px.
    for (const text of [
      "Subtotal: Tk 100.00",
      "Total: Tk 115.00",
      "Thank you for your business.",
    ]) {
      const line = page.lines.find((l) => l.text === text);
      expect(line && line.box.y1 - line.box.y0).toBeLessThanOrEqual(21);
    }
  });

  it("turns a Bengali page upside down by its headlines", async () => {
    const page = await engine.recognize(await turn((await renderTestPage("bengali")).png, 180));
    expect(texts(page)).toContain("সর্বমোট: ১,২৯,০৮৭.৫০");
  });

  it("gives readInvoice the fields of a Bengali invoice", async () => {
    const { fields } = await readInvoice((await renderTestPage("bengali")).png, engine);
    expect(fields.total?.value).toBe(12_908_750);
    expect(fields.issueDate?.value).toBe("2026-03-18");
  });

  it("reads a page photographed turned on a desk, under a hand's shadow", async () => {
    const rendered = await renderInvoiceImage();
    const { photo } = await photograph(rendered.bytes, {
      degrees: -4,
      shadow: 0.6,
      contrast: 0.6,
    });
    const { fields } = await readInvoice(photo, engine);
    expect(fields.total?.value).toBe(rendered.total);
    expect(fields.subtotal?.value).toBe(rendered.subtotal);
  });

  it("reads a faint, grainy copy that Tesseract's layout analysis gives up on, line by line", async () => {
    // Read as a whole page, this copy gave three specks of text and no fields at all; line by
    // line, the shop's name and the total's row (a digit or two may still be misread).
    const png = (await renderTestPage("bengali")).png;
    const { fields, page } = await readInvoice(await faintCopy(png), engine);
    expect(fields.supplierName?.value).toBe("মেসার্স করিম ট্রেডার্স");
    expect(texts(page).some((t) => t.startsWith("সর্বমোট"))).toBe(true);
    expect(fields.total?.value).toBeGreaterThan(12_000_000);
  });
});
