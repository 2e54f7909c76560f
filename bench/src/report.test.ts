import { describe, expect, it } from "vitest";
import type { ExtractionResult, ReaderResult } from "./extraction";
import { benchmarksMarkdown } from "./report";

const reader: ReaderResult = {
  fields: {
    total: {
      support: 4,
      correct: 3,
      predicted: 4,
      accuracy: 0.75,
      precision: 0.75,
      recall: 0.75,
      f1: 0.75,
    },
  },
  byTier: {
    "bn/print/clean": {
      total: {
        support: 2,
        correct: 1,
        predicted: 2,
        accuracy: 0.5,
        precision: 0.5,
        recall: 0.5,
        f1: 0.5,
      },
    },
  },
  calibration: [{ bucket: "0.9–1.0", fields: 2, correct: 2, accuracy: 1 }],
  misses: [],
};
const result: ExtractionResult = {
  dataset: "generated (seed 1)",
  images: 4,
  workers: 2,
  chalan: reader,
  baseline: reader,
  secondsPerPage: { median: 1.9, p90: 3.2, mean: 2 },
  wallSeconds: 4.1,
  peakRssMb: 700,
};
const record = (r: ExtractionResult) => ({
  suite: "extraction",
  date: "2026-12-01T22:00:00.000Z",
  machine: "2 × cpu",
  engine: "tesseract.js",
  result: r,
});

describe("benchmarksMarkdown", () => {
  it("gives the median seconds per page by script where the record has them", () => {
    const withScripts = { ...result, medianSecondsByScript: { bn: 3.1, en: 1.2 } };
    expect(benchmarksMarkdown([record(withScripts)])).toContain(
      "Seconds per page: median 1.9, p90 3.2 (median by script: bn 3.1, en 1.2); peak RSS 700 MB.",
    );
    expect(benchmarksMarkdown([record(result)])).toContain(
      "Seconds per page: median 1.9, p90 3.2; peak RSS 700 MB.",
    );
  });
});

describe("the web app's section", () => {
  it("reports the first visit's bytes, the time to a draft and the draft's accuracy by script", () => {
    const total = reader.fields.total as NonNullable<ReaderResult["fields"]["total"]>;
    const md = benchmarksMarkdown([record(result)], {
      web: {
        suite: "web",
        date: "2026-12-02T05:00:00.000Z",
        machine: "2 × cpu",
        result: {
          dataset: "generated (seed 1)",
          pages: 4,
          browser: "156.0",
          firstLoad: { appBytes: 912_000, readerBytes: 8_350_000, requests: 20 },
          secondsToDraft: { median: 1.13, p90: 3.04 },
          readingSeconds: { median: 0.93, p90: 2.77 },
          fields: { total },
          byScript: { bn: { total: { ...total, accuracy: 0.5 } } },
          byTier: {},
          misses: [],
          failedReadings: 0,
        },
      },
    });
    expect(md).toContain("First visit: the app 0.87 MB (target < 2 MB), then the readers 7.96 MB");
    expect(md).toContain(
      "median 1.13, p90 3.04 (budget: p90 ≤ 5 s, met); OCR + extraction alone: median 0.93, p90 2.77",
    );
    expect(md).toContain("| all | 0.750 |");
    expect(md).toContain("| bn | 0.500 |");
    expect(md.indexOf("## extraction")).toBeLessThan(md.indexOf("## web app"));
  });
});

describe("the outage and checks sections", () => {
  it("state the targets and whether they were met, from the recorded numbers", () => {
    const md = benchmarksMarkdown([], {
      outage: {
        suite: "outage",
        date: "2026-12-02T09:00:00.000Z",
        machine: "2 × cpu",
        result: {
          invoices: 500,
          link: {
            bytesPerSecond: 32_000,
            latencyMs: 300,
            jitterMs: 60,
            outages: { meanUpMs: 60_000, downMs: 5_000 },
            dropMidStream: 0.01,
          },
          payloadBytes: { images: 100_000_000, writes: 800_000 },
          secondsToMetadata: 40,
          secondsToImages: 4_200,
          idealSeconds: 3_150,
          wireBytes: { up: 103_000_000, down: 2_000_000 },
          efficiency: 0.96,
          restarts: 12,
          outages: 70,
          dropped: 30,
        },
      },
      checks: {
        suite: "checks",
        date: "2026-12-02T09:00:00.000Z",
        machine: "2 × cpu",
        result: {
          suppliers: 10_000,
          invoices: 3_000,
          msPerInvoice: { median: 61.5, p90: 80 },
          matching: { threshold: 0.6, queries: 104, precision: 1, recall: 0.86 },
          secondsToImport: 20,
        },
      },
    });
    expect(md).toContain("link shaped to 256 kbit/s each way, 300 ms (+0–60 ms)");
    expect(md).toContain("| all invoices with their pages on the server | 70.0 min |");
    expect(md).toContain("| efficiency, payload / wire (target ≥ 0.9) | 0.960 (met) |");
    expect(md).toContain("| app restarts survived | 12 |");
    expect(md).toContain("61.5 / 80 ms (target median < 50 ms: MISSED)");
    expect(md).toContain("precision | 1.000 (target ≥ 0.95: met)");
  });
});
