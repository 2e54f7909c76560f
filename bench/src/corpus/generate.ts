import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { degrade } from "./degrade";
import { composeInvoice, type Invoice, tierFor } from "./invoice";
import { BILL_SIZE, drawBill } from "./layouts/bill";
import { CASH_MEMO_SIZE, drawCashMemo } from "./layouts/cash-memo";
import { drawMushak, MUSHAK_SIZE } from "./layouts/mushak";
import { drawReceipt, receiptSize } from "./layouts/receipt";
import { type Ink, Page, pickFonts } from "./page";
import { addFold, addStamp } from "./paper-marks";
import { Rng } from "./prng";
import { type CorpusItem, CorpusRecord } from "./truth";

export interface GenerateOptions {
  /** How many invoices; item i is the same whatever the count, so a small corpus is a prefix. */
  count?: number;
  seed?: number;
  outDir: string;
  /** Invoices rendered at once; sharp works off the main thread. */
  concurrency?: number;
}

/**
 * Renders `count` Bangladeshi invoices with exact ground truth into `outDir` as `NNN.jpg` and
 * `NNN.json`. Deterministic: the same seed gives byte-identical files on the same fonts and sharp.
 */
export async function generateCorpus(options: GenerateOptions): Promise<CorpusItem[]> {
  const { count = 300, seed = 1, outDir } = options;
  const concurrency = options.concurrency ?? os.availableParallelism();
  await mkdir(outDir, { recursive: true });
  const digits = Math.max(3, String(count).length);
  const items: CorpusItem[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (let i = next++; i < count; i = next++) {
        const { record, bytes } = await renderItem(seed, i, digits);
        await writeFile(path.join(outDir, record.image), bytes);
        await writeFile(
          path.join(outDir, `${record.id}.json`),
          `${JSON.stringify(record, null, 2)}\n`,
        );
        items[i] = { ...record, image: path.join(outDir, record.image) };
      }
    }),
  );
  return items;
}

/** Pad colours of pre-printed memo and bill books, and pens. */
const PAD_INKS = ["#8b1a1a", "#1d3f8f", "#1f6b3a", "#222222"];
const PENS = ["#1b2a8c", "#22315e", "#1a1a1a"];
const PAPERS: readonly (readonly [string, number])[] = [
  ["#ffffff", 0.6],
  ["#f8f5ee", 0.25],
  ["#f6efc8", 0.08],
  ["#f6e2e2", 0.07],
];

/** One invoice's content and its drawn (not yet damaged) page, from the seed and index alone. */
export function composeItem(seed: number, index: number) {
  const rng = new Rng(`chalan-corpus:${seed}:${index}`);
  const { tier, documentType } = tierFor(index);
  const invoice = composeInvoice(rng.fork("invoice"), tier, documentType);
  const hand = tier.hand === "hand";
  const pen = rng.pick(PENS);
  const ink: Ink = {
    // Hand-filled Mushak forms are usually the plain black NBR booklet.
    form: hand && documentType !== "mushak_6_3" ? rng.pick(PAD_INKS) : "#111111",
    fill: hand ? pen : "#111111",
    pen,
  };
  const size = sizeOf(invoice);
  const page = new Page(
    size.width,
    size.height,
    pickFonts(rng),
    hand,
    ink,
    rng.fork("hand"),
    rng.weighted(PAPERS),
  );
  const layoutRng = rng.fork("layout");
  if (documentType === "mushak_6_3") drawMushak(page, invoice);
  else if (documentType === "bill") drawBill(page, invoice, layoutRng);
  else if (documentType === "cash_memo") drawCashMemo(page, invoice, layoutRng);
  else drawReceipt(page, invoice, layoutRng);

  const heavy = tier.degradation === "heavy";
  if (heavy) addFold(page, rng);
  const stamp = heavy ? addStamp(page, rng, invoice.text.supplierName, invoice.lang) : undefined;
  return { tier, invoice, page, stamp, rng };
}

async function renderItem(
  seed: number,
  index: number,
  digits: number,
): Promise<{ record: CorpusRecord; bytes: Buffer }> {
  const id = String(index + 1).padStart(digits, "0");
  const { tier, invoice, page, stamp, rng } = composeItem(seed, index);
  const { bytes, damage } = await degrade(
    page.toSvg(),
    page.width,
    page.height,
    tier.degradation,
    rng.fork("degrade"),
  );
  const record = CorpusRecord.parse({
    id,
    image: `${id}.jpg`,
    tier,
    truth: invoice.truth,
    rendering: {
      ...damage,
      fonts: [...page.fontsUsed].sort(),
      fold: tier.degradation === "heavy",
      ...(stamp ? { stamp } : {}),
    },
  });
  return { record, bytes };
}

function sizeOf(inv: Invoice): { width: number; height: number } {
  switch (inv.truth.documentType) {
    case "mushak_6_3":
      return MUSHAK_SIZE;
    case "bill":
      return BILL_SIZE;
    case "cash_memo":
      return CASH_MEMO_SIZE;
    case "receipt":
      return receiptSize(inv);
  }
}
