import { hasInWordsLabel } from "./amount-in-words";
import { confidenceOf, type Evidence } from "./confidence";
import { PERCENT, percentBp } from "./extract-vat-rate";
import type { ExtractedField, LineItem } from "./invoice";
import { classifyAmountLabel, dateLabelEnd } from "./label-words";
import type { Hit } from "./labelled-value";
import { findAmounts } from "./money";
import type { Box } from "./ocr";
import { rows, type TextLine, unionBox } from "./page-layout";
import { partyLabel } from "./party-labels";
import { type ColumnKind, headingsIn } from "./table-columns";

/**
 * The item table: found by its heading row (Description/বিবরণ, Qty/পরিমাণ, Rate/দর,
 * Amount/টাকা…), read row by row below it until the totals. In each row, quantity × unit price =
 * amount is searched for among its numbers, so a row is read right even where the columns are
 * not where the headings suggest; the headings' columns decide what arithmetic cannot.
 */

interface Word {
  text: string;
  box: Box;
  confidence: number;
  line: TextLine;
}

export interface Column {
  kind: ColumnKind;
  x0: number;
  x1: number;
}

/** A number in a row: its value in hundredths (poisha for money), where, and in which column. */
interface Num {
  value: number;
  moneyLike: boolean;
  box: Box;
  confidence: number;
  kind: ColumnKind | undefined;
  /** Digits alone, no point or grouping: its point may have been lost (`84000` for 840.00). */
  bare?: true;
  /** Taken as a hundredth of its digits, the point lost. */
  pointLost?: true;
}

export interface LineItems {
  field: ExtractedField<LineItem[]>;
  /** Evidence behind the items, for the arithmetic with the totals to add its check to. */
  evidence: Evidence;
  sum: number;
  /** VAT rates read in the table, in basis points. */
  rates: Hit<number>[];
}

const NUMERIC: readonly ColumnKind[] = ["quantity", "unitPrice", "amount", "gross"];
/** Column numbers printed under the headings of official forms: `(1) (2) (3)`. */
const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/u;
/** How far below the last row the table may go on: a blank ruled row or two on a memo pad. */
const MAX_GAP_ROWS = 4;

function wordsOf(line: TextLine): Word[] {
  return line.spans.map((s) => ({
    text: line.text.slice(s.start, s.end),
    box: s.box,
    confidence: s.confidence,
    line,
  }));
}

function height(b: Box): number {
  return Math.max(1, b.y1 - b.y0);
}

function isHeadingRow(row: readonly TextLine[]): boolean {
  if (row.some((l) => findAmounts(l.text).some((a) => a.moneyLike))) return false;
  const kinds = new Set(
    row.flatMap((l) => headingsIn(l.text).map((h) => h.kind)).filter((k) => k !== "other"),
  );
  const priced = kinds.has("amount") || kinds.has("unitPrice") || kinds.has("gross");
  return priced && (kinds.size >= 3 || kinds.has("quantity"));
}

function isColumnNumbers(text: string): boolean {
  return text.split(" ").every((w) => COLUMN_NUMBER.test(w));
}

/** Whether `row`, next to `neighbour`, only continues its headings: `(টাকায়)`, `(১) (২) (৩)`. */
function continuesHeadings(
  row: readonly TextLine[] | undefined,
  neighbour: readonly TextLine[] | undefined,
): boolean {
  const a = row?.[0];
  const b = neighbour?.[0];
  if (!row || !a || !b || Math.abs(a.box.y0 - b.box.y0) > 1.6 * height(b.box)) return false;
  const texts = row.map((l) => l.text);
  const numbers = texts.some((t) => findAmounts(t).length > 0 && !isColumnNumbers(t));
  return !numbers && texts.some((t) => headingsIn(t).length > 0 || /^\(.*\)$/u.test(t));
}

