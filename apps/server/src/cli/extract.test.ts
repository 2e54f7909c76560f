import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { renderInvoiceImage } from "../../test/render-invoice";
import { runExtract } from "./extract";

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const out = new PassThrough();
  let text = "";
  out.on("data", (d: Buffer) => {
    text += d.toString();
  });
  const code = await runExtract(args, out);
  return { code, lines: text.trim().split("\n") };
}

describe("chalan extract", () => {
  it("prints one JSON line per file, in order, with money in poisha and ISO dates", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "extract-"));
    const invoice = await renderInvoiceImage({
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
    const good = path.join(dir, "bill.jpg");
    const bad = path.join(dir, "notes.jpg");
    await writeFile(good, invoice.bytes);
    await writeFile(bad, "not an image at all");

    const { code, lines } = await run([good, bad, good, "--json", "--jobs", "2"]);
    expect(code).toBe(1);
    const rows = lines.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.file)).toEqual([good, bad, good]);
    expect(rows[0].fields.total.value).toBe(invoice.total);
    expect(rows[0].fields.total.confidence).toBeGreaterThan(0);
    expect(rows[0].fields.issueDate.value).toBe("2026-03-18");
    expect(rows[0].timings.ocrMs).toBeGreaterThan(0);
    expect(rows[1]).toEqual({ file: bad, error: "not a JPEG, PNG or WebP image" });
    expect(rows[2].fields.total.value).toBe(invoice.total);
  });

  it("refuses bad arguments clearly", async () => {
    await expect(run(["--json"])).rejects.toThrow(/at least one image file/);
    await expect(run(["x.jpg", "--jobs", "0"])).rejects.toThrow(/--jobs takes a whole number/);
  });
});
