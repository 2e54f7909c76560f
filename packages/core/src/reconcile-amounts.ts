import { type Check, type Evidence, withCheck } from "./confidence";
import type { Box } from "./ocr";

/**
 * Arithmetic to choose among amount candidates. An invoice's amounts must agree:
 * line items → subtotal, subtotal − discount + VAT = total, VAT = (subtotal − discount) × rate,
 * and the amount in words = total. Of all the ways to read the candidates, the one satisfying the
 * most of these wins; labels decide only between equally consistent readings. Checks that hold
 * raise the confidence of the values in them, checks that fail lower it.
 */

export type AmountRole = "total" | "subtotal" | "vat" | "discount";

export interface AmountCandidate {
  role: AmountRole;
  /** Strength of its label within the role; higher is surer. */
  rank: number;
  /** Poisha. */
  value: number;
  /** One of several amounts after one label (a row of column sums): it may play any role. */
  shared?: boolean;
  /** A shared amount other than the one the label would pick: a role only by arithmetic. */
  alternate?: boolean;
  /** Computed, not printed (tendered less change). */
  computed?: boolean;
  evidence: Evidence;
  box?: Box;
}

export interface AmountFacts {
  candidates: readonly AmountCandidate[];
  /** Sum of the line items' amounts, when a table was read. */
  itemsSum?: number;
  /** Whether each item row's quantity × price made its amount: else its sum confirms little. */
  itemsChecked?: boolean;
  /** The amount written in words. */
  words?: AmountCandidate;
  /** The amount in words, unread, names paisa: the total is not whole taka. */
  paisaInWords?: boolean;
  /** VAT rates read on the page, in basis points (15% = 1500). */
  rates: readonly number[];
  /** Rounding adjustments printed on the page (signed poisha): the total may include one. */
  adjustments?: readonly number[];
  /** What the page says was paid (tendered less change): the total, unless misread. */
  paid?: readonly AmountCandidate[];
  /** A total guessed without a label, the last resort. */
  guess?: AmountCandidate;
}

export interface Chosen {
  value: number;
  evidence: Evidence;
  box?: Box;
  /** The label rank of the candidate it came from. */
  rank?: number;
}

export interface Reconciled {
  total?: Chosen;
  subtotal?: Chosen;
  vat?: Chosen;
  discount?: Chosen;
  /** Whether the line items add up to the subtotal (or, with no subtotal, lead to the total). */
  itemsAgree?: boolean;
  /** Whether the amount in words says the total. */
  wordsAgree?: boolean;
  /** Whether the amount paid is the total. */
  paidAgrees?: boolean;
  /** The rate read that VAT = net × rate confirms (basis points), false if none does. */
  rateCheck?: number | false;
  /** With no rate read confirmed: the legal rate VAT ÷ net comes to, 0 when a sum without VAT holds. */
  derivedRate?: number;
}

/** Sums and differences must hold to the poisha. */
const SUM_TOLERANCE = 1;
/** VAT computed from a rate may be rounded per line or to the taka: ±1 Tk. */
const VAT_TOLERANCE = 100;
// A total read this unsurely gives way to net and VAT that its rate confirms.
const UNSURE_OCR = 0.6;
/**
 * How much each kind of agreement counts when choosing a reading. A sum from the line items is
 * weaker than one from a printed subtotal: items are the likeliest amounts to be misread. A
 * subtotal equal to the total with nothing between them is only the same amount twice.
 */
const WEIGHT = {
  sum: 2,
  itemsSum: 1,
  repeated: 0.5,
  words: 2,
  paisa: 1,
  paid: 3,
  items: 1,
  rate: 1,
  legalRate: 0.5,
} as const;
/**
 * The words read may be misparsed, so a total they contradict that adds up loses nothing but ties:
 * to a reading whose total is the words' that adds up as well (`সর্বমোট ৮৮৯৪৭০০` beside `আট হাজার
 * নয়শত সাতচল্লিশ টাকা`, every figure's point lost, adds up a hundredfold as at 8,947.00).
 */