/** The heading row with up to two rows above and below that continue its headings. */
function headingBand(all: readonly TextLine[][], at: number): { band: TextLine[][]; next: number } {
  let first = at;
  while (at - first < 2 && continuesHeadings(all[first - 1], all[first])) first--;
  let last = at;
  while (last - at < 2 && continuesHeadings(all[last + 1], all[last])) last++;
  return { band: all.slice(first, last + 1), next: last + 1 };
}

/**
 * The columns of a heading band. Words stacked over each other, or next to each other within one
 * OCR line, form one heading; each heading found in it gives a column at its words' x-extent.
 */
function columnsOf(band: readonly TextLine[][]): Column[] {
  const words = band.flatMap((row, r) => row.flatMap((l) => wordsOf(l).map((w) => ({ w, r }))));
  const group = words.map((_, i) => i);
  const find = (i: number): number => {
    while (group[i] !== i) i = group[i] ?? i;
    return i;
  };
  const join = (a: number, b: number) => {
    group[find(a)] = find(b);
  };
  words.forEach((a, i) => {
    words.forEach((b, j) => {
      if (j <= i) return;
      const overlap = Math.min(a.w.box.x1, b.w.box.x1) - Math.max(a.w.box.x0, b.w.box.x0);
      const narrow = Math.min(a.w.box.x1 - a.w.box.x0, b.w.box.x1 - b.w.box.x0);
      const gap = Math.max(a.w.box.x0, b.w.box.x0) - Math.min(a.w.box.x1, b.w.box.x1);
      if (a.r !== b.r && overlap >= 0.3 * narrow) join(i, j);
      if (a.w.line === b.w.line && gap < 0.8 * height(a.w.box)) join(i, j);
    });
  });
  const stacks = new Map<number, typeof words>();
  words.forEach((x, i) => {
    const key = find(i);
    stacks.set(key, [...(stacks.get(key) ?? []), x]);
  });
  const columns: Column[] = [];
  for (const stack of stacks.values()) {
    const ordered = stack.sort((a, b) => a.r - b.r || a.w.box.x0 - b.w.box.x0).map((x) => x.w);
    const offsets: number[] = [];
    let text = "";
    for (const w of ordered) {
      offsets.push(text.length);
      text += `${w.text} `;
    }
    for (const h of headingsIn(text)) {
      const hit = ordered.filter((_, k) => {
        const at = offsets[k] ?? 0;
        return at < h.end && h.start < at + (ordered[k]?.text.length ?? 0);
      });
      const box = unionBox(hit.map((w) => w.box));
      columns.push({ kind: h.kind, x0: box.x0, x1: box.x1 });
    }
  }
  return columns.sort((a, b) => a.x0 - b.x0);
}

/** The column a point lies under: the heading spanning it, else the nearest heading. */
function columnAt(columns: readonly Column[], x: number): ColumnKind | undefined {
  let best: Column | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const c of columns) {
    const d = x < c.x0 ? c.x0 - x : x > c.x1 ? x - c.x1 : 0;
    if (d < distance) [best, distance] = [c, d];
  }
  return best?.kind;
}

/** The numbers of a row; in the quantity column, also `12kg`, `2.5কেজি`. */
function numbersOf(row: readonly TextLine[], columns: readonly Column[]): Num[] {
  const out: Num[] = [];
  for (const line of row) {
    for (const a of findAmounts(line.text)) {
      if (a.negative) continue;
      const hit = line.spans.filter((s) => s.start < a.end && a.start < s.end);
      const box = hit.length > 0 ? unionBox(hit.map((s) => s.box)) : line.box;
      const confidence = Math.min(...hit.map((s) => s.confidence), line.confidence);
      const kind = columnAt(columns, (box.x0 + box.x1) / 2);
      const bare = /^\d{5,}$/u.test(line.text.slice(a.start, a.end));
      out.push({
        value: a.poisha,
        moneyLike: a.moneyLike,
        box,
        confidence,
        kind,
        ...(bare && { bare }),
      });
    }
    for (const w of wordsOf(line)) {
      const m = /^(\d+(?:\.\d{1,3})?)\p{L}+$/u.exec(w.text);
      const kind = columnAt(columns, (w.box.x0 + w.box.x1) / 2);
      if (m?.[1] && kind === "quantity") {
        out.push({
          value: Math.round(Number(m[1]) * 100),
          moneyLike: false,
          box: w.box,
          confidence: w.confidence,
          kind,
        });
      }
    }
  }
  return joinPaisa(
    out.sort((a, b) => a.box.x0 - b.box.x0),
    columns,
  );
}

