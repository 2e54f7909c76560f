import { confidenceOf, type Evidence, type Placement, type Source, withCheck } from "./confidence";
import { extractAmountInWords, wordsNamePaisa } from "./extract-amount-in-words";
import { type Column, extractLineItems, joinPaisa, paisaColumns } from "./extract-line-items";
import { readVatRates, vatRateField } from "./extract-vat-rate";
import type { DocumentType, ExtractedField, ExtractedFields } from "./invoice";
import { classifyAmountLabel, isColumnHeaderRow, isCurrencyOnly, mentionsTax } from "./label-words";
import { type AmountToken, findAmounts, parseAmount } from "./money";
import type { Box } from "./ocr";
import { below, rangeOf, rightOf, sameRow, type TextLine, textExtent } from "./page-layout";
import {
  type AmountCandidate,
  type AmountRole,
  type Chosen,
  legalRateOf,
  reconcileAmounts,
} from "./reconcile-amounts";

/**
 * The money on a page: labelled amounts (totals, subtotals, VAT, discounts) read as candidates,
 * the line items, VAT rates and the total in words read beside them, and the arithmetic in
 * `reconcile-amounts` choosing among them.
 */

/** A stretch of a line: label text and the amounts written after it. */
interface Group {
  line: TextLine;
  label: string;
  amounts: AmountToken[];
}

/** One amount as read: where, how sure the OCR was, and whether it looks like money. */
interface Read {
  value: number;
  box: Box;
  ocr: number;
  placement: Placement;
  moneyLike: boolean;
  /** Written without point or grouping (`৩১৩৯৫০`, `1495 টাকা`): its scale rests on other figures. */
  unpointed: boolean;
  negative: boolean;
  /** Read as Bengali ৪s for the Latin 8s they look like: perhaps twice as much. */
  lookalike: boolean;
  /**
   * What the same marks may have meant, taken only where the arithmetic confirms it: four or more
   * bare digits with their decimal point lost (`১৫৬৪৪০০` for `১৫৬৪৪.০০`), or a thousands comma
   * read as the digit 1 it resembles (`২১২৬৮/-` for `২,২৬৮/-`) or as itself and a 1
   * (`2,193,370.00`), or a taka sign read as a digit it resembles (`৮৫৫০৫/-` for `৳৫৫০৫/-`).
   */
  alternatives: number[];
}

// `15644.00` with the point unseen: digits, perhaps after or before a currency mark, and no `/-`.
const BARE_DIGITS = /^(?:৳|tk\.?\s*)?\d{4,}(?:\s*(?:৳|tk\.?|taka|টাকা))?$/iu;
// A 1 where a thousands comma goes, in an amount with no comma of its own.
const ONE_FOR_COMMA = /^(?:৳|tk\.?\s*)?(\d{1,3})1(\d{3}(?:\.\d{2})?)(?:\/[-=])?$/iu;

function alternativesOf(text: string, value: number, takaAsDigit: boolean): number[] {
  const out: number[] = [];
  // The sign read as one digit, or as two (`৭৬৬,২১০.০০` for ৳৬,২১০.০০).
  for (const cut of takaAsDigit ? [1, 2] : []) {
    const signless = /\d/u.test(text[cut] ?? "") && parseAmount(text.slice(cut));
    if (signless) out.push(signless);
  }
  if (BARE_DIGITS.test(text)) out.push(value / 100);
  const comma = ONE_FOR_COMMA.exec(text);
  const fixed = comma && parseAmount(`${comma[1]}${comma[2]}`);
  if (fixed) out.push(fixed);
  out.push(...withoutOneByComma(text));
  return out;
}

// Millions grouped the Western way, which Bangladeshi figures are not: a lakh's comma read with
// a digit beside it (`১,২০৮,৩১৮.০০` for ১,০৮,৩১৮.০০), whatever the digit.
const WESTERN_MILLIONS = /^(?:৳|tk\.?\s*)?\d{1,3}(?:,\d{3}){2,}(?:\.\d{2})?(?:\/[-=])?$/iu;

