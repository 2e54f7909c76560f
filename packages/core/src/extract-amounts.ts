import type { ExtractedField } from "./invoice";
import { classifyAmountLabel, isColumnHeaderRow, isCurrencyOnly } from "./label-words";
import { type AmountToken, findAmounts } from "./money";
import { below, rangeOf, rightOf, sameRow, type TextLine, textExtent } from "./page-layout";

/** A stretch of a line: label text and the amounts written after it. */
interface Group {
  line: TextLine;
  label: string;
  amounts: AmountToken[];
}

interface Reading extends ExtractedField<number> {
  box: NonNullable<ExtractedField<number>["box"]>;
}

/** Where a value sat relative to its label. */
type Placement = "line" | "row" | "below";

interface Candidate extends Reading {
  role: "total" | "subtotal" | "vat";
  rank: number;
}

export interface AmountFields {
  total?: ExtractedField<number>;
  subtotal?: ExtractedField<number>;
  vat?: ExtractedField<number>;
}

/** Splits `TOTAL SAVING: 0.00 TOTAL 25.85` into labelled groups of amounts. */
function splitGroups(line: TextLine): Group[] {
  const groups: Group[] = [];
  let from = 0;
  for (const amount of findAmounts(line.text)) {
    const label = line.text.slice(from, amount.start).trim();
    const last = groups.at(-1);
    // `TOTAL 6.60 0.40 7.00`: amounts with nothing between them share the label before them.
    if (last && isCurrencyOnly(label)) last.amounts.push(amount);
    else groups.push({ line, label, amounts: [amount] });
    from = amount.end;
  }
  const rest = line.text.slice(from).trim();
  if (!isCurrencyOnly(rest)) groups.push({ line, label: rest, amounts: [] });
  return groups;
}

/** A money-looking amount if there is one, else a bare number; never a negative one. */
function pick(amounts: readonly AmountToken[]): AmountToken | undefined {
  const usable = amounts.filter((a) => !a.negative);
  return usable.find((a) => a.moneyLike) ?? usable[0];
}

/** Trust in a value from how it was found, scaled by how sure the OCR was of its characters. */
function reading(line: TextLine, a: AmountToken, via: Placement): Reading {
  const { box, confidence: ocr } = rangeOf(line, a.start, a.end);
  const placement = via === "below" ? 0.85 : 1;
  const shape = a.moneyLike ? 1 : 0.85;
  return { value: a.poisha, box, confidence: placement * shape * (0.5 + 0.5 * ocr) };
}

class AmountPage {
  private readonly cache = new Map<TextLine, Group[]>();

  constructor(readonly lines: readonly TextLine[]) {}

  groups(line: TextLine): Group[] {
    let g = this.cache.get(line);
    if (!g) {
      g = splitGroups(line);
      this.cache.set(line, g);
    }
    return g;
  }

  /** The value of a label: after it on its line, else in the next cells of its row, else below. */
  valueOf(group: Group, lookBelow: boolean): Reading | undefined {
    const own = pick(group.amounts);
    if (own) return reading(group.line, own, "line");
    let bare: Reading | undefined;
    for (const next of rightOf(this.lines, group.line)) {
      const [first] = this.groups(next);
      if (!first) continue;
      if (!isCurrencyOnly(first.label)) break;
      const a = pick(first.amounts);
      if (!a) break;
      // A bare count may sit between a label and its amount (`TOTAL  2  7.00`).
      if (a.moneyLike) return reading(next, a, "row");
      bare ??= reading(next, a, "row");
    }
    if (bare || !lookBelow) return bare;
    const under = below(this.lines, group.line);
    const [first] = under ? this.groups(under) : [];
    const a = first && isCurrencyOnly(first.label) ? pick(first.amounts) : undefined;
    return under && a ? reading(under, a, "below") : undefined;
  }

  /** The label of a value standing alone in its cell: the nearest text to its left in the row. */
  rowLabelOf(line: TextLine): string {
    const left = this.lines
      .filter((l) => l !== line && sameRow(l.box, line.box) && l.box.x1 <= line.box.x0 + 2)
      .sort((a, b) => b.box.x1 - a.box.x1);
    for (const l of left) {
      const g = this.groups(l);
      if (g.length === 0) continue;
      return g.length === 1 && g[0]?.amounts.length === 0 ? g[0].label : "";
    }
    return "";
  }

  /** Rounding adjustments (`ROUNDING ADJ -0.02`): small amounts, with the line they are on. */
  roundings(): Array<{ line: TextLine; poisha: number; negative: boolean }> {
    return this.lines.flatMap((line) =>
      this.groups(line).flatMap((group) => {
        if (classifyAmountLabel(group.label)?.role !== "rounding") return [];
        const own = group.amounts[0];
        const next = own ? undefined : this.valueOf(group, false);
        const token = own ?? (next && { poisha: next.value, negative: false });
        return token && token.poisha > 0 && token.poisha < 100 ? [{ line, ...token }] : [];
      }),
    );
  }

  /** Every non-negative amount on lines starting at or below `y`, with where it was read. */
  amountsBelow(y: number): Map<number, Reading> {
    const out = new Map<number, Reading>();
    for (const line of this.lines.filter((l) => l.box.y0 >= y)) {
      for (const a of this.groups(line).flatMap((g) => g.amounts)) {
        if (!a.negative && !out.has(a.poisha)) out.set(a.poisha, reading(line, a, "line"));
      }
    }
    return out;
  }