interface Parsed {
  quantity: Num;
  unitPrice: Num;
  amount: Num;
  verified: boolean;
}

/** What reading a figure with its point lost costs a row's parse: more than any column's say. */
const POINT_LOST_COST = 4;

/** quantity × unit price = amount, within a taka plus a poisha per unit of rounding. */
function multiplies(q: Num, p: Num, a: Num): boolean {
  const tolerance = 100 + q.value / 100;
  return (
    q.value > 0 &&
    p.value > 0 &&
    a.value > 0 &&
    Math.abs((q.value * p.value) / 100 - a.value) <= tolerance
  );
}

/**
 * Quantity, unit price and amount of a row: the numbers that multiply out, preferring those in
 * their own columns, then the leftmost amount (the net amount comes before VAT and gross); else
 * what the columns say, unverified.
 */
function parseRow(nums: readonly Num[], amountColumn: boolean): Parsed | undefined {
  let best: { parsed: Parsed; score: number } | undefined;
  // Each number as read, and a bare one also with its point lost: a price or amount so taken
  // only where it multiplies out, and after any reading as written does.
  const readings = nums.map((n) =>
    n.bare ? [n, { ...n, value: n.value / 100, moneyLike: true, pointLost: true as const }] : [n],
  );
  readings.forEach((asA, k) => {
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        for (const x of readings[i] ?? []) {
          for (const y of readings[j] ?? []) {
            for (const a of asA) {
              if (!multiplies(x, y, a)) continue;
              // The count is the one in the quantity column, else the one not money-shaped, else
              // the left; a count has no point to lose.
              const yIsCount =
                y.kind === "quantity" || x.kind === "unitPrice" || (!y.moneyLike && x.moneyLike);
              const [q, p] = yIsCount ? [y, x] : [x, y];
              if (q.pointLost) continue;
              const score =
                (q.kind === "quantity" ? 1 : 0) +
                (p.kind === "unitPrice" ? 1 : 0) +
                (a.kind === "amount" ? 1 : 0) -
                (p.pointLost || a.pointLost ? POINT_LOST_COST : 0);
              if (!best || score > best.score)
                best = { parsed: { quantity: q, unitPrice: p, amount: a, verified: true }, score };
            }
          }
        }
      }
    }
  });
  if (best) return best.parsed;
  // Unchecked, only a number under the amount heading is an amount (not `1.5` in `ক্যাবল 1.5 আরএম`).
  const amount = [...nums]
    .reverse()
    .find((n) => (amountColumn ? n.kind === "amount" : n.moneyLike));
  if (!amount) return undefined;
  const quantity = nums.find((n) => n.kind === "quantity" && n !== amount && n.value > 0);
  const unitPrice = nums.find((n) => n.kind === "unitPrice" && n !== amount);
  const one: Num = { ...amount, value: 100, moneyLike: false };
  const q = quantity ?? one;
  const price = unitPrice ?? { ...amount, value: Math.round((amount.value * 100) / q.value) };
  return { quantity: q, unitPrice: price, amount, verified: false };
}

