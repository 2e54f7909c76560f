import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { TesseractEngine } from "../src/ocr/tesseract-engine";
import { renderInvoiceImage } from "./render-invoice";

describe("renderInvoiceImage", () => {
  const engine = new TesseractEngine();
  afterAll(() => engine.close());

  it("computes subtotal, VAT and total in poisha, rounding VAT to the poisha", async () => {
    const invoice = await renderInvoiceImage({
      lines: [
        { description: "Cement 50 kg", qty: 3, unitPrice: 55_050 },
        { description: "Rod 10 mm", qty: 1, unitPrice: 9_999 },
      ],
      vatRate: 0.075,
    });
    expect(invoice.subtotal).toBe(175_149);
    expect(invoice.vat).toBe(13_136); // 13,136.175 poisha
    expect(invoice.total).toBe(188_285);
  });

  it("draws an A4 page at 150 dpi as PNG or JPEG", async () => {
    const png = await sharp((await renderInvoiceImage()).bytes).metadata();
    const jpeg = await sharp((await renderInvoiceImage({ format: "jpeg" })).bytes).metadata();
    expect([png.format, png.width, png.height]).toEqual(["png", 1240, 1754]);
    expect([jpeg.format, jpeg.width, jpeg.height]).toEqual(["jpeg", 1240, 1754]);
  });

  it("prints what OCR reads back: supplier, number, DD/MM/YYYY date and a lakh-grouped total", async () => {
    const invoice = await renderInvoiceImage({
      supplierName: "Karim & Sons",
      invoiceNumber: "KS/0042",
      issueDate: "2026-01-31",
      lines: [
        { description: "Rice 50 kg", qty: 20, unitPrice: 400_000 },
        { description: "Lentils 25 kg", qty: 8, unitPrice: 250_000 },
      ],
      vatRate: 0.15,
    });
    expect(invoice.total).toBe(11_500_000);
    const text = (await engine.recognize(invoice.bytes)).lines.map((l) => l.text);
    expect(text).toEqual(
      expect.arrayContaining([
        "Karim & Sons",
        "INVOICE",
        "Invoice No: KS/0042",
        "Date: 31/01/2026",
        "Subtotal: Tk 1,00,000.00",
        "VAT 15%: Tk 15,000.00",
        "Total: Tk 1,15,000.00",
      ]),
    );
  });
});