const WORDS_DISAGREE = 0.01;
/**
 * What a total costs per label rank below the page's strongest total label: one check cannot
 * overturn "Total Payable" for a "Total 6% Supplies" that adds up with its own subtotal and tax;
 * two can (a misread grand total).
 */
const RANK_COST = 2.5;
// A total read this surely under the page's strongest label is not set aside for a total derived
// on a VAT that is merely some legal rate's share of a net: two figures read other ways (`2,156`
// and `21,560` out of `Total 21156 0/-` and `Grand Total 211560/-`) are too likely to be one.
const SURE_TOTAL = 0.8;
/** Options per role kept for the search, so it stays small on a page full of numbers. */
const MAX_OPTIONS = 8;
/** VAT rates the law allows, in basis points. */
export const LEGAL_VAT_RATES = [1500, 1000, 750, 500] as const;

type Slot = AmountCandidate | undefined;
interface Combo {
  total: Slot;
  subtotal: Slot;
  vat: Slot;
  discount: Slot;
}

interface Outcome {
  score: number;
  sum?: boolean;
  /** The sum held as subtotal = total with nothing between: the same amount twice, no check. */
  trivial: boolean;
  inclusive: boolean;
  items?: boolean;
  rate?: number | false;
  legalRate?: boolean;
  words?: boolean;
  paisa?: boolean;
  paid?: boolean;
}

const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;
const isLegal = (bp: number) => (LEGAL_VAT_RATES as readonly number[]).includes(bp);

/** A computed sum and a printed total agree to the poisha, or the total is it rounded to the taka. */
export function sums(computed: number, total: number): boolean {
  const toTaka = total % 100 === 0 && Math.abs(computed - total) <= 50;
  return near(computed, total, SUM_TOLERANCE) || toTaka;
}

/** VAT at `bp` basis points on a net amount, rounded to the poisha. */
export function vatAt(net: number, bp: number): number {
  return Math.round((net * bp) / 10_000);
}

/** The strongest total label on the page. */
function topRank(facts: AmountFacts): number {
  return Math.max(0, ...facts.candidates.filter((c) => c.role === "total").map((c) => c.rank));
}

function byLabel(a: AmountCandidate, b: AmountCandidate): number {
  return b.rank - a.rank || b.value - a.value;
}

/**
 * The options for one role, in the order labels alone would choose them: its own candidates
 * (strongest label, then largest), then none, then amounts that could play it only by position
 * or by arithmetic (a column sum; a "Total" above the VAT and the grand total as subtotal).
 */
function options(role: AmountRole, facts: AmountFacts): Slot[] {
  const own = facts.candidates.filter((c) => c.role === role && !c.alternate).sort(byLabel);
  // A discount is always labelled as one; other roles may be played by a row's column sums.
  const others = facts.candidates.filter(
    (c) =>
      !own.includes(c) &&
      role !== "discount" &&
      (c.shared || (role === "subtotal" && c.role === "total")),
  );
  const extra = role === "total" ? [facts.words, facts.guess, ...(facts.paid ?? [])] : [];
  const more = [...others, ...extra].filter((c): c is AmountCandidate => c !== undefined);
  return [...own.slice(0, MAX_OPTIONS), undefined, ...more.slice(0, MAX_OPTIONS)];
}

/** VAT at `bp` inside an amount that includes it. */
function vatWithin(gross: number, bp: number): number {
  return Math.round((gross * bp) / (10_000 + bp));
}

