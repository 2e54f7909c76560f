import type { OcrPage } from "@chalan/core";
import { PDFDocument, type PDFPage, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { renderInvoiceImage } from "../../test/render-invoice";
import type { OcrEngine } from "../ocr/ocr-engine";
import { TesseractEngine } from "../ocr/tesseract-engine";
import { readPdf } from "./pdf-read";
import { onePagePdf, unicodeFont } from "./pdf-test-files";

const A4: [number, number] = [595, 842];

/** Stands in for OCR: notes the size of each image it is given and finds no text. */
class SizingEngine implements OcrEngine {
  readonly seen: { width: number; height: number }[] = [];
  async recognize(image: Buffer): Promise<OcrPage> {
    const { width, height } = await sharp(image).metadata();
    this.seen.push({ width, height });
    return { width, height, lines: [] };
  }
  async close(): Promise<void> {}
}

async function pdfOf(...pages: ((page: PDFPage, doc: PDFDocument) => Promise<void>)[]) {
  const doc = await PDFDocument.create();
  for (const draw of pages) await draw(doc.addPage(A4), doc);
  return Buffer.from(await doc.save());
}

/** A printed invoice as billing software exports it: real text. */
const printed =
  (total = "1,150.00") =>
  async (page: PDFPage, doc: PDFDocument) => {
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.drawText("Meghna Traders", { x: 50, y: 780, size: 18, font });
    page.drawText("Invoice No: MT-1042", { x: 50, y: 740, size: 11, font });
    page.drawText("Date: 18/03/2026", { x: 400, y: 740, size: 11, font });
    page.drawText(`Total: Tk ${total}`, { x: 400, y: 580, size: 11, font });
  };

/** A scanner's PDF: one page-sized image, no text. */
const scanned = (png: Buffer) => async (page: PDFPage, doc: PDFDocument) => {
  page.drawImage(await doc.embedPng(png), { x: 0, y: 0, width: A4[0], height: A4[1] });
};

const texts = (page: OcrPage | undefined) => page?.lines.map((l) => l.text) ?? [];
const blankPng = () =>
  sharp({ create: { width: 1240, height: 1754, channels: 3, background: "white" } })
    .png()
    .toBuffer();

describe("readPdf", () => {
  const tesseract = new TesseractEngine();
  afterAll(() => tesseract.close());

  it("reads a page with a text layer directly, in the pixels of a 200 dpi drawing", async () => {
    const engine = new SizingEngine();
    const started = performance.now();
    const { pageCount, pages } = await readPdf(await pdfOf(printed()), engine);
    const ms = performance.now() - started;
    expect(pageCount).toBe(1);
    expect(pages[0]?.source).toBe("text-layer");
    expect(engine.seen).toEqual([]);
    const page = pages[0]?.page;
    expect(page).toMatchObject({ width: 1653, height: 2339 });
    expect(texts(page)).toEqual([
      "Meghna Traders",
      "Invoice No: MT-1042",
      "Date: 18/03/2026",
      "Total: Tk 1,150.00",
    ]);
    // Drawn at x = 400 pt, baseline 580 pt: 1111 px from the left, just above 2339 − 1611 px.
    const total = page?.lines[3];
    expect(total?.box.x0).toBe(1111);
    expect(total?.box.y1).toBeGreaterThan(728);
    expect(total?.box.y0).toBeLessThan(728 - 25);
    expect(total?.words.every((w) => w.confidence === 1)).toBe(true);
    expect(ms).toBeLessThan(2000);
  });

  it("draws a scanned page and OCRs it", async () => {
    const invoice = await renderInvoiceImage({ supplierName: "Karnaphuli Steel" });
    const pdf = await pdfOf(scanned(invoice.bytes));
    await readPdf(pdf, tesseract); // starts the OCR worker, so the timing below is a page's
    const started = performance.now();
    const { pages } = await readPdf(pdf, tesseract);
    const ms = performance.now() - started;
    expect(pages[0]?.source).toBe("ocr");
    expect(pages[0]?.page).toMatchObject({ width: 1653, height: 2339 });
    const lines = texts(pages[0]?.page);
    expect(lines).toContain("Karnaphuli Steel");
    expect(lines.some((l) => /Total: Tk 115\.00/.test(l))).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });

  it("reads each page its own way", async () => {
    const engine = new SizingEngine();
    const { pages } = await readPdf(await pdfOf(printed(), scanned(await blankPng())), engine);
    expect(pages.map((p) => p.source)).toEqual(["text-layer", "ocr"]);
    expect(engine.seen).toEqual([{ width: 1653, height: 2339 }]);
  });

  it("reads the first 10 pages of a 200-page PDF and says how many there are", async () => {
    const engine = new SizingEngine();
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const image = await doc.embedPng(await blankPng());
    for (let i = 1; i <= 200; i++) {
      const page = doc.addPage(A4);
      // Even pages are scans (one image shared by all), odd ones printed text.
      if (i % 2 === 0) page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
      else
        page.drawText(`Statement page ${i} of 200, Total: Tk ${i},000.00`, { x: 50, y: 700, font });
    }
    const pdf = Buffer.from(await doc.save());
    const started = performance.now();
    const reading = await readPdf(pdf, engine);
    const ms = performance.now() - started;
    expect(reading.pageCount).toBe(200);
    expect(reading.pages).toHaveLength(10);
    expect(engine.seen).toHaveLength(5);
    expect(texts(reading.pages[8]?.page)).toEqual(["Statement page 9 of 200, Total: Tk 9,000.00"]);
    expect(ms).toBeLessThan(10_000);
  });

  it("refuses a PDF that needs a password, and reads one locked only against editing", async () => {
    const content = "BT /F1 12 Tf 50 700 Td (Total: Tk 1,150.00 paid in cash) Tj ET";
    const engine = new SizingEngine();
    const locked = onePagePdf(content, {
      encryption: { userPassword: "1234", ownerPassword: "x" },
    });
    await expect(readPdf(locked, engine, { label: "bill.pdf" })).rejects.toMatchObject({
      code: "encrypted_pdf",
      message: expect.stringMatching(/^bill.pdf is password-protected/),
    });
    const restricted = onePagePdf(content, {
      encryption: { userPassword: "", ownerPassword: "x" },
    });
    const { pages } = await readPdf(restricted, engine);
    expect(texts(pages[0]?.page)).toEqual(["Total: Tk 1,150.00 paid in cash"]);
  });

  it("refuses a damaged PDF", async () => {
    const pdf = await pdfOf(printed());
    await expect(
      readPdf(pdf.subarray(0, pdf.length >> 1), new SizingEngine()),
    ).rejects.toMatchObject({ code: "corrupt_pdf" });
  });

  it("reads a Bengali text layer, glyphs in drawing order put back in Unicode order", async () => {
    // As a word processor writes মোট: ৳ ১,১৫০.০০ — the vowel sign ে is drawn (and mapped) first.
    const drawn = "েমাট: ৳ ১,১৫০.০০";
    const font = unicodeFont(drawn);
    const pdf = onePagePdf(`BT /F2 14 Tf 50 700 Td ${font.show(drawn)} ET`, {
      fonts: [font.objects],
    });
    const { pages } = await readPdf(pdf, new SizingEngine());
    expect(pages[0]?.source).toBe("text-layer");
    expect(texts(pages[0]?.page)).toEqual(["মোট: ৳ ১,১৫০.০০"]);
  });

  describe("OCRs a page whose text layer is not its real text", () => {
    const cases: [string, () => Promise<Buffer>][] = [
      [
        "text in a Bijoy font (Bengali glyphs on Latin letters)",
        async () => {
          const bijoy = ["<< /Type /Font /Subtype /Type1 /BaseFont /SutonnyMJ >>"];
          return onePagePdf("BT /F2 14 Tf 50 700 Td (\x87gvU: 1,150.00 UvKv) Tj ET", {
            fonts: [bijoy],
          });
        },
      ],
      [
        "a scanner's invisible OCR layer",
        async () => onePagePdf("BT 3 Tr /F1 12 Tf 50 700 Td (Total: Tk 1,150.00 in cash) Tj ET"),
      ],
      [
        "a scan with a few words printed on it",
        () =>
          pdfOf(async (page, doc) => {
            await scanned(await blankPng())(page, doc);
            page.drawText("Scanned with CamScanner", { x: 400, y: 20, size: 8 });
          }),
      ],
      [
        "text that mostly has no Unicode mapping",
        async () => {
          const noMap = [
            "<< /Type /Font /Subtype /Type0 /BaseFont /Vrinda /Encoding /Identity-H /DescendantFonts [{1} 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Vrinda /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {2} 0 R >>",
            "<< /Type /FontDescriptor /FontName /Vrinda /Flags 32 /FontBBox [0 -250 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 >>",
          ];
          // A Latin heading that maps, and a Bengali body that does not.
          const glyphs = `<${"0105".repeat(40)}>`;
          return onePagePdf(
            `BT /F1 12 Tf 50 750 Td (Cash memo no. 42) Tj ET BT /F2 14 Tf 50 700 Td ${glyphs} Tj ET`,
            { fonts: [noMap] },
          );
        },
      ],
    ];
    for (const [name, make] of cases) {
      it(name, async () => {
        const { pages } = await readPdf(await make(), new SizingEngine());
        expect(pages[0]?.source).toBe("ocr");
      });
    }

    it("but reads printed text over a letterhead image", async () => {
      const pdf = await pdfOf(async (page, doc) => {
        await scanned(await blankPng())(page, doc);
        await printed()(page, doc);
        const font = await doc.embedFont(StandardFonts.Helvetica);
        page.drawText("Terms: payment within 30 days of the invoice date, by bank transfer.", {
          x: 50,
          y: 100,
          size: 9,
          font,
        });
      });
      const { pages } = await readPdf(pdf, new SizingEngine());
      expect(pages[0]?.source).toBe("text-layer");
    });
  });
});
