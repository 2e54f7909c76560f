import { readFile } from "node:fs/promises";
import type { OcrEngine } from "../../apps/server/src/ocr/ocr-engine";
import { readInvoice } from "../../apps/server/src/ocr/read-invoice";
import { baselineExtract } from "./baseline";
import {
  type CalibrationRow,
  calibration,
  type FieldScore,
  type Observation,
  observe,
  scoreFields,
  type Truth,
} from "./metrics";

export interface BenchItem {
  id: string;
  image: string;
  truth: Truth;
  /** e.g. "bn/hand/photo": script × print/hand × degradation */
  tier: string;
}

export interface Dataset {
  name: string;
  items: BenchItem[];
}

export interface ReaderResult {
  fields: Record<string, FieldScore>;
  byTier: Record<string, Record<string, FieldScore>>;
  calibration: CalibrationRow[];
  misses: (Observation & { id: string })[];
}

export interface ExtractionResult {
  dataset: string;
  images: number;
  workers: number;
  chalan: ReaderResult;
  baseline: ReaderResult;
  secondsPerPage: { median: number; p90: number; mean: number };
  /** Median seconds per page by script (the first part of the tier): Bengali pages cost most. */
  medianSecondsByScript?: Record<string, number>;
  wallSeconds: number;
  peakRssMb: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function summarise(items: BenchItem[], obs: Map<string, Observation[]>): ReaderResult {
  const all = [...obs.values()].flat();
  const tiers = new Map<string, Observation[]>();
  for (const item of items) {
    const list = tiers.get(item.tier) ?? [];
    list.push(...(obs.get(item.id) ?? []));
    tiers.set(item.tier, list);
  }
  return {
    fields: scoreFields(all),
    byTier: Object.fromEntries([...tiers].sort().map(([t, o]) => [t, scoreFields(o)])),
    calibration: calibration(all),
    misses: items.flatMap((i) =>
      (obs.get(i.id) ?? []).filter((o) => !o.correct).map((o) => ({ id: i.id, ...o })),
    ),
  };
}

/**
 * Reads every image once with the server's path (normalise → OCR → extract) and scores it, and
 * scores the baseline (flat-text regex) on the same OCR output, so the difference is extraction.
 */
export async function benchExtraction(
  dataset: Dataset,
  engine: OcrEngine,
  workers: number,
): Promise<ExtractionResult> {
  const chalan = new Map<string, Observation[]>();
  const baseline = new Map<string, Observation[]>();
  const perPage: number[] = [];
  const byScript = new Map<string, number[]>();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < dataset.items.length) {
        const item = dataset.items[next++];
        if (!item) break;
        const t0 = performance.now();
        const reading = await readInvoice(await readFile(item.image), engine, item.id);
        const seconds = (performance.now() - t0) / 1000;
        perPage.push(seconds);
        const script = item.tier.split("/")[0] ?? item.tier;
        byScript.set(script, [...(byScript.get(script) ?? []), seconds]);
        chalan.set(item.id, observe(item.truth, reading.fields));
        baseline.set(item.id, observe(item.truth, baselineExtract(reading.page)));
      }
    }),
  );
  return {
    dataset: dataset.name,
    images: dataset.items.length,
    workers,
    chalan: summarise(dataset.items, chalan),
    baseline: summarise(dataset.items, baseline),
    secondsPerPage: {
      median: round(quantile(perPage, 0.5)),
      p90: round(quantile(perPage, 0.9)),
      mean: round(perPage.reduce((a, b) => a + b, 0) / Math.max(1, perPage.length)),
    },
    medianSecondsByScript: Object.fromEntries(
      [...byScript].sort().map(([script, xs]) => [script, round(quantile(xs, 0.5))]),
    ),
    wallSeconds: round((performance.now() - started) / 1000, 1),
    // maxRSS covers the whole process, OCR worker threads included.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
