import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { captureOutput } from "../../test/capture-output";
import { type RenderedInvoice, renderInvoiceImage } from "../../test/render-invoice";
import { runExtract } from "./extract";

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const out = captureOutput();
  const code = await runExtract(args, out.stream);
  return { code, lines: out.text().trim().split("\n") };
}

describe("chalan extract", () => {
  let dir: string;
  let good: string;
  let bad: string;
  let invoice: RenderedInvoice;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "extract-"));
    invoice = await renderInvoiceImage({
      supplierName: "Bismillah Enterprise",
      invoiceNumber: "BE-1029",
      issueDate: "2026-03-18",
      lines: [
        { description: "Tea leaves 1 kg", qty: 12, unitPrice: 52_000 },
        { description: "Sugar 50 kg", qty: 2, unitPrice: 610_000 },
      ],
      vatRate: 0.15,
      format: "jpeg",
    });
    good = path.join(dir, "bill.jpg");
    bad = path.join(dir, "notes.jpg");
    await writeFile(good, invoice.bytes);
    await writeFile(bad, "not an image at all");
  });

  it("prints one JSON line per file, in order, with money in poisha and ISO dates", async () => {
    const { code, lines } = await run([good, bad, good, "--json", "--jobs", "2"]);
    expect(code).toBe(1);
    const rows = lines.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.file)).toEqual([good, bad, good]);
    expect(rows[0].fields.total.value).toBe(invoice.total);
    expect(rows[0].fields.total.confidence).toBeGreaterThan(0);
    expect(rows[0].fields.issueDate.value).toBe("2026-03-18");
    expect(rows[0].timings.totalMs).toBeGreaterThan(0);
    expect(rows[1]).toEqual({ file: bad, error: "not a JPEG, PNG, WebP or PDF file" });
    expect(rows[2].fields.total.value).toBe(invoice.total);
  });

  it("prints a short table for people, and an error line for a missing file", async () => {
    const missing = path.join(dir, "missing.jpg");
    const { code, lines } = await run([good, missing]);
    expect(code).toBe(1);
    expect(lines[0]).toBe(good);
    expect(lines).toContain("  supplier  Bismillah Enterprise");
    const total = lines.find((l) => l.startsWith("  total"));
    expect(total).toMatch(/^ {2}total {5}৳21,206\.00 {2}\(confidence [01]\.\d\d\)$/);
    expect(lines.at(-1)).toBe(`${missing}: error: no such file`);
  });

  it("reads a PDF's text layer like the server does", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText("Meghna Traders", { x: 50, y: 780, size: 18, font });
    page.drawText("Date: 18/03/2026", { x: 50, y: 740, size: 12, font });
    page.drawText("Grand Total: Tk 4,600.00", { x: 50, y: 600, size: 12, font });
    const pdf = path.join(dir, "bill.pdf");
    await writeFile(pdf, await doc.save());
    const { code, lines } = await run([pdf, "--json"]);
    expect(code).toBe(0);
    const row = JSON.parse(lines[0] as string);
    expect(row.fields.total.value).toBe(460_000);
    expect(row.fields.issueDate.value).toBe("2026-03-18");
  });

  it("refuses bad arguments clearly", async () => {
    await expect(run(["--json"])).rejects.toThrow(/at least one image file/);
    await expect(run(["x.jpg", "--jobs", "0"])).rejects.toThrow(/--jobs takes a whole number/);
  });
});