/**
 * `2,193,370.00` for `2,93,370.00`: a comma read as a comma and a 1 beside it. Each 1 next to a
 * comma left out (any digit, in millions grouped the Western way), where the rest is still an
 * amount grouped right.
 */
function withoutOneByComma(text: string): number[] {
  const out: number[] = [];
  const anyDigit = WESTERN_MILLIONS.test(text);
  for (let i = 0; i < text.length; i++) {
    const spurious = anyDigit ? /\d/u.test(text[i] ?? "") : text[i] === "1";
    if (!spurious || (text[i - 1] !== "," && text[i + 1] !== ",")) continue;
    const value = parseAmount(`${text.slice(0, i)}${text.slice(i + 1)}`);
    if (value && !out.includes(value)) out.push(value);
  }
  return out;
}

const SPECK = /^[\p{Ll}\p{P}]{1,3}$/u;
// A figure garbled past reading, its digits among stray letters and marks (`b,s8.00` for ৯,১১৪.০০
// in a Mushak totals row): one of the row's column sums, not a label.
const GARBLED_FIGURE = /^(?=\S*\d)(?!\S*\p{L}{2})(?!\S*%)\S+$/u;

/** Splits `TOTAL SAVING: 0.00 TOTAL 25.85` into labelled groups of amounts. */
function splitGroups(line: TextLine): Group[] {
  const groups: Group[] = [];
  let from = 0;
  for (const amount of findAmounts(line.text)) {
    const label = line.text.slice(from, amount.start).trim();
    const last = groups.at(-1);
    // `TOTAL 6.60 0.40 7.00`: amounts with nothing between them share the label before them.
    // So do amounts with only a speck between them that OCR read as a mark or two (`36 of- 5,160/-`),
    // or a figure garbled past reading.
    if (last && (isCurrencyOnly(label) || SPECK.test(label) || GARBLED_FIGURE.test(label))) {
      last.amounts.push(amount);
    } else groups.push({ line, label, amounts: [amount] });
    from = amount.end;
  }
  const rest = line.text.slice(from).trim();
  if (!isCurrencyOnly(rest)) groups.push({ line, label: rest, amounts: [] });
  return groups;
}

/** One taka (or ringgit), in minor units. */
const ONE_UNIT = 100;

// A sign no amount is written with, glued to one: the figure was garbled (`18,800.3¢` for
// ৪,৪৩৩.২৫), however sure the OCR says it was of the word.
const GLUED_SIGN = /[¢©®§?!]/u;
const GARBLED_OCR = 0.5;

// A word read unsure right before a figure, of Latin letters or digits and no currency mark
// (`সর্বমোট wn, ১৯৮.৫০` for ২,৮২,১৯৮.৫০): the figure's first digits may be in it, the figure
// only its tail.
const UNSURE_LEAD = 0.6;
const LEAD_MAY_BE_DIGITS = /^[^\p{Script=Bengali}]*[\p{L}\d][^\p{Script=Bengali}]*$/u;

function leadConfidence(line: TextLine, start: number): number {
  const lead = line.spans.filter((s) => s.end <= start).at(-1);
  if (!lead || lead.confidence >= UNSURE_LEAD) return 1;
  const text = line.text.slice(lead.start, lead.end);
  const currency = /^(?:৳|tk\.?|bdt|taka|rs\.?)$/iu.test(text.replace(/[:.,]+$/u, ""));
  return !currency && LEAD_MAY_BE_DIGITS.test(text) ? lead.confidence : 1;
}

function read(line: TextLine, a: AmountToken, placement: Placement): Read {
  const { box, confidence, takaAsDigit, lookalike } = rangeOf(line, a.start, a.end);
  const garbled = [line.text[a.start - 1], line.text[a.end]].some((c) => GLUED_SIGN.test(c ?? ""));
  return {
    value: a.poisha,
    box,
    ocr: Math.min(garbled ? GARBLED_OCR : 1, confidence, leadConfidence(line, a.start)),
    placement,
    moneyLike: a.moneyLike,
    unpointed: !/[.,]/u.test(line.text.slice(a.start, a.end)),
    negative: a.negative,
    lookalike,
    alternatives: alternativesOf(line.text.slice(a.start, a.end), a.poisha, takaAsDigit),
  };
}