function evaluate(c: Combo, facts: AmountFacts): Outcome | undefined {
  const t = c.total?.value;
  const s = c.subtotal?.value;
  const v = c.vat?.value;
  const d = c.discount?.value ?? 0;
  const base = s ?? facts.itemsSum;
  if (t === 0 || s === 0 || c.discount?.value === 0) return undefined;
  if (t !== undefined && v !== undefined && v >= t) return undefined;
  if (base !== undefined && d >= base) return undefined;
  const net = base === undefined ? undefined : base - d;
  // No VAT rate reaches 100%: a VAT above the amount it is on is the net read as the VAT.
  if (v !== undefined && net !== undefined && v > net) return undefined;
  const out: Outcome = { score: 0, inclusive: false, trivial: s !== undefined && !v && !d };
  const adjusted = (x: number, total: number) =>
    [0, ...(facts.adjustments ?? [])].some((a) => sums(x + a, total));
  if (
    v !== undefined &&
    base !== undefined &&
    net !== undefined &&
    net > 0 &&
    facts.rates.length > 0
  ) {
    // VAT is due on the price after discount, but some bills charge it on the price before.
    const on = (bp: number) =>
      near(v, vatAt(net, bp), VAT_TOLERANCE) || (d > 0 && near(v, vatAt(base, bp), VAT_TOLERANCE));
    out.rate = facts.rates.find(on) ?? false;
  }
  // With no rate read, a VAT that is a legal rate of the net read, to within rounding, is still
  // some evidence of both (`২১২৬৮/- ২২৬.৮০` is no VAT, `২,২৬৮/- ২২৬.৮০` is 10%). So with only
  // rates read that the law does not allow (`ভ্যাট ৩০%` for ১০%) and the arithmetic refutes.
  const noRate = facts.rates.length === 0 || (out.rate === false && !facts.rates.some(isLegal));
  if (v !== undefined && noRate) {
    // Rounding, never more than a taka: 12,817 is no 10% of 128,700 but a figure misread.
    const tolerance = Math.max(SUM_TOLERANCE, Math.min(v / 200, 100));
    // With no net printed, the VAT's share of the total (a row of column sums: net misread, VAT, total).
    const share = (bp: number) =>
      s !== undefined ? vatAt(s - d, bp) : t !== undefined ? vatWithin(t, bp) : undefined;
    out.legalRate = LEGAL_VAT_RATES.some((bp) => {
      const expected = share(bp);
      return expected !== undefined && near(v, expected, tolerance);
    });
  }
  // No VAT read, the total above the net printed by VAT at a rate read, or a legal rate when none
  // was: its line was lost. Above the items' sum only by a rate read.
  const netRead = s !== undefined || facts.rates.length > 0;
  if (v === undefined && net !== undefined && netRead && t !== undefined && t > net) {
    const [lost, on] = [t - net, net];
    if (facts.rates.length === 0) out.legalRate = legalRateOf(lost, on) !== undefined;
    else {
      const bp = facts.rates.find((r) => near(lost, vatAt(on, r), VAT_TOLERANCE));
      if (bp !== undefined) out.rate = bp;
    }
  }
  // With no net amount printed, VAT is still its rate's share of the total that includes it,
  // whatever the line items (the likeliest amounts to be misread) came to.
  const shareOfTotal =
    v !== undefined && s === undefined && t !== undefined && !out.rate
      ? facts.rates.find((r) => near(v, vatWithin(t, r), VAT_TOLERANCE))
      : undefined;
  if (shareOfTotal !== undefined) out.rate = shareOfTotal;
  if (t !== undefined && net !== undefined) {
    out.sum = adjusted(net + (v ?? 0), t);
    // Prices that include VAT: the VAT is already inside the subtotal, as its rate shows.
    const within =
      !out.sum && v !== undefined && adjusted(net, t)
        ? facts.rates.find((bp) => near(v, vatWithin(t, bp), VAT_TOLERANCE))
        : undefined;
    if (within !== undefined) {
      out.sum = true;
      out.inclusive = true;
      out.rate = within;
    }
    // A total below the net amount it is the sum of was misread (`সর্বমোট 18485¢.00` under 41,300);
    // not below line items misread, when the VAT is its rate's share of the total.
    if (!out.sum && t < net && shareOfTotal === undefined) return undefined;
    // Net (printed, or the items' sum) and VAT that its rate confirms make the total: one barely
    // read that they do not add up to was misread (`সর্বমোট ১৩৯,২৯১৫০` under ১,২১,১৩০/- and 15% of
    // it, ১৮,১৬৯.৫০), unless a discount read, perhaps misread itself, stands between them.
    // So whether this reading takes that VAT, another reading of its figure, or leaves it out.
    const unsure = (c.total?.evidence.ocr ?? 1) < UNSURE_OCR;
    const discounted = facts.candidates.some((x) => x.role === "discount");
    const rated = (vat: number) =>
      facts.rates.some((bp) => near(vat, vatAt(net, bp), VAT_TOLERANCE));
    const ratedVat =
      (v !== undefined && !!out.rate) ||
      facts.candidates.some((x) => x.role === "vat" && rated(x.value));
    if (!out.sum && ratedVat && unsure && !discounted) return undefined;
  }
  if (s !== undefined && facts.itemsSum !== undefined) out.items = near(s, facts.itemsSum, 1);
  if (t !== undefined && facts.words && c.total !== facts.words)
    out.words = t === facts.words.value;
  if (t !== undefined && facts.paisaInWords) out.paisa = t % 100 !== 0;
  const paid = (facts.paid ?? []).filter((p) => p !== c.total);
  if (t !== undefined && paid.length > 0) out.paid = paid.some((p) => p.value === t);
  // The amount in words and the amount paid say what was meant to be paid: they pay no label
  // rank, so they win when the arithmetic confirms them (a grand total misread next to a plain
  // "মোট" or above "CASH 60.95 / CHANGE 0.00") and lose ties.
  const unranked = c.total === facts.words || facts.paid?.includes(c.total as AmountCandidate);
  const rank =
    c.total !== undefined && unranked
      ? topRank(facts)
      : c.total?.role === "total"
        ? c.total.rank
        : 0;
  // Tendered less change is no amount printed: as the total it needs more than the printed total
  // again (`TOTAL 38.37`, rounded to 38.35 in cash).
  const repeated = c.total?.computed ? 0 : WEIGHT.repeated;
  out.score =
    (out.sum ? (out.trivial ? repeated : s === undefined ? WEIGHT.itemsSum : WEIGHT.sum) : 0) +
    (out.items ? WEIGHT.items : 0) +
    (out.rate ? WEIGHT.rate : 0) +
    (out.legalRate ? WEIGHT.legalRate : 0) +
    (out.words ? WEIGHT.words : out.words === false && out.sum ? -WORDS_DISAGREE : 0) +
    (out.paisa ? WEIGHT.paisa : 0) +
    (out.paid ? WEIGHT.paid : 0) -
    (c.total ? RANK_COST * (topRank(facts) - rank) : leftOut(out, facts));
  return out;
}

