import { describe, expect, it } from "vitest";
import { confidenceOf } from "./confidence";
import {
  type AmountCandidate,
  type AmountFacts,
  type AmountRole,
  reconcileAmounts,
} from "./reconcile-amounts";

function cand(role: AmountRole, rank: number, taka: number, more: Partial<AmountCandidate> = {}) {
  return {
    role,
    rank,
    value: Math.round(taka * 100),
    evidence: { source: "label" },
    ...more,
  } as AmountCandidate;
}

const facts = (candidates: AmountCandidate[], more: Partial<AmountFacts> = {}): AmountFacts => ({
  candidates,
  rates: [],
  ...more,
});

const values = (f: AmountFacts) => {
  const r = reconcileAmounts(f);
  return {
    total: r.total?.value,
    subtotal: r.subtotal?.value,
    vat: r.vat?.value,
    discount: r.discount?.value,
  };
};
const confidence = (f: AmountFacts, role: AmountRole) => {
  const c = reconcileAmounts(f)[role];
  return c ? confidenceOf(c.evidence) : 0;
};

describe("reconcileAmounts", () => {
  it("never takes a VAT larger than the amount it is on", () => {
    // A total row's three column sums, no rate read: which is net and which VAT, only size says.
    const shared = { shared: true, alternate: true };
    const row = [
      cand("total", 3, 17990.6),
      cand("total", 3, 2346.6, shared),
      cand("total", 3, 15644, shared),
    ];
    expect(values(facts(row))).toEqual({
      total: 1799060,
      subtotal: 1564400,
      vat: 234660,
      discount: undefined,
    });
  });

  it("checks a VAT against the rate's share of the total when no net amount was read", () => {
    const read = [
      cand("total", 2, 1613.85),
      cand("vat", 1, 7685),
      cand("vat", 1, 76.85, {
        shared: true,
        alternate: true,
      }),
    ];
    expect(values(facts(read, { rates: [500] })).vat).toBe(7685);
    expect(reconcileAmounts(facts(read, { rates: [500] })).rateCheck).toBe(500);
    // With no rate read, a legal rate's share of the total still confirms it.
    expect(values(facts(read)).vat).toBe(7685);
    expect(reconcileAmounts(facts(read)).rateCheck).toBeUndefined();
    const offRate = [cand("total", 2, 1613.85), cand("vat", 1, 7.7), cand("vat", 1, 0.77, {})];
    expect(values(facts(offRate)).vat).toBe(770);
  });

  it("takes the total that subtotal + VAT makes, over a larger one labelled alike", () => {
    const f = facts([
      cand("subtotal", 2, 10_000),
      cand("vat", 1, 1_500),
      cand("total", 2, 17_500),
      cand("total", 2, 11_500),
    ]);
    expect(values(f)).toEqual({
      total: 1_150_000,
      subtotal: 1_000_000,
      vat: 150_000,
      discount: undefined,
    });
  });

  it("raises the confidence of a consistent set and lowers that of an inconsistent one", () => {
    const labels = confidence(facts([cand("total", 2, 11_500)]), "total");
    const consistent = facts([
      cand("subtotal", 2, 10_000),
      cand("vat", 1, 1_500),
      cand("total", 2, 11_500),
    ]);
    // 11,480 is 10,000 with neither 1,400 nor VAT at any legal rate on it.
    const inconsistent = facts([
      cand("subtotal", 2, 10_000),
      cand("vat", 1, 1_400),
      cand("total", 2, 11_480),
    ]);
    expect(confidence(consistent, "total")).toBeGreaterThan(labels);
    expect(confidence(inconsistent, "total")).toBeLessThan(labels);
    expect(confidence(inconsistent, "vat")).toBeLessThan(confidence(consistent, "vat"));
  });

  it("keeps a stronger total label against lower ones that add up only among themselves", () => {
    // "Total 6% supplies" 16.79 = 15.84 + 0.95, but "Total payable" 39.78 also counts 0% supplies.
    const f = facts([
      cand("subtotal", 1, 15.84),
      cand("vat", 1, 0.95),
      cand("total", 2, 16.79),
      cand("total", 2, 22.99),
      cand("total", 3, 39.78),
    ]);
    expect(values(f).total).toBe(3_978);
  });

  it("overturns a stronger label when two checks agree on a lower one (a misread grand total)", () => {
    const f = facts(
      [
        cand("subtotal", 2, 1_000),
        cand("vat", 1, 150),
        cand("total", 2, 1_150),
        cand("total", 3, 1_750),
      ],
      { words: cand("total", 0, 1_150), rates: [1500] },
    );
    expect(values(f).total).toBe(115_000);
  });

  it("assigns the column sums of a totals row by their arithmetic", () => {
    const row = { shared: true, alternate: true };
    const f = facts([
      cand("total", 3, 280_000, { shared: true }),
      cand("total", 3, 42_000, row),
      cand("total", 3, 322_000, row),
    ]);
    expect(values(f)).toMatchObject({ total: 32_200_000, subtotal: 28_000_000, vat: 4_200_000 });
  });

  it("takes the discount off before the VAT", () => {
    const f = facts(
      [
        cand("subtotal", 2, 1_000),
        cand("discount", 2, 100),
        cand("vat", 1, 135),
        cand("total", 3, 1_035),
      ],
      { rates: [1500] },
    );
    const r = reconcileAmounts(f);
    expect(r.discount?.value).toBe(10_000);
    expect(r.rateCheck).toBe(1500);
    expect(confidence(f, "discount")).toBeGreaterThan(confidenceOf({ source: "label" }));
  });

  it("reads a plain total before a discount as the subtotal", () => {
    const f = facts([cand("total", 2, 1_200), cand("discount", 2, 100), cand("total", 3, 1_100)]);
    expect(values(f)).toMatchObject({ total: 110_000, subtotal: 120_000, discount: 10_000 });
  });

  it("says which rate the VAT comes to when none was read, and zero VAT when the sums need none", () => {
    const withVat = reconcileAmounts(
      facts([cand("subtotal", 2, 2_000), cand("vat", 1, 150), cand("total", 3, 2_150)]),
    );
    expect(withVat.derivedRate).toBe(750);
    const noVat = reconcileAmounts(facts([], { itemsSum: 55_000, guess: cand("total", 0, 550) }));
    expect(noVat.total?.value).toBe(55_000);
    expect(noVat.vat?.value).toBe(0);
    expect(noVat.derivedRate).toBe(0);
  });

  it("puts VAT at the rate read on the net when its amount and the total were lost", () => {
    // A stamp over "VAT 7.5% 180.00" and "TOTAL 2580.00"; the subtotal misread as 40000.
    const guess = cand("total", 0, 2_400, { evidence: { source: "guess" } });
    const lost = facts([cand("subtotal", 2, 40_000)], { itemsSum: 240_000, guess, rates: [750] });
    expect(values(lost)).toEqual({
      total: 258_000,
      subtotal: 240_000,
      vat: 18_000,
      discount: undefined,
    });
    expect(confidence(lost, "total")).toBeLessThan(0.7);
    // A VAT amount read, or two rates, leave the page's own amounts alone.
    const read = { itemsSum: 240_000, guess, rates: [750] };
    expect(values(facts([cand("vat", 1, 180)], read)).total).toBe(258_000);
    expect(values(facts([cand("vat", 1, 180)], read)).vat).toBe(18_000);
    expect(values(facts([], { ...read, rates: [750, 1500] })).vat).toBeUndefined();
    // A labelled total equal to the net is a price including VAT.
    const inclusive = facts([cand("total", 2, 2_400)], read);
    expect(values(inclusive)).toMatchObject({ total: 240_000, vat: undefined });
  });

  it("takes the net amount as the total less a VAT that is its rate's share", () => {
    // Mushak-6.3's total row read as `Total 4,5%0.00 ৫৩৩.২৫ ৭,৬৪৩.২৫`: the net amount lost.
    const row = facts([cand("total", 2, 7_643.25), cand("vat", 1, 533.25)], { rates: [750] });
    expect(values(row)).toEqual({
      total: 764_325,
      subtotal: 711_000,
      vat: 53_325,
      discount: undefined,
    });
    // No rate read: a VAT that is a legal rate's share (7.5%) still leaves the net amount; one
    // that is no such share does not.
    expect(values({ ...row, rates: [] }).subtotal).toBe(711_000);
    const offRate = facts([cand("total", 2, 7_643.25), cand("vat", 1, 520)]);
    expect(values(offRate).subtotal).toBeUndefined();
    // Items read from the price-with-VAT column (a Mushak-6.3's last) sum to the total: the net
    // is still the total less its VAT.
    const inclusive = facts([cand("total", 2, 64_285), cand("vat", 1, 8_385)], {
      rates: [1500],
      itemsSum: 6_428_500,
    });
    expect(values(inclusive)).toMatchObject({ total: 6_428_500, subtotal: 5_590_000 });
  });

  it("keeps a sure grand total over a net and VAT only a legal rate backs", () => {
    // A handwritten bill as Tesseract read it: `Total 21156 0/-` (its 211560/- split) and
    // `Grand Total 211560/-`, items misread. Read other ways, 21,560 and 2,156 are 10% apart.
    // Each reading of a figure carries its box: one printed figure plays one role.
    const [totalBox, grandBox] = [0, 40].map((y) => ({ x0: 0, y0: y, x1: 100, y1: y + 20 }));
    const figure = (box: unknown, ocr: number) =>
      ({ evidence: { source: "label", ocr }, box }) as Partial<AmountCandidate>;
    const alt = { shared: true, alternate: true };
    const read = [
      cand("total", 2, 21_156, figure(totalBox, 0.97)),
      cand("total", 2, 211.56, { ...alt, ...figure(totalBox, 0.97) }),
      cand("total", 2, 2_156, { ...alt, ...figure(totalBox, 0.97) }),
      cand("total", 3, 211_560, figure(grandBox, 0.84)),
      cand("total", 3, 21_560, { ...alt, ...figure(grandBox, 0.84) }),
    ];
    expect(values(facts(read, { itemsSum: 20_000_000 })).total).toBe(21_156_000);
    // Read barely, the grand total does not stand in their way.
    const barely = read.map((c) => (c.rank === 3 ? { ...c, ...figure(grandBox, 0.5) } : c));
    expect(values(facts(barely, { itemsSum: 20_000_000 })).vat).toBe(215_600);
  });

  it("checks a VAT against the legal rates when the only rate read is unlawful and refuted", () => {
    // `ভ্যাট ১০%` read `ভ্যাট 30%`, the items misread: VAT 6,010 is 10% of a net of 60,100.
    const read = [cand("total", 3, 66_110), cand("vat", 1, 6_010)];
    const misread = reconcileAmounts(facts(read, { rates: [3000], itemsSum: 5_050_000 }));
    expect(misread.subtotal?.value).toBe(6_010_000);
    expect(misread.derivedRate).toBe(1000);
    // A lawful rate read (15%) that the VAT does not fit leaves the net unknown.
    const lawful = facts(read, { rates: [1500], itemsSum: 5_050_000 });
    expect(values(lawful).subtotal).toBeUndefined();
  });

  it("takes a row's total and VAT by the VAT's share when the line items were misread", () => {
    // `সর্বমোট 880.00 ৬৬.০০ ৫০৬.০০`: the net ৪৪০.০০ read as Latin 880.00, largest, so first.
    const row = { shared: true, alternate: true };
    const sums = [
      cand("total", 3, 880, { shared: true }),
      cand("total", 3, 66, row),
      cand("total", 3, 506, row),
    ];
    const expected = { total: 50_600, subtotal: 44_000, vat: 6_600, discount: undefined };
    expect(values(facts(sums, { rates: [1500], itemsSum: 48_350 }))).toEqual(expected);
    // Items misread above the total (`৩,১৫০.০০ ,80.00`): they say nothing against it either.
    const above = [
      cand("total", 3, 121_915, { shared: true }),
      cand("total", 3, 12_915, row),
      cand("total", 3, 615, row),
    ];
    expect(values(facts(above, { rates: [500], itemsSum: 5_035_000 }))).toEqual({
      total: 1_291_500,
      subtotal: 1_230_000,
      vat: 61_500,
      discount: undefined,
    });
    // No rate read at all (`সর্বমোট 890,820.00 ৬,৫১৩.০০ ৪৯,৯৩৩.০০`): 15% is a legal rate.
    const unrated = facts([
      cand("total", 3, 890_820, { shared: true }),
      cand("total", 3, 6_513, row),
      cand("total", 3, 49_933, row),
    ]);
    expect(values(unrated)).toEqual({
      total: 4_993_300,
      subtotal: 4_342_000,
      vat: 651_300,
      discount: undefined,
    });
  });

  it("takes a VAT for a legal rate's share of the net only to within a taka", () => {
    // `সর্বমোট ১২৮,৭০০.০০` read `1281700 00`: read as printed, comma as a 1, or point moved.
    const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
    const alt = { box, shared: true, alternate: true };
    const read = facts(
      [
        cand("total", 2, 128_700),
        cand("total", 3, 1_281_700, { box }),
        cand("total", 3, 128_700, alt),
        cand("total", 3, 12_817, alt),
      ],
      { itemsSum: 12_870_000 },
    );
    // 12,817 is 53 taka off 10% of 128,700: no VAT, so the total is the items' sum.
    expect(values(read)).toMatchObject({ total: 12_870_000, vat: 0 });
  });

  it("takes no confirmation from line items whose rows did not check out", () => {
    // `Grand Total 3,020.00` for 3,820.00 over an item `000.00` for 800.00 (2 × 400.00).
    const read = [cand("total", 2, 3_820), cand("total", 3, 3_020)];
    const checked = facts(read, { itemsSum: 302_000, itemsChecked: true });
    const unchecked = facts(read, { itemsSum: 302_000, itemsChecked: false });
    expect(values(unchecked).total).toBe(302_000);
    expect(confidence(checked, "total")).toBeGreaterThan(0.9);
    expect(confidence(unchecked, "total")).toBeLessThan(0.9);
  });

  it("gives one printed figure one role, however it may be read", () => {
    // `1287000.00` as the total and, its point moved, as 10% VAT on the 128,700 above it.
    const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
    const figure = cand("total", 3, 1_287_000, { box });
    const moved = cand("total", 3, 12_870, { box, shared: true, alternate: true });
    const read = values(facts([cand("subtotal", 2, 128_700), figure, moved]));
    expect([read.total, read.vat]).not.toEqual([128_700_000, 1_287_000]);
    // Nor does a role the search left empty take a figure another role was read from (a
    // handwritten `মোট 4858500`, `ভ্যাট 15% 718775`, both with their points lost).
    const [m, v] = [
      { x0: 0, y0: 0, x1: 9, y1: 9 },
      { x0: 0, y0: 20, x1: 9, y1: 29 },
    ];
    const lost = reconcileAmounts(
      facts(
        [
          cand("total", 2, 4_858_500, { box: m }),
          cand("total", 2, 48_585, { box: m, shared: true, alternate: true }),
          cand("vat", 1, 718_775, { box: v }),
          cand("vat", 1, 7_187.75, { box: v, shared: true, alternate: true }),
        ],
        {
          rates: [1500],
          itemsSum: 1_006_000_000,
          guess: cand("total", 0, 55_872.75, { evidence: { source: "guess" } }),
        },
      ),
    );
    const boxes = [lost.total, lost.subtotal, lost.vat].flatMap((c) => (c?.box ? [c.box] : []));
    expect(new Set(boxes).size).toBe(boxes.length);
  });

  it("takes net + VAT at its rate over a barely read total they do not make, but no discount", () => {
    // 0.59: `৮৪,৩৭২৭৫` read with its point put back, a repair that costs confidence.
    const unsure = { evidence: { source: "strongLabel", ocr: 0.59 } } as const;
    const read = [cand("subtotal", 2, 121_130), cand("vat", 1, 18_169.5)];
    const misread = [...read, cand("total", 3, 139_291.5, unsure)];
    expect(values(facts(misread, { rates: [1500] })).total).toBe(13_929_950);
    // Read surely, the total stands (a service charge the page lists may make the difference).
    const sure = [...read, cand("total", 3, 139_291.5)];
    expect(values(facts(sure, { rates: [1500] })).total).toBe(13_929_150);
    // A discount read, perhaps misread, may make it too.
    const discounted = [...misread, cand("discount", 2, 880)];
    expect(values(facts(discounted, { rates: [1500] })).total).toBe(13_929_150);
  });

  it("takes VAT at its rate when a few poisha off it and that share makes the total exactly", () => {
    // `ভ্যাট ৫% ৫৮৮.০০` read 588.03 under a total in whole taka, which the sum rounds to.
    const read = [cand("subtotal", 2, 11_760), cand("vat", 1, 588.03), cand("total", 3, 12_348)];
    expect(values(facts(read, { rates: [500] })).vat).toBe(58_800);
    // A total of its own poisha that the VAT read makes: that VAT stands.
    const own = [cand("subtotal", 2, 11_760), cand("vat", 1, 588.03), cand("total", 3, 12_348.03)];
    expect(values(facts(own, { rates: [500] })).vat).toBe(58_803);
    // No rate read (`S%`): the legal rate the VAT comes to, 5%, says the same.
    const unrated = [cand("total", 2, 53_080), cand("vat", 1, 2_654.09), cand("total", 2, 55_734)];
    expect(values(facts(unrated)).vat).toBe(265_400);
  });

  it("takes the VAT as total less net when that is VAT at the rate and the VAT read is not", () => {
    // `ভ্যাট ৫% ৮১২২০` beside ১৬,২৫০/- and ১৭,০৬২.৫০: the VAT's point and a digit misread.
    const read = [cand("total", 2, 16_250), cand("vat", 1, 81_220), cand("total", 3, 17_062.5)];
    expect(values(facts(read, { rates: [500] }))).toEqual({
      total: 1_706_250,
      subtotal: 1_625_000,
      vat: 81_250,
      discount: undefined,
    });
    expect(confidence(facts(read, { rates: [500] }), "vat")).toBeLessThan(0.9);
    // No VAT line read at all, no rate: the words' total is the net and 10% on it.
    const lost = facts([cand("total", 3, 127_240)], { words: cand("total", 0, 139_964) });
    expect(values(lost)).toEqual({
      total: 13_996_400,
      subtotal: 12_724_000,
      vat: 1_272_400,
      discount: undefined,
    });
    // 12% is no legal rate: the label's total stands.
    const odd = facts([cand("total", 3, 127_240)], { words: cand("total", 0, 142_508.8) });
    expect(values(odd).total).toBe(12_724_000);
  });

  it("doubts a net amount above the total it leads to", () => {
    // `Total 24000` (240.00, its point lost, as the items read) over `Grand Total 240.00`.
    const read = [cand("total", 2, 24_000), cand("total", 3, 240)];
    const f = facts(read, { itemsSum: 2_400_000 });
    expect(values(f)).toMatchObject({ total: 24_000, subtotal: 2_400_000 });
    // The items agree with it, but not the total: no longer ≥ 0.9 (it was 0.955).
    expect(confidence(f, "subtotal")).toBeLessThan(0.7);
  });

  it("checks the total against the amount in words", () => {
    const agree = facts([cand("total", 2, 500)], { words: cand("total", 0, 500) });
    const disagree = facts([cand("total", 2, 500)], { words: cand("total", 0, 5_000) });
    expect(reconcileAmounts(agree).wordsAgree).toBe(true);
    expect(reconcileAmounts(disagree).wordsAgree).toBe(false);
    expect(confidence(agree, "total")).toBeGreaterThan(confidence(disagree, "total"));
  });

  it("takes the words over a total below the line items' sum, and doubts such a total", () => {
    // A stamp over the totals: `Total 120.00` under items of 1,230.00, the grand total unread.
    const read = [cand("total", 2, 120)];
    const words = cand("total", 0, 1_160);
    expect(values(facts(read, { itemsSum: 123_000, words })).total).toBe(116_000);
    const alone = facts(read, { itemsSum: 123_000 });
    expect(values(alone).total).toBe(12_000);
    expect(confidence(alone, "total")).toBeLessThan(confidence(facts(read), "total"));
  });

  it("takes an amount printed twice at the bottom over the line items' sum when no total is labelled", () => {
    const checks = [{ kind: "repeated", agrees: true }] as const;
    const twice = cand("total", 0, 1_639, { evidence: { source: "guess", checks: [...checks] } });
    const once = cand("total", 0, 1_639, { evidence: { source: "guess" } });
    expect(values(facts([], { itemsSum: 511_700, guess: twice })).total).toBe(163_900);
    expect(values(facts([], { itemsSum: 511_700, guess: once })).total).toBe(511_700);
    // A subtotal read, not only items, makes the sum: it stands.
    expect(values(facts([cand("subtotal", 2, 5_117)], { guess: twice })).total).toBe(511_700);
  });

  it("falls back to the words, then the sum, then a guess when no total is labelled", () => {
    expect(values(facts([], { words: cand("total", 0, 900) })).total).toBe(90_000);
    expect(values(facts([cand("subtotal", 2, 800), cand("vat", 1, 120)])).total).toBe(92_000);
    const guess = cand("total", 0, 70, { evidence: { source: "guess" } });
    expect(values(facts([], { guess })).total).toBe(7_000);
    expect(confidence(facts([], { guess }), "total")).toBeLessThan(0.4);
  });

  it("checks the line items against the subtotal", () => {
    const r = reconcileAmounts(
      facts([cand("subtotal", 2, 1_000), cand("total", 2, 1_000)], { itemsSum: 100_000 }),
    );
    expect(r.itemsAgree).toBe(true);
    const wrong = reconcileAmounts(facts([cand("subtotal", 2, 1_000)], { itemsSum: 90_000 }));
    expect(wrong.itemsAgree).toBe(false);
  });

  it("takes the total the payment confirms, and the payment when the sum confirms it", () => {
    const paid = (taka: number, computed = false) =>
      cand("total", 0, taka, { evidence: { source: "derived" }, ...(computed && { computed }) });
    // One rank of label is overturned by the amount paid.
    const confirmed = facts([cand("total", 3, 6.2), cand("total", 2, 8.2)], {
      paid: [paid(8.2)],
    });
    expect(values(confirmed).total).toBe(820);
    expect(confidence(confirmed, "total")).toBeGreaterThan(
      confidence(facts([cand("total", 3, 8.2)]), "total"),
    );
    // A misread total and a payment that subtotal + VAT confirm.
    const misread = facts(
      [cand("total", 3, 60.85), cand("subtotal", 2, 57.5), cand("vat", 1, 3.45)],
      {
        paid: [paid(60.95)],
      },
    );
    expect(values(misread).total).toBe(6095);
    // Cash less change, rounded to 5 sen, is no printed total: the printed one stays.
    const rounded = facts([cand("total", 2, 38.37)], {
      adjustments: [-2, 2],
      paid: [paid(38.35, true)],
    });
    expect(values(rounded).total).toBe(3837);
  });

  it("lets a rounding adjustment close the sum", () => {
    const f = facts(
      [
        cand("subtotal", 1, 95.17),
        cand("vat", 2, 5.71),
        cand("total", 2, 95.17, { shared: true }),
        cand("total", 2, 100.9),
      ],
      { adjustments: [2, -2] },
    );
    expect(values(f).total).toBe(10_090);
  });

  it("takes the amount in words as the total when the arithmetic confirms it over a plain 'মোট'", () => {
    // সর্বমোট's figure was misread past use; মোট is the sum of the items, the words say the total.
    const page = facts([cand("total", 2, 6550), cand("vat", 1, 327.5)], {
      rates: [500],
      itemsSum: 655_000,
      words: cand("total", 0, 6877.5, { evidence: { source: "label" } }),
    });
    expect(values(page)).toMatchObject({ total: 687_750, subtotal: 655_000, vat: 32_750 });
    // Words that nothing confirms do not overturn the labelled total.
    const unconfirmed = facts([cand("total", 2, 6550)], { words: cand("total", 0, 7000) });
    expect(values(unconfirmed).total).toBe(655_000);
  });

  it("doubts every unpointed figure the arithmetic ties to one whose point may be lost", () => {
    // `মোট ২৯৯০০০`, `ভ্যাট ৫% ১৪৯৫০ টাকা`, `সর্বমোট ৩১৩৯৫০`: 2,990.00, 149.50 and 3,139.50 with
    // their points lost add up just as well a hundredfold.
    const unpointed = (scaleInDoubt = false) =>
      ({
        evidence: {
          source: "label",
          checks: [{ kind: "repeated", agrees: true }],
          unpointed: true,
          scaleInDoubt,
        },
      }) as Partial<AmountCandidate>;
    const read = (words?: AmountCandidate) =>
      facts(
        [
          cand("subtotal", 2, 299_000, unpointed(true)),
          cand("vat", 2, 14_950, unpointed()),
          cand("total", 3, 313_950, unpointed()),
        ],
        { rates: [500], ...(words && { words }) },
      );
    expect(values(read())).toMatchObject({ total: 31_395_000, vat: 1_495_000 });
    for (const role of ["total", "subtotal", "vat"] as const) {
      expect(confidence(read(), role)).toBeLessThan(0.9);
    }
    // The amount in words settles the scale for all of them.
    const said = read(cand("total", 0, 313_950));
    for (const role of ["total", "vat"] as const) {
      expect(confidence(said, role)).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("confirms VAT charged on the price before the discount as well as after it", () => {
    // Sub Total 650, Discount 50, and VAT 15% with the Grand Total it makes.
    const bill = (vat: number) => {
      const read = [cand("subtotal", 2, 650), cand("discount", 2, 50), cand("vat", 1, vat)];
      return facts([...read, cand("total", 3, 600 + vat)], { rates: [1500] });
    };
    // On the price before it: 15% of 650.
    expect(reconcileAmounts(bill(97.5)).rateCheck).toBe(1500);
    expect(confidence(bill(97.5), "vat")).toBeGreaterThan(0.9);
    // On the price after it: 15% of 600.
    expect(reconcileAmounts(bill(90)).rateCheck).toBe(1500);
    // Neither: the rate read does not confirm it.
    expect(reconcileAmounts(bill(80)).rateCheck).toBe(false);
  });

  it("takes what the total is above the items by the rate read as the VAT its lost line had", () => {
    // A memo: items 1,110.00, `ভ্যাট ৫%` with its figure unread, total 1,165.50.
    const read = facts([cand("total", 3, 1_165.5)], { itemsSum: 111_000, rates: [500] });
    expect(values(read)).toMatchObject({ total: 116_550, vat: 5_550 });
    // No rate read: the items may be misread, nothing says what lies between.
    expect(values(facts([cand("total", 3, 1_165.5)], { itemsSum: 111_000 })).vat).toBeUndefined();
  });
});
