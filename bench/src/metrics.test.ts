import { describe, expect, it } from "vitest";
import { calibration, isCorrect, observe, scoreFields } from "./metrics";

describe("benchmark metrics", () => {
  it("scores money and dates exactly and names by similarity", () => {
    expect(isCorrect("total", 1_190_000, 1_190_000)).toBe(true);
    expect(isCorrect("total", 1_190_000, 1_190_001)).toBe(false);
    expect(isCorrect("supplierName", "Padma Traders Ltd", "PADMA TRADERS LID")).toBe(true);
    expect(isCorrect("invoiceNumber", "PT-2026 0318", "pt-20260318")).toBe(true);
    expect(isCorrect("issueDate", "2026-03-18", null)).toBe(false);
  });

  it("computes precision, recall and F1 from what was predicted and what was right", () => {
    const obs = [
      ...observe({ total: 100 }, { total: { value: 100, confidence: 0.95 } }),
      ...observe({ total: 200 }, { total: { value: 201, confidence: 0.6 } }),
      ...observe({ total: 300 }, {}),
      ...observe({ total: 400 }, { total: { value: 400, confidence: 0.92 } }),
    ];
    const s = scoreFields(obs).total;
    expect(s).toMatchObject({
      support: 4,
      predicted: 3,
      correct: 2,
      precision: 0.667,
      recall: 0.5,
      accuracy: 0.5,
    });
    expect(s?.f1).toBeCloseTo((2 * 0.667 * 0.5) / (0.667 + 0.5), 2);
  });

  it("buckets confidences to show whether they can be trusted", () => {
    const obs = [
      ...observe({ total: 1 }, { total: { value: 1, confidence: 0.95 } }),
      ...observe({ total: 2 }, { total: { value: 3, confidence: 0.91 } }),
      ...observe({ total: 4 }, { total: { value: 4, confidence: 0.3 } }),
    ];
    const rows = calibration(obs);
    expect(rows.find((r) => r.bucket === "0.9–1.0")).toEqual({
      bucket: "0.9–1.0",
      fields: 2,
      correct: 1,
      accuracy: 0.5,
    });
    expect(rows.find((r) => r.bucket === "0.0–0.5")?.fields).toBe(1);
  });
});