/** What a reading without a total pays when only a legal rate backs it against a sure total. */
function leftOut(out: Outcome, facts: AmountFacts): number {
  const only = out.legalRate && !out.rate && !out.sum && !out.items && !out.words && !out.paid;
  const top = topRank(facts);
  const sure = facts.candidates.some(
    (c) =>
      c.role === "total" && !c.alternate && c.rank === top && (c.evidence.ocr ?? 1) >= SURE_TOTAL,
  );
  return only && sure ? WEIGHT.legalRate : 0;
}

/** The reading satisfying the most checks; the first in label order among equals. */
function search(facts: AmountFacts): { combo: Combo; outcome: Outcome } | undefined {
  const [totals, subtotals, vats, discounts] = (
    ["total", "subtotal", "vat", "discount"] as const
  ).map((role) => options(role, facts)) as [Slot[], Slot[], Slot[], Slot[]];
  let best: { combo: Combo; outcome: Outcome } | undefined;
  for (const total of totals)
    for (const subtotal of subtotals)
      for (const vat of vats)
        for (const discount of discounts) {
          const used = [total, subtotal, vat, discount].filter((x) => x !== undefined);
          // One printed figure plays one role, however many ways it may be read.
          if (new Set(used.map((c) => c.box ?? c)).size < used.length) continue;
          const combo = { total, subtotal, vat, discount };
          const outcome = evaluate(combo, facts);
          if (outcome && (!best || outcome.score > best.outcome.score)) best = { combo, outcome };
        }
  return best;
}