  candidates(): Candidate[] {
    const out: Candidate[] = [];
    for (const line of this.lines) {
      const row = this.lines.filter((l) => sameRow(l.box, line.box)).map((l) => l.text);
      const header = isColumnHeaderRow(row);
      for (const group of this.groups(line)) {
        const kind = classifyAmountLabel(group.label);
        if (!kind || !("rank" in kind)) continue;
        const value = this.valueOf(group, !header);
        if (value) out.push({ ...value, role: kind.role, rank: kind.rank });
      }
    }
    return out;
  }

  /**
   * When no total is labelled: the amount repeated most often in the lower part of the page
   * (receipts repeat the total as subtotal, total and tax base), then the largest; payments,
   * change, counts and tax are left out.
   */
  unlabelledTotal(): ExtractedField<number> | undefined {
    const { top, bottom } = textExtent(this.lines);
    const seen = new Map<number, { count: number; reading: Reading }>();
    for (const line of this.lines) {
      if ((line.box.y0 + line.box.y1) / 2 < top + (bottom - top) / 3) continue;
      for (const group of this.groups(line)) {
        const label = isCurrencyOnly(group.label) ? this.rowLabelOf(line) : group.label;
        const kind = classifyAmountLabel(label);
        if (kind && kind.role !== "total" && kind.role !== "subtotal") continue;
        for (const a of group.amounts) {
          if (a.negative || !a.moneyLike || a.poisha === 0) continue;
          const entry = seen.get(a.poisha) ?? { count: 0, reading: reading(line, a, "line") };
          entry.count += 1;
          seen.set(a.poisha, entry);
        }
      }
    }
    const best = [...seen.values()].sort(
      (a, b) => b.count - a.count || b.reading.value - a.reading.value,
    )[0];
    if (!best) return undefined;
    const { value, box, confidence } = best.reading;
    return { value, box, confidence: confidence * (best.count > 1 ? 0.3 : 0.15) };
  }
}

/** The best candidate of a role: highest rank, then the largest amount. */
function best(cands: readonly Candidate[]): Candidate | undefined {
  return [...cands].sort((a, b) => b.rank - a.rank || b.value - a.value)[0];
}

const RANK_TRUST: Record<number, number> = { 4: 0.92, 3: 0.92, 2: 0.82, 1: 0.6 };

/**
 * A total read above a rounding adjustment is the amount before rounding; the amount paid is
 * total ± adjustment, and is written somewhere below the adjustment ("ROUNDING RM 45.35", the
 * cash line). Taken only when it is there to be read.
 */
function rounded(page: AmountPage, total: Candidate | undefined): Candidate | undefined {
  if (!total || total.rank >= 4) return total;
  for (const r of page.roundings()) {
    if (r.line.box.y0 <= total.box.y0) continue;
    const seen = page.amountsBelow(r.line.box.y0);
    const options = r.negative
      ? [total.value - r.poisha]
      : [total.value + r.poisha, total.value - r.poisha];
    const found = options.map((v) => seen.get(v)).find((v) => v !== undefined);
    if (found)
      return { ...total, value: found.value, box: found.box, confidence: total.confidence * 0.9 };
  }
  return total;
}

/** Confidence of a chosen candidate, lower when labels of the same rank disagree on the value. */
function trust(chosen: Candidate, all: readonly Candidate[], base: number): number {
  const peers = all.filter((c) => c.role === chosen.role && c.rank === chosen.rank);
  const disagree = peers.some((c) => c.value !== chosen.value);
  const agree = all.some((c) => c !== chosen && c.role === chosen.role && c.value === chosen.value);
  let conf = base * chosen.confidence * (disagree ? 0.75 : 1);
  if (agree) conf = 1 - (1 - conf) * 0.7;
  return conf;
}

function field(c: Candidate, confidence: number): ExtractedField<number> {
  return { value: c.value, confidence: Math.min(1, Math.max(0, confidence)), box: c.box };
}

/**
 * Total, subtotal and VAT from labelled amounts. The total prefers "grand/net total" labels over
 * "total", then the largest amount; subtotal + VAT = total raises all three confidences.
 */
export function extractAmounts(lines: readonly TextLine[]): AmountFields {
  const page = new AmountPage(lines);
  const cands = page.candidates();
  const totals = cands.filter((c) => c.role === "total");
  const subtotals = cands.filter((c) => c.role === "subtotal");
  const vats = cands.filter((c) => c.role === "vat");
  const total = rounded(page, best(totals));
  let subtotal = best(subtotals);
  let vat = best(vats.filter((v) => !total || v.value < total.value));
  // An exact subtotal + VAT = total is strong evidence that all three were read right.
  const sum =
    total &&
    subtotals
      .flatMap((s) => vats.map((v) => [s, v] as const))
      .find(([s, v]) => v.value > 0 && Math.abs(s.value + v.value - total.value) <= 1);
  if (sum) [subtotal, vat] = sum;
  const boost = (conf: number) => (sum ? 1 - (1 - conf) * 0.3 : conf);
  const out: AmountFields = {};
  if (total) out.total = field(total, boost(trust(total, cands, RANK_TRUST[total.rank] ?? 0.5)));
  else {
    const guess = page.unlabelledTotal();
    if (guess) out.total = guess;
  }
  if (subtotal)
    out.subtotal = field(subtotal, boost(trust(subtotal, cands, subtotal.rank > 1 ? 0.8 : 0.6)));
  if (vat) out.vat = field(vat, boost(trust(vat, cands, vat.rank > 1 ? 0.8 : 0.7)));
  return out;
}