/** A row closing the table: a totals label (Total, VAT, মোট, Paid…) or the amount in words. */
function endsTable(row: readonly TextLine[]): boolean {
  const text = row.map((l) => l.text).join(" ");
  const first = findAmounts(text)[0];
  const label = text.slice(0, first?.start).trim();
  const kind = label === "" ? null : classifyAmountLabel(label);
  // "Three-Piece" names counted things only when an amount follows ("Total Pcs 12").
  const totals = kind !== null && (kind.role !== "other" || first !== undefined);
  return (
    totals ||
    hasInWordsLabel(text) ||
    dateLabelEnd(text) >= 0 ||
    row.some((l) => partyLabel(l.text) !== undefined)
  );
}

/** The description: the row's words left of its first number used, less a leading serial number. */
function descriptionOf(
  row: readonly TextLine[],
  parsed: Parsed,
  columns: readonly Column[],
): string {
  const firstX = Math.min(parsed.amount.box.x0, parsed.quantity.box.x0, parsed.unitPrice.box.x0);
  const words = row
    .flatMap(wordsOf)
    .filter(
      (w) => w.box.x1 <= firstX + 1 && columnAt(columns, (w.box.x0 + w.box.x1) / 2) !== "unit",
    )
    .sort((a, b) => a.box.x0 - b.box.x0);
  const [lead] = words;
  const serial =
    lead &&
    /^\d{1,3}[.)]?$/u.test(lead.text) &&
    columnAt(columns, (lead.box.x0 + lead.box.x1) / 2) !== "description";
  return (serial ? words.slice(1) : words)
    .map((w) => w.text)
    .join(" ")
    .replace(/^[\s.\-–:|]+|[\s.\-–:|]+$/gu, "");
}

/** The row's VAT rate: a percentage under the VAT-rate heading, or anywhere if there is none. */
function rateOf(row: readonly TextLine[], columns: readonly Column[]): Hit<number> | undefined {
  const rateColumn = columns.some((c) => c.kind === "vatRate");
  for (const line of row) {
    for (const m of line.text.matchAll(PERCENT)) {
      const hit = line.spans.filter((s) => s.start < m.index + m[0].length && m.index < s.end);
      const box = hit.length > 0 ? unionBox(hit.map((s) => s.box)) : line.box;
      const kind = columnAt(columns, (box.x0 + box.x1) / 2);
      if (!m[1] || (rateColumn ? kind !== "vatRate" : kind === "other")) continue;
      const value = percentBp(m[1]);
      return { line, start: m.index, end: m.index + m[0].length, value, placement: "line" };
    }
  }
  return undefined;
}

/** The line items of the page's item table, or undefined when there is no table to read. */
/** The item table's heading: its columns, and the rows below it. */
function tableOf(lines: readonly TextLine[]) {
  const all = rows(lines);
  const at = all.findIndex(isHeadingRow);
  if (at < 0) return undefined;
  const { band, next } = headingBand(all, at);
  return { columns: columnsOf(band), band, body: all.slice(next) };
}

/** The columns of the item table when it writes paisa in a column of their own (memo pads). */
export function paisaColumns(lines: readonly TextLine[]): readonly Column[] | undefined {
  const columns = tableOf(lines)?.columns;
  return columns?.some((c) => c.kind === "paisa") ? columns : undefined;
}

/**
 * Amounts written as taka and paisa in two columns (`3,600 | 50`) joined into one: a whole-taka
 * amount followed by a number under the paisa heading.
 */
export function joinPaisa<T extends { value: number; moneyLike: boolean; box: Box }>(
  reads: readonly T[],
  columns: readonly Column[] | undefined,
): T[] {
  if (!columns) return [...reads];
  const out: T[] = [];
  for (const r of reads) {
    const last = out.at(-1);
    const paisa = columnAt(columns, (r.box.x0 + r.box.x1) / 2) === "paisa";
    if (last && paisa && !r.moneyLike && r.value < 10_000 && last.value % 100 === 0) {
      out[out.length - 1] = {
        ...last,
        value: last.value + r.value / 100,
        box: unionBox([last.box, r.box]),
      };
    } else out.push(r);
  }
  return out;
}