/** Evidence of a chosen candidate: its own, and whether other labels agree or compete. */
function evidenceOf(chosen: AmountCandidate, role: AmountRole, facts: AmountFacts): Evidence {
  const own = chosen.role === role && !chosen.alternate;
  const peers = facts.candidates.filter((c) => c !== chosen && c.role === role && !c.alternate);
  const rivals = own
    ? new Set(
        peers.filter((c) => c.rank === chosen.rank && c.value !== chosen.value).map((c) => c.value),
      ).size
    : 0;
  const e: Evidence = { ...chosen.evidence, rivals };
  return peers.some((c) => c.value === chosen.value) ? withCheck(e, "repeated", true) : e;
}

function check(
  e: Evidence,
  kind: "arithmetic" | "words" | "paid",
  agrees: boolean | undefined,
): Evidence {
  return agrees === undefined ? e : withCheck(e, kind, agrees);
}

/** The rate VAT ÷ net amount comes to, if it is one the law allows. */
export function legalRateOf(vat: number, net: number): number | undefined {
  return LEGAL_VAT_RATES.find((bp) => net > 0 && near(vat, vatAt(net, bp), VAT_TOLERANCE));
}

function chosen(c: AmountCandidate, evidence = c.evidence): Chosen {
  return { value: c.value, evidence, rank: c.rank, ...(c.box && { box: c.box }) };
}

/**
 * A total when no label gave one: the amount in words (checked against subtotal − discount +
 * VAT when those were read); else the guess if it is that sum or the net amount (VAT may be
 * included), or if printed more than once where the sum is only the line items'; else the sum;
 * else the guess alone.
 */
function fallbackTotal(
  facts: AmountFacts,
  net: number | undefined,
  vat: Chosen | undefined,
  fromItems: boolean,
): Chosen | undefined {
  const derived = net === undefined ? undefined : net + (vat?.value ?? 0);
  const { words, guess } = facts;
  if (words) {
    const agrees = derived === undefined ? undefined : derived === words.value;
    return chosen(words, check(words.evidence, "arithmetic", agrees));
  }
  // The net amount is the total only when no VAT was read on top of it (prices including VAT).
  if (guess && (guess.value === derived || (guess.value === net && !vat?.value))) {
    return chosen(guess, check(guess.evidence, "arithmetic", guess.value === derived || undefined));
  }
  // Line items are the likeliest amounts misread; an amount printed twice at the bottom is not.
  const repeated = guess?.evidence.checks?.some((c) => c.kind === "repeated" && c.agrees);
  if (guess && repeated && fromItems) {
    return chosen(guess, check(guess.evidence, "arithmetic", false));
  }
  if (derived !== undefined) return { value: derived, evidence: { source: "derived" } };
  return guess && chosen(guess);
}

/**
 * Chooses total, subtotal, VAT and discount from the candidates by the arithmetic they satisfy,
 * and says which checks held. With no total candidate, the total is derived (subtotal − discount +
 * VAT), else read from the words, else guessed.
 */
export function reconcileAmounts(facts: AmountFacts): Reconciled {
  return shareScaleDoubt(reconcile(facts));
}