/** The amount a label means first: a money-looking one if there is one, else the first. */
function preferredFirst(reads: Read[]): Read[] {
  const i = Math.max(
    0,
    reads.findIndex((r) => r.moneyLike),
  );
  return [...reads.slice(i, i + 1), ...reads.slice(0, i), ...reads.slice(i + 1)];
}

/**
 * The amounts of a line read, each also as joined to the next where a space may have split one
 * figure (`Grand Total 69 7.50` for 697.50): one to three bare digits, only spaces, then digits;
 * or more digits, then two and `/-` (`4389 00/-` for 438900/-).
 */
function withSplitJoined(line: TextLine, amounts: readonly AmountToken[]): Read[] {
  return amounts.map((a, i) => {
    const r = read(line, a, "line");
    const next = amounts[i + 1];
    const head = line.text.slice(a.start, a.end);
    const tail = next ? line.text.slice(next.start, next.end) : "";
    // Or more digits before a tail of two and `/-`, which no amount is alone (`4389 00/-`).
    const split =
      /^\d{1,3}$/u.test(head) || (/^\d{4,6}$/u.test(head) && /^\d{2}\/[-=]$/u.test(tail));
    if (!next || !split || line.text.slice(a.end, next.start).trim() !== "") return r;
    const joined = parseAmount(`${head}${tail}`);
    return joined ? { ...r, alternatives: [...r.alternatives, joined] } : r;
  });
}

/** The largest amount of the usual money shape first, the rest in their order. */
function largestFirst(reads: Read[]): Read[] {
  const money = reads.filter((r) => r.moneyLike);
  if (money.length === 0) return reads;
  const top = money.reduce((a, b) => (b.value > a.value ? b : a));
  return [top, ...reads.filter((r) => r !== top)];
}

/** How strong a label of a role and rank is, as evidence. */
function sourceOf(role: AmountRole, rank: number): Source {
  if (role === "total") return rank >= 3 ? "strongLabel" : rank === 2 ? "label" : "weakLabel";
  return rank >= 2 || role === "vat" ? "label" : "weakLabel";
}

function evidenceOf(r: Read, source: Source): Evidence {
  const pointMayBeLost = !r.moneyLike && r.value >= 10_000_000 && r.value % 10_000 === 0;
  return {
    source,
    placement: r.placement,
    ocr: r.ocr,
    usualShape: r.moneyLike,
    scaleInDoubt: pointMayBeLost || r.lookalike,
    unpointed: r.unpointed,
  };
}

/** The amounts of a line that two amounts before them on it add up to. */
function rowSums(line: TextLine): Set<number> {
  const values = findAmounts(line.text)
    .filter((a) => !a.negative && a.moneyLike && a.poisha > 0)
    .map((a) => a.poisha);
  return new Set(
    values.filter((c, k) =>
      values.slice(0, k).some((a, i) => values.slice(i + 1, k).some((b) => a + b === c)),
    ),
  );
}

/** The page's lines with their labelled groups, read once. */
class AmountPage {
  private readonly cache = new Map<TextLine, Group[]>();

  constructor(
    readonly lines: readonly TextLine[],
    /** The item table's columns when it writes paisa apart (`5,525 | 50`). */
    private readonly paisa?: readonly Column[],
  ) {}

  private groups(line: TextLine): Group[] {
    let g = this.cache.get(line);
    if (!g) {
      g = splitGroups(line);
      this.cache.set(line, g);
    }
    return g;
  }

