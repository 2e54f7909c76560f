/**
 * Every confidence the extractor reports is computed here from named pieces of evidence, so that
 * calibrating against the benchmark changes numbers in this file, not code in the extractors.
 * The numbers are first estimates, to be fitted so that a field at 0.9 is right 90% of the time.
 */

/** How a value was found, before any check. The prior is how often such a value is right. */
export const SOURCE_PRIOR = {
  /** A label naming exactly this field: "Grand Total", "নিট প্রদেয়", "BIN", "Invoice No". */
  strongLabel: 0.92,
  /** A label naming the field in general terms: "Total", "Date", "Sub Total", "VAT". */
  label: 0.85,
  /** A vague label: "Due", "Net", a plain "Name:". */
  weakLabel: 0.62,
  /** No label, but a form only this field takes: a legal form (Ltd, লিমিটেড), a 9+4-digit BIN. */
  distinctive: 0.8,
  /** No label, a typical wording or place: a business word (Traders), the only date on a page. */
  typical: 0.6,
  /** Computed from other fields: total = subtotal + VAT, rate = VAT ÷ subtotal. */
  derived: 0.55,
  /** Assumed when nothing on the page says otherwise (BDT). */
  assumed: 0.6,
  /** Nothing points at it: the first plain line, the amount repeated near the bottom. */
  guess: 0.3,
} as const;
export type Source = keyof typeof SOURCE_PRIOR;

/** Where a value sat relative to its label. */
export type Placement = "line" | "row" | "below";
export const PLACEMENT_FACTOR: Record<Placement, number> = { line: 1, row: 1, below: 0.85 };

/** Independent evidence that confirms or contradicts a value once it has been read. */
export const CHECKS = {
  /** Subtotal − discount + VAT = total to the poisha; VAT = base × rate within ±1 Tk. */
  arithmetic: { agree: 0.7, disagree: 0.7 },
  /** The amount written in words says the same as the figure. */
  words: { agree: 0.6, disagree: 0.6 },
  /** Tendered less change (or a card payment) is the total: a receipt's own arithmetic. */
  paid: { agree: 0.5, disagree: 0.8 },
  /** Another label on the page gives the same value (a different value counts as a rival). */
  repeated: { agree: 0.3, disagree: 1 },
  /** Line items: quantity × unit price = amount. */
  itemArithmetic: { agree: 0.5, disagree: 0.7 },
  /** A VAT rate the law allows (15%, 10%, 7.5%, 5%). */
  legalRate: { agree: 0.2, disagree: 0.6 },
} as const;
export type CheckKind = keyof typeof CHECKS;

export interface Check {
  kind: CheckKind;
  agrees: boolean;
}

export const FACTORS = {
  /** OCR confidence `c` scales by `floor + (1 − floor)·c`: a blurred read is less sure, not void. */
  ocrFloor: 0.5,
  /** A value whose shape is unusual for the field: an amount without decimals or grouping. */
  unusualShape: 0.85,
  /** Per other value offered by evidence as strong (counted up to three). */
  rival: 0.8,
  /** A word the OCR got wrong and we repaired (`1,O5O` → `1,050`): right most of the time. */
  ocrRepair: 0.9,
  /** A value taken after an adjustment (total ± a rounding line): one more step to get wrong. */
  adjusted: 0.9,
  /** The most an amount that may be read at a multiple of itself is trusted, unless words say it. */
  scaleInDoubt: 0.85,
} as const;

/** The evidence behind one value. Omitted factors are neutral. */
export interface Evidence {
  source: Source;
  placement?: Placement;
  /** Least OCR confidence of the characters the value was read from, in [0, 1]. */
  ocr?: number;
  /** False when the value has an unusual shape for its field. */
  usualShape?: boolean;
  /** Distinct other values offered for the field by evidence as strong as this. */
  rivals?: number;
  /** The value was computed from what was read by an adjustment (rounding). */
  adjusted?: boolean;
  /** The value was read only by repairing what the OCR got wrong. */
  repaired?: boolean;
  /**
   * The amount may be a multiple of the one printed, and sums and rates hold alike for figures all
   * read so; only the amount in words tells. Six or more digits, none set apart, ending in 00
   * (`৬১২৬০০০`): perhaps ৬১,২৬০.০০ with its point lost, a hundredfold. Bengali ৪s read for the
   * Latin 8s they look like (`lookalike-digits.ts`): perhaps 880.00 after all, twofold.
   */
  scaleInDoubt?: boolean;
  /** An amount written without point or grouping: a hundredfold misreading would look the same. */
  unpointed?: boolean;
  checks?: readonly Check[];
}

/** A confidence in [0, 1] from the evidence: prior × placement × OCR × shape × rivals, then checks. */
export function confidenceOf(e: Evidence): number {
  const ocr = Math.min(1, Math.max(0, e.ocr ?? 1));
  let c =
    SOURCE_PRIOR[e.source] *
    PLACEMENT_FACTOR[e.placement ?? "line"] *
    (FACTORS.ocrFloor + (1 - FACTORS.ocrFloor) * ocr) *
    (e.usualShape === false ? FACTORS.unusualShape : 1) *
    (e.adjusted ? FACTORS.adjusted : 1) *
    (e.repaired ? FACTORS.ocrRepair : 1) *
    FACTORS.rival ** Math.min(3, e.rivals ?? 0);
  for (const check of e.checks ?? []) {
    const weight = CHECKS[check.kind];
    // Agreement closes part of the remaining doubt; disagreement scales the trust down.
    c = check.agrees ? 1 - (1 - c) * (1 - weight.agree) : c * weight.disagree;
  }
  const saidInWords = e.checks?.some((x) => x.kind === "words" && x.agrees);
  if (e.scaleInDoubt && !saidInWords) c = Math.min(c, FACTORS.scaleInDoubt);
  return Math.min(1, Math.max(0, c));
}

/** The same evidence with one more check. */
export function withCheck(e: Evidence, kind: CheckKind, agrees: boolean): Evidence {
  return { ...e, checks: [...(e.checks ?? []), { kind, agrees }] };
}