function reconcile(facts: AmountFacts): Reconciled {
  const found = search(facts);
  const out: Reconciled = {};
  if (!found) return out;
  const { combo } = found;
  // A trivial sum (subtotal = total) confirms nothing, but it contradicts nothing either.
  const held = found.outcome.sum === true;
  // A sum only unchecked line items make confirms nothing: an amount misread among them can
  // match a total misread alike (`000.00` for 800.00 under `Grand Total 3,020.00`).
  const unchecked = !combo.subtotal && facts.itemsChecked === false && found.outcome.sum;
  const outcome =
    found.outcome.trivial || unchecked ? { ...found.outcome, sum: undefined } : found.outcome;
  // A role left empty by the search still reports its best candidate, doubted if inconsistent,
  // unless the arithmetic gave that amount another role ("মোট" read as the net before "ভ্যাট").
  // What the combination used: its candidates and the printed figures they were read from.
  const inCombo = new Set<unknown>(
    Object.values(combo).flatMap((c: Slot) => (c ? [c, ...(c.box ? [c.box] : [])] : [])),
  );
  // Net and VAT read at their rate make the total, whatever else was read for it.
  const rated = combo.subtotal && combo.vat && (outcome.rate || outcome.legalRate);
  // The net the search settled on: a subtotal reported against the arithmetic is not it.
  const settled = (combo.subtotal?.value ?? facts.itemsSum ?? 0) - (combo.discount?.value ?? 0);
  for (const role of ["total", "subtotal", "vat", "discount"] as const) {
    if (role === "total" && !combo.total && rated) continue;
    const own = options(role, facts);
    const picked =
      combo[role] ??
      own.slice(0, own.indexOf(undefined)).find((c) => !inCombo.has(c) && !inCombo.has(c?.box));
    if (!picked) continue;
    let e = evidenceOf(picked, role, facts);
    // A total the search left out for being below the net amount is misread (`Total 120.00`
    // under items of 1,230.00): the amount in words, when read, says it instead.
    if (role === "total" && !combo.total && picked.value < settled) {
      if (facts.words) continue;
      e = withCheck(e, "arithmetic", false);
    }
    const inSum = combo[role] !== undefined && !(role === "vat" && outcome.inclusive);
    if (inSum) e = check(e, "arithmetic", outcome.sum);
    else if (outcome.sum === true && combo[role] === undefined)
      e = withCheck(e, "arithmetic", false);
    if (role === "subtotal") e = check(e, "arithmetic", outcome.items);
    if (role === "vat" && outcome.rate !== undefined)
      e = withCheck(e, "arithmetic", outcome.rate !== false);
    if (role === "total") e = check(check(e, "words", outcome.words), "paid", outcome.paid);
    out[role] = chosen(picked, e);
  }
  if (out.subtotal && out.total && netAboveTotal(out) && leadLost(out.total, out.subtotal, out)) {
    // Nothing between them, the total is the net with its leading digits lost (`Grand Total
    // 20,8251-` under `Total 1,20,825/-`): the net is what was meant.
    out.total = { ...out.subtotal, evidence: { ...out.subtotal.evidence, adjusted: true } };
  } else if (out.subtotal && netAboveTotal(out))
    out.subtotal = {
      ...out.subtotal,
      evidence: withCheck(out.subtotal.evidence, "arithmetic", false),
    };
  const agreed = { source: "derived", checks: [{ kind: "arithmetic", agrees: true }] } as const;
  // Line items that make the total are the net amount: a subtotal read against them was misread.
  if (out.subtotal && !combo.subtotal && held && facts.itemsSum !== undefined && combo.total) {
    out.subtotal = { value: facts.itemsSum, evidence: agreed };
  } else if (!combo.subtotal && combo.total && combo.vat && (outcome.rate || outcome.legalRate)) {
    // A VAT that is its rate's share of the total leaves the rest of the total as the net amount,
    // also where item prices included it.
    out.subtotal = {
      value: combo.total.value - combo.vat.value + (combo.discount?.value ?? 0),
      evidence: agreed,
    };
  }
  const onItems = facts.itemsSum !== undefined && outcome.rate;
  if (
    !combo.vat &&
    combo.total &&
    (combo.subtotal || onItems) &&
    (outcome.legalRate || outcome.rate)
  ) {
    // The total is the net with VAT at its rate on it, no VAT amount taking part: the rest is the
    // VAT, whatever was misread beside its label.
    out.vat = { value: combo.total.value - settled, evidence: agreed };
  }
  if (combo.vat && combo.total && combo.subtotal && !outcome.inclusive) {
    // A VAT a few poisha off its rate's share, where that share makes the total exactly (a total
    // in whole taka lets `588.03` pass): a digit of the VAT was misread. The rate read, or with
    // none read the legal rate it comes to (`2,654.09` beside 53,080.00 and 55,734.00).
    const net = combo.subtotal.value - (combo.discount?.value ?? 0);
    const bp = outcome.rate || (outcome.legalRate ? legalRateOf(combo.vat.value, net) : undefined);
    const exact = bp ? vatAt(net, bp) : undefined;
    if (exact !== undefined && exact !== combo.vat.value && net + exact === combo.total.value) {
      out.vat = { value: exact, evidence: agreed };
    }
  }
  const { total, subtotal, vat, discount } = out;
  if (outcome.items !== undefined) out.itemsAgree = outcome.items;
  else if (
    combo.subtotal === undefined &&
    facts.itemsSum !== undefined &&
    outcome.sum !== undefined
  )
    out.itemsAgree = outcome.sum;
  if (outcome.words !== undefined) out.wordsAgree = outcome.words;
  if (outcome.paid !== undefined) out.paidAgrees = outcome.paid;
  if (outcome.rate !== undefined) out.rateCheck = outcome.rate;
  const base = subtotal?.value ?? facts.itemsSum;
  const net = base === undefined ? undefined : base - (discount?.value ?? 0);
  if (!outcome.rate && vat && net !== undefined && !outcome.inclusive) {
    const bp = legalRateOf(vat.value, net);
    if (bp !== undefined) out.derivedRate = bp;
  }
  // No VAT read and the sum holds without it: the invoice carries no VAT, unless it gives a rate
  // (prices including VAT, or a VAT amount lost under a stamp).
  if (!vat && held && combo.total && !facts.rates.some((bp) => bp > 0)) {
    const checks: Check[] = outcome.sum ? [{ kind: "arithmetic", agrees: true }] : [];
    out.vat = { value: 0, evidence: { source: "derived", checks } };
    out.derivedRate = 0;
  }
  // A net guessed as the total takes the VAT its rate lost on top, unless the words say it is all.
  const lost = vat || outcome.words ? undefined : lostVat(facts, settled);
  if (lost !== undefined && (!total || isNetGuessed(total, settled))) {
    out.vat = { value: lost, evidence: { source: "derived" } };
    out.total = { value: settled + lost, evidence: { source: "derived" } };
    return out;
  }
  const fallback = total ? undefined : fallbackTotal(facts, net, vat, !subtotal);
  if (fallback) out.total = fallback;
  return out;
}