  /**
   * The amounts of a label, preferred first: after it on its line, else in the next cells of its
   * row (up to the next label), else in the cell below. A discount may be written negative.
   */
  private valuesOf(group: Group, lookBelow: boolean, negative: boolean): Read[] {
    const usable = (amounts: AmountToken[]) => amounts.filter((a) => negative || !a.negative);
    const joined = (reads: Read[]) => preferredFirst(joinPaisa(reads, this.paisa));
    const own = withSplitJoined(group.line, usable(group.amounts));
    // A label's line ends at a column's edge: a total row's sums (net, VAT, total) go on in the
    // cells after it, when this is the line's last label.
    const row: Read[] = [];
    if (this.groups(group.line).at(-1) === group) {
      for (const next of rightOf(this.lines, group.line)) {
        const [first] = this.groups(next);
        if (!first) continue;
        const amounts = usable(first.amounts);
        if (!isCurrencyOnly(first.label) || amounts.length === 0) break;
        row.push(...amounts.map((a) => read(next, a, "row")));
      }
    }
    if (own.length > 0 || row.length > 0 || !lookBelow) return joined([...own, ...row]);
    const under = below(this.lines, group.line);
    const [first] = under ? this.groups(under) : [];
    const amounts = first && isCurrencyOnly(first.label) ? usable(first.amounts) : [];
    return under ? joined(amounts.map((a) => read(under, a, "below"))) : [];
  }

