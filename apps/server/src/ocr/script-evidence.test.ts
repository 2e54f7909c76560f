import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { normalizeImage } from "../images/normalize";
import { grayPixels } from "../images/orientation";
import {
  bengaliLines,
  headlineBlobs,
  readsAsBengali,
  readsAsLatin,
  type ScriptEvidence,
  scriptEvidence,
  showsBengali,
  showsFlippedBengali,
} from "./script-evidence";
import { TesseractEngine } from "./tesseract-engine";
import { renderTestPage } from "./test-pages";

const receipt = fileURLToPath(
  new URL("../../../../../shared/datasets/sroie-dev/img/000.jpg", import.meta.url),
);

describe("scriptEvidence", () => {
  const english = new TesseractEngine();
  afterAll(() => english.close());

  const evidence = async (png: Buffer): Promise<ScriptEvidence> =>
    scriptEvidence(await grayPixels(png), await english.recognize(png));
  const upsideDown = (png: Buffer) => sharp(png).rotate(180).png().toBuffer();

  it("tells upright English, on a printed invoice and a scanned receipt", async () => {
    const printed = await evidence((await renderTestPage("english", "DejaVu Sans")).png);
    const scanned = await evidence((await normalizeImage(await readFile(receipt))).png);
    for (const e of [printed, scanned]) {
      expect(readsAsLatin(e)).toBe(true);
      expect(showsBengali(e)).toBe(false);
    }
  });

  it("sees Bengali words by their headline, even in a font English misreads", async () => {
    for (const font of ["Lohit Bengali", "Likhan"]) {
      const bengali = await evidence((await renderTestPage("bengali", font)).png);
      expect(readsAsLatin(bengali)).toBe(false);
      expect(showsBengali(bengali)).toBe(true);
      const mixed = await evidence((await renderTestPage("mixed", font)).png);
      expect(showsBengali(mixed)).toBe(true);
    }
  });

  it("tells a page upside down: English no longer reads, Bengali hangs its headline below", async () => {
    const english = await evidence(await upsideDown((await renderTestPage("english")).png));
    expect(readsAsLatin(english)).toBe(false);
    const bengali = await evidence(await upsideDown((await renderTestPage("bengali")).png));
    expect(showsBengali(bengali)).toBe(false);
    expect(showsFlippedBengali(bengali)).toBe(true);
  });
});

describe("bengaliLines", () => {
  const english = new TesseractEngine();
  afterAll(() => english.close());

  it("finds the lines of Bengali words on a page English read, and only those", async () => {
    const named = (await renderTestPage("bengaliName")).png;
    const reading = await english.recognize(named);
    const found = bengaliLines(await grayPixels(named), reading);
    // The shop's name, the first line: nothing else on the page is Bengali.
    expect(found).toEqual([reading.lines[0]]);
    const plain = (await renderTestPage("english")).png;
    expect(bengaliLines(await grayPixels(plain), await english.recognize(plain))).toEqual([]);
  });
});

describe("headlineBlobs", () => {
  const blobsOf = async (png: Buffer) => headlineBlobs(await grayPixels(png));

  it("counts Bengali words by their shape alone, upright or upside down", async () => {
    for (const font of ["Lohit Bengali", "Likhan"]) {
      const { png } = await renderTestPage("bengali", font);
      const upright = await blobsOf(png);
      expect(upright.bengali).toBeGreaterThanOrEqual(8);
      expect(upright.flipped).toBeLessThan(upright.bengali / 4);
      const flipped = await blobsOf(await sharp(png).rotate(180).png().toBuffer());
      expect(flipped.flipped).toBeGreaterThanOrEqual(8);
      expect(flipped.bengali).toBeLessThan(flipped.flipped / 4);
    }
  });

  it("finds next to none on an English invoice or a receipt", async () => {
    const printed = await blobsOf((await renderTestPage("english", "DejaVu Sans")).png);
    const scanned = await blobsOf((await normalizeImage(await readFile(receipt))).png);
    for (const { bengali } of [printed, scanned]) expect(bengali).toBeLessThanOrEqual(2);
  });
});

describe("readsAsBengali", () => {
  const page = (words: readonly [string, number][]) => ({
    width: 1000,
    height: 1000,
    lines: words.map(([text, confidence], i) => {
      const box = { x0: 10, y0: 40 * i, x1: 300, y1: 40 * i + 30 };
      return { text, confidence, box, words: [{ text, confidence, box }] };
    }),
  });

  it("tells a Bengali page read line by line with Bengali+English from an English one", () => {
    // A faint Bengali bill as Tesseract read its lines: Bengali words, a Latin speck or two.
    const bill = page([
      ["বিল", 0.96],
      ["তারিখ,", 0.75],
      ["ভ্যাট ১৫%", 0.85],
      ["Me To.", 0.6],
      ["দাদ", 0.5],
    ]);
    expect(readsAsBengali(bill)).toBe(true);
    // An English bill's noise read as Bengali letters beside its English words.
    const english = page([
      ...Array.from({ length: 8 }, () => ["Invoice Total", 0.8] as [string, number]),
      ["কে", 0.6],
      ["দাদ", 0.5],
      ["বং", 0.55],
    ]);
    expect(readsAsBengali(english)).toBe(false);
    // A receipt of English labels and figures with its items named in Bengali.
    const mixed = page([
      ["চা পাতা", 0.7],
      ["সরিষার তেল", 0.6],
      ["মুদি", 0.7],
      ["দোকান", 0.8],
      ...["TOTAL 1613.85", "VAT 5%", "Change", "Thank you", "Come again"].map(
        (t) => [t, 0.9] as [string, number],
      ),
    ]);
    expect(readsAsBengali(mixed)).toBe(false);
    // Bengali letters read unsurely count for nothing.
    expect(
      readsAsBengali(
        page([
          ["বিল", 0.3],
          ["তারিখ", 0.2],
          ["মোট", 0.4],
        ]),
      ),
    ).toBe(false);
  });
});