/**
 * Sums and rates hold alike for figures all read a hundredfold, so an amount whose scale is in
 * doubt (its point perhaps lost) casts that doubt on every other figure read without point or
 * grouping (`৩১৩৯৫০` beside `২৯৯০০০`) and every one derived, unless the words say the total.
 */
function shareScaleDoubt(out: Reconciled): Reconciled {
  const roles = ["total", "subtotal", "vat", "discount"] as const;
  if (out.wordsAgree || !roles.some((r) => out[r]?.evidence.scaleInDoubt)) return out;
  for (const role of roles) {
    const c = out[role];
    if (c && c.value > 0 && (c.evidence.unpointed || c.evidence.source === "derived")) {
      out[role] = { ...c, evidence: { ...c.evidence, scaleInDoubt: true } };
    }
  }
  return out;
}

/**
 * VAT at the one rate the page gives when no VAT amount was read at all (lost under a stamp or
 * a fold): a rate printed beside no amount still says VAT was charged on the net.
 */
function lostVat(facts: AmountFacts, net: number): number | undefined {
  const rates = new Set(facts.rates);
  const [bp] = rates;
  const vatRead = facts.candidates.some((c) => c.role === "vat");
  if (rates.size !== 1 || !bp || net <= 0 || vatRead) return undefined;
  return vatAt(net, bp);
}

/**
 * A net amount above the total it leads to, with no discount between: it contradicts the total
 * read (a total left out of the arithmetic, the net that items misread alike confirm).
 */
function netAboveTotal({ subtotal, total, discount }: Reconciled): boolean {
  return !!subtotal && !!total && subtotal.value > total.value + (discount?.value ?? 0);
}

/** A total whose digits are the net's last ones, with no VAT or discount read between them. */
function leadLost(total: Chosen, net: Chosen, { vat, discount }: Reconciled): boolean {
  return !vat?.value && !discount && String(net.value).endsWith(String(total.value));
}

/** A total guessed without a label that is only the net amount again. */
function isNetGuessed(total: Chosen, net: number): boolean {
  return total.evidence.source === "guess" && total.value === net;
}
