import { describe, expect, it } from "vitest";
import type { FieldName, FieldValues, InvoiceFields } from "./invoice";
import { type CheckContext, checkInvoice, type KnownInvoice } from "./invoice-checks";
import { pagePrint } from "./page-print";
import type { Supplier } from "./supplier";

const human = <K extends FieldName>(value: FieldValues[K]) => ({
  value,
  confidence: 1,
  provenance: "human" as const,
});

/** A Mushak-6.3 from a Dhaka wholesaler: 2 lines, 15% VAT, ৳1,38,000.00 in all. */
function mushak(over: Partial<FieldValues> = {}): InvoiceFields {
  const values: Partial<FieldValues> = {
    supplierName: "মেঘনা স্টোর্স",
    supplierBin: "0012345670101",
    invoiceNumber: "MS-2026/118",
    issueDate: "2026-11-20",
    dueDate: "2026-12-20",
    lineItems: [
      { description: "চাল (মিনিকেট) ৫০ কেজি", quantity: 20, unitPrice: 3_200_00, amount: 64_000_00 },
      { description: "Soybean oil 5 L", quantity: 50, unitPrice: 1_120_00, amount: 56_000_00 },
    ],
    subtotal: 1_20_000_00,
    vatRate: 0.15,
    vat: 18_000_00,
    total: 1_38_000_00,
    amountInWords: 1_38_000_00,
    ...over,
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, human(v as never)]));
}

const meghna: Supplier = {
  id: "0192f5a4-7c1e-7000-8000-000000000001",
  name: "Meghna Stores",
  nameBn: "মেঘনা স্টোর্স",
  aliases: [],
  bin: "0012345670101",
  usualVatRate: 0.15,
};
const ctx: CheckContext = { today: "2026-11-22", supplier: meghna };
const only = (fields: InvoiceFields, c: CheckContext = ctx) =>
  checkInvoice(fields, c).map((f) => [f.check, f.severity]);

