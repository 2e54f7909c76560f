import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfPageCount } from "./pdf";
import { onePagePdf } from "./pdf-test-files";

async function invoicePdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([595, 842]).drawText(`Invoice No: INV-7, page ${i}`, { x: 50, y: 780, font });
  }
  // A classic trailer (no object streams) so the tests below can edit it as text.
  return Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false }));
}

describe("pdfPageCount", () => {
  it("counts the pages of a PDF", async () => {
    expect(await pdfPageCount(await invoicePdf(3))).toBe(3);
  });

  it("refuses a PDF with no pages", async () => {
    await expect(pdfPageCount(await invoicePdf(0))).rejects.toMatchObject({
      code: "empty_pdf",
      message: "the PDF has no pages.",
    });
  });

  it("refuses a password-protected PDF, saying how to fix it", async () => {
    const text = (await invoicePdf(2)).toString("latin1");
    const encrypt = "/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>";
    const locked = Buffer.from(text.replace(/trailer\s*<</, `trailer\n<<\n${encrypt}`), "latin1");
    // Whole, and with an object garbled the way encrypted object streams look to pdf-lib.
    const unparsable = Buffer.from(
      locked.toString("latin1").replace("/Type /Catalog", "\x93\xff\x11(\xc7"),
      "latin1",
    );
    for (const pdf of [locked, unparsable]) {
      await expect(pdfPageCount(pdf, "bill.pdf")).rejects.toMatchObject({
        code: "encrypted_pdf",
        message: expect.stringMatching(/^bill.pdf is password-protected.*without a password/),
      });
    }
  });

  it("refuses a PDF that needs a password to open, and opens one locked only against editing", async () => {
    const content = "BT /F1 12 Tf 50 700 Td (Total: Tk 1,150.00) Tj ET";
    const locked = onePagePdf(content, {
      encryption: { userPassword: "1234", ownerPassword: "x" },
    });
    await expect(pdfPageCount(locked, "bill.pdf")).rejects.toMatchObject({ code: "encrypted_pdf" });
    // An owner password alone (no printing, no copying) still opens in every viewer.
    const restricted = onePagePdf(content, {
      encryption: { userPassword: "", ownerPassword: "x" },
    });
    expect(await pdfPageCount(restricted)).toBe(1);
  });

  it("refuses a truncated upload and bytes that only start like a PDF", async () => {
    const pdf = await invoicePdf(2);
    for (const damaged of [pdf.subarray(0, pdf.length >> 1), Buffer.from("%PDF-1.7\nhello\n")]) {
      await expect(pdfPageCount(damaged)).rejects.toMatchObject({
        code: "corrupt_pdf",
        message: expect.stringMatching(/damaged or incomplete/),
      });
    }
  });
});
