import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { toAsciiDigits } from "@chalan/core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TesseractEngine } from "../../../apps/server/src/ocr/tesseract-engine";
import { DATE_FORMATS, formatDate } from "./bangla-text";
import { composeItem, generateCorpus } from "./generate";
import { loadCorpus } from "./load";
import type { CorpusItem, InvoiceTruth } from "./truth";

const COUNT = 12;
const SEED = 7;
let dirs: string[] = [];
let items: CorpusItem[] = [];

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
const tmp = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "chalan-corpus-"));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  items = await generateCorpus({ count: COUNT, seed: SEED, outDir: await tmp() });
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

/** What a page prints, tags stripped, with ASCII digits: where truth strings must appear. */
function pageText(seed: number, index: number): string {
  const svg = composeItem(seed, index).page.toSvg();
  const texts = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    (m[1] ?? "").replace(/<[^>]+>/g, ""),
  );
  const unescaped = texts.join("\n").replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => {
    return { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" }[e] ?? "";
  });
  return toAsciiDigits(unescaped);
}

/** Every amount-looking number on the page, in poisha; whole-taka columns count as whole taka. */
function amountsIn(text: string): Set<number> {
  const found = new Set<number>();
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d\d)?/g)) {
    const [whole = "", fraction] = m[0].replaceAll(",", "").split(".");
    found.add(Number(whole) * 100 + Number(fraction ?? 0));
  }
  return found;
}

describe("generateCorpus", () => {
  it("is deterministic: the same seed gives the same JSON and the same image bytes", async () => {
    const again = await generateCorpus({ count: COUNT, seed: SEED, outDir: await tmp() });
    for (const [i, item] of items.entries()) {
      const twin = again[i];
      if (!twin) throw new Error(`item ${i} missing`);
      expect(await readFile(twin.image.replace(/jpg$/, "json"), "utf8")).toBe(
        await readFile(item.image.replace(/jpg$/, "json"), "utf8"),
      );
      expect(await sha256(twin.image)).toBe(await sha256(item.image));
    }
    const other = await generateCorpus({ count: 2, seed: SEED + 1, outDir: await tmp() });
    expect(other[0]?.truth).not.toEqual(items[0]?.truth);
  });

  it("writes records that load back unchanged", async () => {
    const first = items[0];
    if (!first) throw new Error("no items");
    expect(await loadCorpus(path.dirname(first.image))).toEqual(items);
  });

  it("keeps the arithmetic exact, in integer poisha", () => {
    for (const { truth } of items) {
      const amounts = truth.lineItems.map((l) => l.amount);
      for (const l of truth.lineItems) {
        expect(l.amount).toBe(Math.round((Math.round(l.quantity * 100) * l.unitPrice) / 100));
      }
      for (const v of [...amounts, truth.subtotal, truth.vat, truth.total, truth.discount ?? 0]) {
        expect(Number.isSafeInteger(v)).toBe(true);
      }
      expect(amounts.reduce((a, b) => a + b, 0)).toBe(truth.subtotal);
      expect(truth.vat).toBe(
        Math.round((truth.subtotal * Math.round(truth.vatRate * 1000)) / 1000),
      );
      expect(truth.subtotal - (truth.discount ?? 0) + truth.vat).toBe(truth.total);
      if (truth.documentType === "cash_memo") expect(truth.vatRate).toBe(0);
      if (truth.documentType === "mushak_6_3") {
        expect(truth.supplierBin).toMatch(/^\d{13}$/);
        // A Mushak-6.3 prints VAT per line; those must add up to the invoice's VAT.
        const lineVat = truth.lineItems.map(
          (l) => (l.amount * Math.round((l.vatRate ?? 0) * 1000)) / 1000,
        );
        expect(lineVat.every(Number.isInteger)).toBe(true);
        expect(lineVat.reduce((a, b) => a + b, 0)).toBe(truth.vat);
      }
    }
  });

  it("spreads scripts, hands, degradations and document types evenly", () => {
    const count = (key: (i: CorpusItem) => string) => {
      const counts: Record<string, number> = {};
      for (const i of items) counts[key(i)] = (counts[key(i)] ?? 0) + 1;
      return counts;
    };
    expect(count((i) => i.tier.script)).toEqual({ bn: 4, en: 4, mixed: 4 });
    expect(count((i) => i.tier.hand)).toEqual({ print: 6, hand: 6 });
    expect(count((i) => i.tier.degradation)).toEqual({ clean: 3, scan: 3, photo: 3, heavy: 3 });
    expect(count((i) => i.truth.documentType)).toEqual({
      mushak_6_3: 3,
      cash_memo: 3,
      bill: 3,
      receipt: 3,
    });
  });

  it("writes JPEGs of the recorded size, damaged as recorded and measurably", async () => {
    const sharpness: Record<string, number[]> = {};
    for (const item of items) {
      const meta = await sharp(item.image).metadata();
      expect(meta.format).toBe("jpeg");
      expect([meta.width, meta.height]).toEqual([item.rendering.width, item.rendering.height]);
      const r = item.rendering;
      if (item.tier.degradation === "clean") expect(r.blurSigma + r.noiseSigma).toBe(0);
      else expect(r.noiseSigma).toBeGreaterThan(0);
      expect(r.fold).toBe(item.tier.degradation === "heavy");
      expect(r.stamp !== undefined).toBe(item.tier.degradation === "heavy");
      sharpness[item.tier.degradation] = [
        ...(sharpness[item.tier.degradation] ?? []),
        r.measured.sharpness,
      ];
    }
    const mean = (xs: number[] = []) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(sharpness.clean)).toBeGreaterThan(mean(sharpness.photo));
    expect(mean(sharpness.clean)).toBeGreaterThan(mean(sharpness.heavy));
  });
});