  /** The label of a value standing alone in its cell: the nearest text to its left in the row. */
  private rowLabelOf(line: TextLine): string {
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

  /** Every labelled total, subtotal, VAT and discount amount on the page. */
  candidates(): AmountCandidate[] {
    const out: AmountCandidate[] = [];
    for (const line of this.lines) {
      const row = this.lines.filter((l) => sameRow(l.box, line.box)).map((l) => l.text);
      const header = isColumnHeaderRow(row);
      for (const group of this.groups(line)) {
        const kind = classifyAmountLabel(group.label);
        if (!kind || !("rank" in kind)) continue;
        // No invoice totals less than one taka (or ringgit): `সর্বমোট ০০`, `.80` are what OCR
        // left of a figure, not a total.
        const values = this.valuesOf(group, !header, kind.role === "discount").filter(
          (r) => r.value >= ONE_UNIT || (kind.role !== "total" && kind.role !== "subtotal"),
        );
        const shared = values.length > 1;
        // A total's row of column sums (net, VAT, total) ends with the largest, the grand total.
        const reads = kind.role === "total" && shared ? largestFirst(values) : values;
        const source = sourceOf(kind.role, kind.rank);
        reads.forEach((r, i) => {
          out.push({
            role: kind.role,
            rank: kind.rank,
            value: r.value,
            box: r.box,
            evidence: evidenceOf(r, source),
            ...(shared && { shared, alternate: i > 0 }),
          });
          for (const value of r.alternatives) {
            out.push({
              role: kind.role,
              rank: kind.rank,
              value,
              box: r.box,
              evidence: { ...evidenceOf(r, source), repaired: true, scaleInDoubt: false },
              shared: true,
              alternate: true,
            });
          }
        });
      }
    }
    return out;
  }

  /**
   * When no total is labelled: the amount repeated most often in the lower part of the page
   * (receipts repeat the total as subtotal, total and tax base), then the largest; payments,
   * change, counts and tax are left out.
   */
  unlabelledTotal(): AmountCandidate | undefined {
    const { top, bottom } = textExtent(this.lines);
    const seen = new Map<number, { count: number; sum: boolean; read: Read }>();
    for (const line of this.lines) {
      if ((line.box.y0 + line.box.y1) / 2 < top + (bottom - top) / 3) continue;
      const sums = rowSums(line);
      for (const group of this.groups(line)) {
        const label = isCurrencyOnly(group.label) ? this.rowLabelOf(line) : group.label;
        const kind = classifyAmountLabel(label);
        if (kind && kind.role !== "total" && kind.role !== "subtotal") continue;
        for (const a of group.amounts) {
          if (a.negative || !a.moneyLike || a.poisha === 0) continue;
          const entry = seen.get(a.poisha) ?? {
            count: 0,
            sum: false,
            read: read(line, a, "line"),
          };
          entry.count += 1;
          entry.sum ||= sums.has(a.poisha);
          seen.set(a.poisha, entry);
        }
      }
    }
    // A row's sum (net, VAT, gross: a Mushak-6.3's totals row whose label was lost) before the
    // amount printed most often, the largest such sum first.
    const best = [...seen.values()].sort(
      (a, b) => Number(b.sum) - Number(a.sum) || b.count - a.count || b.read.value - a.read.value,
    )[0];
    if (!best) return undefined;
    const { read: r, count } = best;
    const guessed = evidenceOf(r, "guess");
    const evidence = count > 1 ? withCheck(guessed, "repeated", true) : guessed;
    return { role: "total", rank: 0, value: r.value, box: r.box, evidence };
  }

  /**
   * What the customer paid, as total candidates of no label rank: each amount tendered (cash,
   * card, bKash) less the change given, when the page prints change; else as tendered.
   */
  payments(): AmountCandidate[] {
    const tenders: Read[] = [];
    const changes: Read[] = [];
    for (const line of this.lines) {
      for (const group of this.groups(line)) {
        const kind = classifyAmountLabel(group.label);
        if (kind?.role !== "payment" || kind.kind === "other") continue;
        const [first] = this.valuesOf(group, false, false);
        if (!first) continue;
        if (kind.kind === "tender") tenders.push(first);
        else changes.push(first);
      }
    }
    const candidate = (r: Read, change: number): AmountCandidate => ({
      role: "total",
      rank: 0,
      value: r.value - change,
      box: r.box,
      evidence: evidenceOf(r, "derived"),
      ...(change > 0 && { computed: true }),
    });
    // Change is less than what was tendered: above it, its decimal point was lost (`Change 2175`).
    const given = (t: Read, c: Read) => [c.value, ...c.alternatives].find((v) => v < t.value);
    return tenders.flatMap((t) =>
      changes.length === 0
        ? [candidate(t, 0)]
        : changes.flatMap((c) => {
            const change = given(t, c);
            return change === undefined ? [] : [candidate(t, change)];
          }),
    );
  }

  /** The rounding adjustments printed on the page, signed poisha; an unsigned one either way. */
  adjustments(): number[] {
    return this.roundings().flatMap((r) => (r.negative ? [-r.poisha] : [r.poisha, -r.poisha]));
  }

  /** Rounding adjustments (`ROUNDING ADJ -0.02`): small amounts, with the line they are on. */
  private roundings(): Array<{ line: TextLine; poisha: number; negative: boolean }> {
    return this.lines.flatMap((line) =>
      this.groups(line).flatMap((group) => {
        if (classifyAmountLabel(group.label)?.role !== "rounding") return [];
        const own = group.amounts[0];
        const next = own ? undefined : this.valuesOf(group, false, true)[0];
        const token = own ?? (next && { poisha: next.value, negative: next.negative });
        return token && token.poisha > 0 && token.poisha < 100 ? [{ line, ...token }] : [];
      }),
    );
  }

  /** Every non-negative amount on lines starting at or below `y`, with where it was read. */
  private amountsBelow(y: number): Map<number, Read> {
    const out = new Map<number, Read>();
    for (const line of this.lines.filter((l) => l.box.y0 >= y)) {
      for (const a of this.groups(line).flatMap((g) => g.amounts)) {
        if (!a.negative && !out.has(a.poisha)) out.set(a.poisha, read(line, a, "line"));
      }
    }
    return out;
  }

  /**
   * A total read above a rounding adjustment is the amount before rounding; the amount paid is
   * total ± adjustment, and is written somewhere below the adjustment ("ROUNDING RM 45.35", the
   * cash line). Taken only when it is there to be read, and never after a "rounded total" label.
   */
  afterRounding(total: Chosen): Chosen {
    const box = total.box;
    if (!box || (total.rank ?? 0) >= 4) return total;
    for (const r of this.roundings()) {
      if (r.line.box.y0 <= box.y0) continue;
      const seen = this.amountsBelow(r.line.box.y0);
      const options = r.negative
        ? [total.value - r.poisha]
        : [total.value + r.poisha, total.value - r.poisha];
      const found = options.map((v) => seen.get(v)).find((v) => v !== undefined);
      if (found)
        return {
          ...total,
          value: found.value,
          box: found.box,
          evidence: { ...total.evidence, adjusted: true },
        };
    }
    return total;
  }
}

function toField(c: Chosen): ExtractedField<number> {
  return { value: c.value, confidence: confidenceOf(c.evidence), ...(c.box && { box: c.box }) };
}

/** OCR confidence of a line read clearly; a page with fewer such lines may have lost its VAT line. */
const CLEAR_LINE = 0.8;
const MIN_CLEAR_LINES = 5;

export type AmountFields = Pick<
  ExtractedFields,
  "total" | "subtotal" | "vat" | "discount" | "vatRate" | "amountInWords" | "lineItems"
>;

/**
 * Total, subtotal, VAT, discount, VAT rate, the total in words and the line items, each trusted
 * as far as the arithmetic between them holds. A cash memo carries no VAT (it gives no credit),
 * so with no VAT read on one, VAT and its rate are zero; so too on a page that names no tax.
 */
export function extractAmounts(
  lines: readonly TextLine[],
  documentType: DocumentType,
): AmountFields {
  const page = new AmountPage(lines, paisaColumns(lines));
  const items = extractLineItems(lines);
  const words = extractAmountInWords(lines);
  const guess = page.unlabelledTotal();
  const rates = [...readVatRates(lines), ...(items?.rates ?? [])];
  const reconciled = reconcileAmounts({
    candidates: page.candidates(),
    rates: rates.map((r) => r.value),
    adjustments: page.adjustments(),
    paid: page.payments(),
    ...(items && {
      itemsSum: items.sum,
      itemsChecked: items.evidence.checks?.every((c) => c.agrees),
    }),
    ...(words ? { words } : { paisaInWords: wordsNamePaisa(lines) }),
    ...(guess && { guess }),
  });
  const { total, subtotal, vat, discount, wordsAgree, itemsAgree } = reconciled;
  const out: AmountFields = {};
  if (total) out.total = toField(page.afterRounding(total));
  if (subtotal) out.subtotal = toField(subtotal);
  if (discount) out.discount = toField(discount);
  if (vat) out.vat = toField(vat);
  const vatRate = vatRateField(rates, reconciled);
  if (vatRate) out.vatRate = vatRate;
  // A receipt or bill read clearly, that names no tax anywhere and whose total is not more than
  // its net, was sold without VAT. (A page too faint to read names nothing.) Items summing to less
  // than the total show VAT left unlabelled only when the difference is VAT on them: else an item
  // was misread.
  const net = subtotal?.value ?? items?.sum;
  const vatOnTop =
    total !== undefined &&
    net !== undefined &&
    total.value > net &&
    (subtotal !== undefined || legalRateOf(total.value - net, net) !== undefined);
  const clearLines = lines.filter((l) => l.confidence >= CLEAR_LINE).length;
  const taxFree =
    documentType !== "mushak_6_3" &&
    clearLines >= MIN_CLEAR_LINES &&
    !lines.some((l) => mentionsTax(l.text)) &&
    !vatOnTop;
  if (!vat && (documentType === "cash_memo" || taxFree)) {
    const source = documentType === "cash_memo" ? "typical" : "assumed";
    const none = { value: 0, confidence: confidenceOf({ source }) };
    out.vat = none;
    out.vatRate ??= none;
  }
  // Without VAT or discount the amount before them is the total: as sure as the two it follows from.
  if (!out.subtotal && out.total && out.vat?.value === 0 && !out.discount) {
    const confidence = Math.min(out.total.confidence, out.vat.confidence);
    out.subtotal = { value: out.total.value, confidence };
  }
  if (words) {
    const e =
      wordsAgree === undefined ? words.evidence : withCheck(words.evidence, "words", wordsAgree);
    out.amountInWords = toField({ ...words, evidence: e });
  }
  if (items) {
    const e =
      itemsAgree === undefined
        ? items.evidence
        : withCheck(items.evidence, "arithmetic", itemsAgree);
    out.lineItems = { ...items.field, confidence: confidenceOf(e) };
  }
  return out;
}
