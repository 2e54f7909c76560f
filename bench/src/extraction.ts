import { readFile } from "node:fs/promises";
import { textSimilarity } from "@chalan/core";
import { readInvoice } from "../../apps/server/src/ocr/read-invoice";
import { TesseractEngine } from "../../apps/server/src/ocr/tesseract-engine";
import { loadSroie } from "./sroie";

export interface ExtractionResult {
  dataset: string;
  engine: string;
  images: number;
  workers: number;
  accuracy: { total: number; date: number; company: number };
  secondsPerPage: { median: number; p90: number; mean: number };
  wallSeconds: number;
  peakRssMb: number;
  misses: { id: string; field: string; expected: unknown; got: unknown }[];
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

/** The server's reading path (normalise → OCR → extract) over the real SROIE receipts. */
export async function benchExtraction(opts: {
  limit: number;
  workers: number;
}): Promise<ExtractionResult> {
  const receipts = await loadSroie(opts.limit);
  const engine = new TesseractEngine({ poolSize: opts.workers });
  const perPage: number[] = [];
  const misses: ExtractionResult["misses"] = [];
  const hits = { total: 0, date: 0, company: 0 };
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: opts.workers }, async () => {
      while (next < receipts.length) {
        const r = receipts[next++];
        if (!r) break;
        const t0 = performance.now();
        const { fields } = await readInvoice(await readFile(r.image), engine, r.id);
        perPage.push((performance.now() - t0) / 1000);
        const checks = [
          ["total", r.total, fields.total?.value, fields.total?.value === r.total],
          ["date", r.date, fields.issueDate?.value, fields.issueDate?.value === r.date],
          [
            "company",
            r.company,
            fields.supplierName?.value,
            textSimilarity(fields.supplierName?.value ?? "", r.company) >= 0.8,
          ],
        ] as const;
        for (const [field, expected, got, right] of checks) {
          if (right) hits[field]++;
          else misses.push({ id: r.id, field, expected, got: got ?? null });
        }
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  await engine.close();
  const n = receipts.length;
  const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    dataset: "sroie-dev",
    engine: "tesseract.js (eng, best_int)",
    images: n,
    workers: opts.workers,
    accuracy: {
      total: round(hits.total / n),
      date: round(hits.date / n),
      company: round(hits.company / n),
    },
    secondsPerPage: {
      median: round(quantile(perPage, 0.5), 2),
      p90: round(quantile(perPage, 0.9), 2),
      mean: round(perPage.reduce((a, b) => a + b, 0) / n, 2),
    },
    wallSeconds: round(wallSeconds, 1),
    // maxRSS covers the whole process, OCR worker threads included.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    misses,
  };
}