describe("the printed page", () => {
  it("prints every truth field, as the truth spells it (digits aside)", () => {
    for (let index = 0; index < 48; index++) {
      const { invoice } = composeItem(SEED, index);
      const truth: InvoiceTruth = invoice.truth;
      const text = pageText(SEED, index);
      const flat = text.replace(/\s+/g, " ");
      const strings = [
        truth.supplierName,
        truth.supplierAddress,
        truth.invoiceNumber,
        truth.buyerName,
        ...truth.lineItems.map((l) => l.description),
      ];
      for (const s of strings) if (s !== undefined) expect(text).toContain(s);
      if (truth.amountInWords) expect(flat).toContain(truth.amountInWords);
      const digits = text.replace(/\D/g, "");
      expect(digits).toContain(truth.supplierPhone.slice(1));
      if (truth.supplierBin) expect(digits).toContain(truth.supplierBin);
      if (truth.buyerBin) expect(digits).toContain(truth.buyerBin);
      const dates = DATE_FORMATS.map((f) => toAsciiDigits(formatDate(truth.issueDate, f, "latn")));
      expect(dates.some((d) => text.includes(d))).toBe(true);
      const amounts = amountsIn(text);
      for (const poisha of [truth.total, truth.subtotal, ...truth.lineItems.map((l) => l.amount)]) {
        // Memos with a পয়সা column print the taka and the poisha apart.
        expect(amounts.has(poisha) || amounts.has(poisha - (poisha % 100))).toBe(true);
      }
      if (truth.vat > 0) expect(amounts.has(truth.vat)).toBe(true);
    }
  });

  it("shapes into text Tesseract reads back, on a clean printed English page", async () => {
    const item = items.find(
      (i) => i.tier.script === "en" && i.tier.hand === "print" && i.tier.degradation === "clean",
    );
    if (!item) throw new Error("no clean printed English item");
    const engine = new TesseractEngine();
    try {
      const page = await engine.recognize(await readFile(item.image));
      const text = page.lines.map((l) => l.text).join("\n");
      expect(text).toContain(item.truth.supplierName);
      expect(text).toContain(item.truth.invoiceNumber);
      expect(text.replaceAll(",", "")).toContain(String(Math.floor(item.truth.total / 100)));
    } finally {
      await engine.close();
    }
  });
});