/** The line items of the page's item table, or undefined when there is no table to read. */
export function extractLineItems(lines: readonly TextLine[]): LineItems | undefined {
  const table = tableOf(lines);
  if (!table) return undefined;
  const { columns, band, body } = table;
  const numericLeft = Math.min(...columns.filter((c) => NUMERIC.includes(c.kind)).map((c) => c.x0));
  const items: LineItem[] = [];
  const used: Box[] = [];
  const rates: Hit<number>[] = [];
  let ocr = 1;
  let verified = 0;
  // A hand that loses its points on rows that multiply out lost them on the rows that do not.
  let pointsLost = false;
  const unsureBare: number[] = [];
  let lastBottom = band.at(-1)?.[0]?.box.y1 ?? 0;
  const pending: string[] = [];
  for (const row of body) {
    const top = Math.min(...row.map((l) => l.box.y0));
    const h = height(row[0]?.box ?? { x0: 0, y0: 0, x1: 0, y1: 1 });
    if (top - lastBottom > MAX_GAP_ROWS * 1.5 * h) break;
    if (row.every((l) => isColumnNumbers(l.text))) continue;
    const nums = numbersOf(row, columns);
    const parsed = parseRow(
      nums,
      columns.some((c) => c.kind === "amount"),
    );
    if (!parsed?.verified && endsTable(row)) break;
    // An amount that the rows above add up to, on a row that does not multiply out, is their total,
    // its label misread (`IE 54,440`); under one item, its figures repeated (`t 440.00 66.00 506.00`).
    const sofar = items.reduce((sum, i) => sum + i.amount, 0);
    if (parsed && !parsed.verified && items.length >= 1 && parsed.amount.value === sofar) break;
    lastBottom = Math.max(...row.map((l) => l.box.y1));
    if (!parsed) {
      // Text left of the numeric columns: a description on a row of its own.
      const right = Math.max(...row.map((l) => l.box.x1));
      if (nums.length === 0 || right < numericLeft) pending.push(row.map((l) => l.text).join(" "));
      continue;
    }
    const rate = rateOf(row, columns);
    const own = descriptionOf(row, parsed, columns);
    // Above a row without one, it is that row's (a till's two-line item); else it wrapped.
    const previous = items.at(-1);
    if (own && previous && pending.length > 0) {
      previous.description = [previous.description, ...pending].join(" ").trim();
    }
    const description = own || pending.join(" ");
    pending.length = 0;
    items.push({
      description,
      quantity: parsed.quantity.value / 100,
      unitPrice: parsed.unitPrice.value,
      amount: parsed.amount.value,
      ...(rate && { vatRate: rate.value / 10_000 }),
    });
    if (rate) rates.push(rate);
    if (parsed.verified) verified++;
    if (parsed.amount.pointLost || parsed.unitPrice.pointLost) pointsLost = true;
    if (!parsed.verified && parsed.amount.bare) unsureBare.push(items.length - 1);
    used.push(...row.map((l) => l.box));
    ocr = Math.min(
      ocr,
      parsed.amount.confidence,
      parsed.quantity.confidence,
      parsed.unitPrice.confidence,
    );
  }
  const last = items.at(-1);
  if (last && pending.length > 0) last.description = [last.description, ...pending].join(" ");
  for (const item of pointsLost ? unsureBare.map((i) => items[i]) : []) {
    if (!item) continue;
    item.amount /= 100;
    item.unitPrice /= 100;
  }
  if (items.length === 0) return undefined;
  const evidence: Evidence = {
    source: "label",
    ocr,
    checks: [{ kind: "itemArithmetic", agrees: verified === items.length }],
  };
  return {
    field: { value: items, confidence: confidenceOf(evidence), box: unionBox(used) },
    evidence,
    sum: items.reduce((s, i) => s + i.amount, 0),
    rates,
  };
}