describe("checkInvoice", () => {
  it("has nothing to say about a sound invoice", () => {
    expect(checkInvoice(mushak(), ctx)).toEqual([]);
    // A cash memo with no lines, no VAT and a total rounded to the taka is sound too.
    expect(
      checkInvoice(
        mushak({
          lineItems: [],
          subtotal: 4_249_60,
          vatRate: 0,
          vat: 0,
          total: 4_250_00,
          amountInWords: 4_250_00,
        }),
        {
          today: "2026-11-22",
        },
      ),
    ).toEqual([]);
  });

  it("lines-sum-to-subtotal: lines that do not add up to the subtotal, figures in lakh grouping and Bengali digits", () => {
    const [f] = checkInvoice(
      mushak({
        subtotal: 1_02_000_00,
        total: 1_17_300_00,
        vat: 15_300_00,
        amountInWords: 1_17_300_00,
      }),
      ctx,
    );
    expect(f).toMatchObject({
      check: "lines-sum-to-subtotal",
      severity: "error",
      fields: ["lineItems", "subtotal"],
    });
    expect(f?.message.en).toContain("৳1,20,000.00");
    expect(f?.message.en).toContain("৳1,02,000.00");
    expect(f?.message.bn).toContain("৳১,২০,০০০.০০");
  });

  it("line-amount: quantity × unit price differs from the line's amount", () => {
    const lines = mushak().lineItems?.value ?? [];
    const wrong = [
      { ...lines[0], amount: 46_000_00 } as (typeof lines)[number],
      lines[1] as (typeof lines)[number],
    ];
    expect(only(mushak({ lineItems: wrong }))).toEqual([
      ["line-amount", "warning"],
      ["lines-sum-to-subtotal", "error"],
    ]);
  });

  it("total-adds-up: to the poisha, or the total rounded to the taka, and nothing looser", () => {
    expect(only(mushak({ total: 1_38_000_01, amountInWords: 1_38_000_01 }))).toEqual([]);
    expect(only(mushak({ total: 1_38_100_00, amountInWords: 1_38_100_00 }))).toEqual([
      ["total-adds-up", "error"],
    ]);
    // A discount comes off before VAT at 7.5%.
    const discounted = mushak({
      discount: 20_000_00,
      vatRate: 0.075,
      vat: 7_500_00,
      total: 1_07_500_00,
      amountInWords: 1_07_500_00,
    });
    expect(only(discounted, { today: "2026-11-22" })).toEqual([]);
  });

  it("vat-rate-legal and vat-matches-rate: 12% is no Bangladesh rate; 5% of the net is not what is written", () => {
    expect(
      only(
        mushak({ vatRate: 0.12, vat: 14_400_00, total: 1_34_400_00, amountInWords: 1_34_400_00 }),
        { today: "2026-11-22" },
      ),
    ).toEqual([["vat-rate-legal", "warning"]]);
    expect(only(mushak({ vatRate: 0.05 }), { today: "2026-11-22" })).toEqual([
      ["vat-matches-rate", "warning"],
    ]);
  });

  it("vat-rate-usual: the supplier usually charges 15%, this one says 5%", () => {
    const five = mushak({
      vatRate: 0.05,
      vat: 6_000_00,
      total: 1_26_000_00,
      amountInWords: 1_26_000_00,
    });
    const [f] = checkInvoice(five, ctx);
    expect(f).toMatchObject({ check: "vat-rate-usual", severity: "warning" });
    expect(f?.message.en).toBe("Meghna Stores usually charges 15% VAT; this invoice says 5%.");
    expect(f?.message.bn).toBe("মেঘনা স্টোর্স সাধারণত ১৫% ভ্যাট নেয়; এই চালানে ৫%।");
  });

  it("bin-matches-supplier: another BIN than the matched supplier's", () => {
    const [f] = checkInvoice(mushak({ supplierBin: "0098765430101" }), ctx);
    expect(f).toMatchObject({
      check: "bin-matches-supplier",
      severity: "error",
      fields: ["supplierBin"],
    });
    expect(f?.message.bn).toContain("০০৯৮৭৬৫৪৩০১০১");
    expect(only(mushak({ supplierBin: "0098765430101" }), { today: "2026-11-22" })).toEqual([]);
  });

  it("date-in-future, date-old and due-before-issue", () => {
    expect(only(mushak({ issueDate: "2026-11-23", dueDate: "2026-12-23" }))).toEqual([
      ["date-in-future", "error"],
    ]);
    expect(only(mushak({ issueDate: "2025-06-01", dueDate: "2025-07-01" }))).toEqual([
      ["date-old", "warning"],
    ]);
    expect(only(mushak({ issueDate: "2016-11-20", dueDate: "2016-12-20" }))).toEqual([
      ["date-old", "error"],
    ]);
    expect(only(mushak({ dueDate: "2026-11-01" }))).toEqual([["due-before-issue", "error"]]);
    const [late] = checkInvoice(mushak({ dueDate: "2026-11-01" }), ctx);
    expect(late?.message.en).toBe("The due date 01/11/2026 is before the invoice date 20/11/2026.");
    expect(late?.message.bn).toBe("পরিশোধের তারিখ ০১/১১/২০২৬ চালানের তারিখ ২০/১১/২০২৬-এর আগে।");
  });

  it("words-match-figure: 'one lakh eighty-three thousand' against ৳1,38,000.00", () => {
    const [f] = checkInvoice(mushak({ amountInWords: 1_83_000_00 }), ctx);
    expect(f).toMatchObject({
      check: "words-match-figure",
      severity: "error",
      fields: ["amountInWords", "total"],
    });
    expect(f?.message.bn).toContain("৳১,৮৩,০০০.০০");
  });

  it("amount-unusual: over three times the supplier's median, once five earlier invoices tell what usual is", () => {
    const usual = [30_000_00, 42_000_00, 35_500_00, 40_000_00, 38_000_00];
    expect(only(mushak(), { ...ctx, supplierTotals: usual })).toEqual([
      ["amount-unusual", "warning"],
    ]);
    expect(only(mushak(), { ...ctx, supplierTotals: usual.slice(0, 4) })).toEqual([]);
    expect(
      only(mushak(), {
        ...ctx,
        supplierTotals: [...usual, 1_00_000_00, 1_20_000_00, 90_000_00, 1_10_000_00, 95_000_00],
      }),
    ).toEqual([]);
  });

  describe("duplicates", () => {
    const earlier: KnownInvoice = {
      id: "0192f5a4-7c1e-7000-8000-0000000000aa",
      supplierName: "M/S. মেঘনা স্টোর্স লিঃ",
      invoiceNumber: "MS-2026 / 118",
      total: 99_00,
      issueDate: "2026-11-01",
    };

    it("duplicate-number: the same supplier (however written) and number", () => {
      const [f] = checkInvoice(mushak({ invoiceNumber: "MS-2026/118" }), {
        ...ctx,
        others: [earlier],
      });
      expect(f).toMatchObject({ check: "duplicate-number", severity: "error" });
      expect(f?.message.en).toContain(earlier.id);
      expect(only(mushak({ invoiceNumber: "MS-2026/119" }), { ...ctx, others: [earlier] })).toEqual(
        [],
      );
      // The same number from another supplier is another invoice.
      expect(only(mushak({ supplierName: "পদ্মা ট্রেডার্স" }), { ...ctx, others: [earlier] })).toEqual(
        [],
      );
      // Of the two copies, the one captured later is the duplicate, not the first.
      const later = { ...earlier, id: "0192f5a4-7c1e-7000-8000-0000000000cc" };
      const asLater = { ...ctx, invoiceId: "0192f5a4-7c1e-7000-8000-0000000000dd" };
      const asFirst = { ...ctx, invoiceId: "0192f5a4-7c1e-7000-8000-0000000000bb" };
      expect(only(mushak(), { ...asLater, others: [later] })).toEqual([
        ["duplicate-number", "error"],
      ]);
      expect(only(mushak(), { ...asFirst, others: [later] })).toEqual([]);
    });

    it("duplicate-amount-date: same supplier, total and date, another number", () => {
      const same = {
        ...earlier,
        invoiceNumber: "MS-2026/120",
        total: 1_38_000_00,
        issueDate: "2026-11-20",
      };
      expect(only(mushak(), { ...ctx, others: [same] })).toEqual([
        ["duplicate-amount-date", "warning"],
      ]);
    });

    it("duplicate-page: a photo of the same paper, unless something read on both differs", () => {
      // Pages of one layout (the same letterhead and table), the second with a longer name and a
      // further line: ink as a 400 × 560 photo would show it.
      const photo = (blocks: [number, number, number, number][]) => {
        const px = new Uint8Array(400 * 560).fill(235);
        for (const [x, y, w, h] of blocks) {
          for (let yy = y; yy < y + h; yy++) px.fill(30, yy * 400 + x, yy * 400 + x + w);
        }
        return pagePrint(px, 400, 560).cells;
      };
      const layout: [number, number, number, number][] = [
        [30, 30, 120, 14],
        [280, 60, 90, 10],
        [30, 100, 340, 2],
        [30, 130, 340, 2],
        [280, 300, 90, 10],
      ];
      const paper = photo([...layout, [30, 150, 160, 8], [300, 150, 60, 8]]);
      const again = photo([...layout, [31, 151, 160, 8], [301, 151, 60, 8]]);
      const other = photo([...layout, [30, 150, 230, 8], [300, 150, 60, 8], [30, 170, 120, 8]]);

      // The number went unread on the first photo: only the page says it is the same invoice.
      const first = {
        id: "0192f5a4-7c1e-7000-8000-0000000000bb",
        total: 1_38_000_00,
        pagePrints: [paper],
      };
      expect(only(mushak(), { ...ctx, others: [first], pagePrints: [again] })).toEqual([
        ["duplicate-page", "error"],
      ]);
      expect(only(mushak(), { ...ctx, others: [first], pagePrints: [other] })).toEqual([]);
      // One layout, other figures: two invoices, however alike the pages look.
      const differs = { ...first, total: 99_00 };
      expect(only(mushak(), { ...ctx, others: [differs], pagePrints: [again] })).toEqual([]);
    });
  });
});
