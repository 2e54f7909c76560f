import { type Check, confidenceOf, type Evidence } from "./confidence";
import type { ExtractedField } from "./invoice";
import { classifyAmountLabel } from "./label-words";
import { fieldAt, type Hit, type Reader, rivalsOf, valueNear } from "./labelled-value";
import type { TextLine } from "./page-layout";
import { LEGAL_VAT_RATES, type Reconciled } from "./reconcile-amounts";

/**
 * `15%`, `7.5 %`, `১৫ শতাংশ` (digits are ASCII by now). A % with a digit right after it is a
 * digit misread inside a figure (`8%0/-` for `820/-`).
 */
export const PERCENT = /(?<![\d.])(\d{1,2}(?:\.\d{1,2})?)\s?(?:%(?!\d)|percent|শতাংশ)/giu;

/**
 * A rate's digits in basis points. `75%` is 7.5% with its point lost: no VAT is 75%, and
 * 7.5% is the one legal rate with a point to lose.
 */
export function percentBp(digits: string): number {
  return digits === "75" ? 750 : Math.round(Number(digits) * 100);
}

/** A percentage from `from` on, in basis points. */
const readPercent: Reader<number> = (text, from) => {
  const m = [...text.slice(from).matchAll(PERCENT)][0];
  if (!m?.[1]) return undefined;
  const start = from + m.index;
  const value = percentBp(m[1]);
  return value > 0 && value < 10_000 ? { start, end: start + m[0].length, value } : undefined;
};

function isVatLabel(text: string): boolean {
  return classifyAmountLabel(text)?.role === "vat";
}

/**
 * VAT rates written next to a VAT label, in basis points: `VAT 15%`, `ভ্যাট (১৫%)`, `VAT @ 7.5%`,
 * `মূসকের হার: ১৫%`, `6% GST`, or a rate in the next cell of a VAT label's row.
 */
export function readVatRates(lines: readonly TextLine[]): Hit<number>[] {
  const out: Hit<number>[] = [];
  for (const line of lines) {
    let from = 0;
    let found = false;
    for (let hit = readPercent(line.text, 0); hit; hit = readPercent(line.text, hit.end)) {
      const after = line.text.slice(hit.end).split(/\d/u)[0] ?? "";
      if (isVatLabel(line.text.slice(from, hit.start)) || isVatLabel(after)) {
        out.push({ ...hit, line, placement: "line" });
        found = true;
      }
      from = hit.end;
    }
    if (found || !isVatLabel(line.text)) continue;
    const near = valueNear(lines, line, line.text.length, readPercent, { below: false });
    if (near) out.push(near);
  }
  return out;
}

function fraction(bp: number): number {
  return bp / 10_000;
}

function legal(bp: number): Check {
  return {
    kind: "legalRate",
    agrees: bp === 0 || (LEGAL_VAT_RATES as readonly number[]).includes(bp),
  };
}

/**
 * The VAT rate as a fraction (0.15): the rate read that the arithmetic confirms, else the first
 * read, doubted if the arithmetic contradicts it; with none read, the legal rate VAT ÷ net amount
 * comes to (0 when the sums hold without VAT), as it is for a rate read that the law does not
 * allow and the arithmetic refutes. A rate the law does not allow is doubted.
 */
export function vatRateField(
  read: readonly Hit<number>[],
  amounts: Reconciled,
): ExtractedField<number> | undefined {
  const check = amounts.rateCheck;
  const confirmed = check ? read.find((h) => h.value === check) : undefined;
  const chosen = confirmed ?? read[0];
  // A rate the law does not allow, refuted by the amounts, gives way to the legal one they show.
  const misread =
    chosen && check === false && !legal(chosen.value).agrees && amounts.derivedRate !== undefined;
  if (chosen && !misread) {
    const checks: Check[] = [legal(chosen.value)];
    if (check !== undefined) checks.push({ kind: "arithmetic", agrees: confirmed !== undefined });
    const rivals = rivalsOf(read, chosen.value);
    const field = fieldAt(chosen, { source: "label", rivals, checks });
    return { ...field, value: fraction(chosen.value) };
  }
  const bp = amounts.derivedRate;
  if (bp === undefined) return undefined;
  const evidence: Evidence = { source: "derived", checks: [legal(bp)] };
  const box = amounts.vat?.box;
  return { value: fraction(bp), confidence: confidenceOf(evidence), ...(box && { box }) };
}
