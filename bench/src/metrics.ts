import { type ExtractedFields, textSimilarity } from "@chalan/core";

/** What a data set knows for sure about one document; absent fields are not scored. */
export type Truth = Partial<{
  total: number;
  subtotal: number;
  vat: number;
  vatRate: number;
  issueDate: string;
  supplierName: string;
  invoiceNumber: string;
  supplierBin: string;
}>;
export type ScoredField = keyof Truth;

const normalise = (s: string) => s.replace(/\s+/g, "").toUpperCase();

/** Exact for money, rates and dates; names by similarity ≥ 0.8 (OCR slips in long names are common). */
export function isCorrect(field: ScoredField, expected: unknown, got: unknown): boolean {
  if (got === undefined || got === null) return false;
  if (field === "supplierName") return textSimilarity(String(got), String(expected)) >= 0.8;
  if (field === "invoiceNumber" || field === "supplierBin") {
    return normalise(String(got)) === normalise(String(expected));
  }
  return got === expected;
}

export interface FieldScore {
  /** documents whose truth has the field */
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  /** correct / support: the issue's exact-match accuracy */
  accuracy: number;
}

export interface Observation {
  field: ScoredField;
  expected: unknown;
  got: unknown;
  confidence: number | null;
  correct: boolean;
}

export function observe(truth: Truth, fields: ExtractedFields): Observation[] {
  return (Object.keys(truth) as ScoredField[]).map((field) => {
    const expected = truth[field];
    const f = (fields as Record<string, { value: unknown; confidence: number } | undefined>)[field];
    return {
      field,
      expected,
      got: f?.value ?? null,
      confidence: f ? f.confidence : null,
      correct: isCorrect(field, expected, f?.value),
    };
  });
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

export function scoreFields(observations: Observation[]): Record<string, FieldScore> {
  const out: Record<string, FieldScore> = {};
  for (const o of observations) {
    const s = out[o.field] ?? {
      support: 0,
      predicted: 0,
      correct: 0,
      precision: 0,
      recall: 0,
      f1: 0,
      accuracy: 0,
    };
    out[o.field] = s;
    s.support++;
    if (o.got !== null) s.predicted++;
    if (o.correct) s.correct++;
  }
  for (const s of Object.values(out)) {
    s.precision = ratio(s.correct, s.predicted);
    s.recall = ratio(s.correct, s.support);
    s.accuracy = s.recall;
    s.f1 = ratio(2 * s.precision * s.recall, s.precision + s.recall);
  }
  return out;
}

export interface CalibrationRow {
  bucket: string;
  fields: number;
  correct: number;
  accuracy: number;
}

const BUCKETS: [number, number][] = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.9],
  [0.9, 1.0001],
];

/** Is a confidence of 0.9 right 90% of the time? One row per confidence band, over all fields. */
export function calibration(observations: Observation[]): CalibrationRow[] {
  return BUCKETS.map(([lo, hi]) => {
    const inBand = observations.filter(
      (o) => o.confidence !== null && o.confidence >= lo && o.confidence < hi,
    );
    const correct = inBand.filter((o) => o.correct).length;
    return {
      bucket: `${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)}`,
      fields: inBand.length,
      correct,
      accuracy: ratio(correct, inBand.length),
    };
  });
}
