import { describe, expect, it } from "vitest";
import type { FieldValues, InvoiceFields } from "./invoice";
import { defaultLedgerMapping, LedgerMapping } from "./ledger-mapping";
import { purchaseVoucher, VoucherError } from "./purchase-voucher";
import type { Supplier } from "./supplier";

const id = "0192f5a4-7c1e-7000-8000-000000000457";
function fields(over: Partial<FieldValues> = {}): InvoiceFields {
  const values: Partial<FieldValues> = {
    supplierName: "M/S Meghna Bhandar",
    invoiceNumber: "MB-2026-0457",
    issueDate: "2026-11-18",
    subtotal: 1_91_40_00,
    vatRate: 0.15,
    vat: 28_71_00,
    total: 2_20_11_00,
    ...over,
  };
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([k, value]) => [k, { value, confidence: 1, provenance: "human" }]),
  ) as InvoiceFields;
}
const meghna: Supplier = {
  id: "s1",
  name: "Meghna Stores",
  aliases: [],
  ledger: "Meghna Stores (Ctg)",
};
const sum = (v: { entries: { amount: number }[] }) => v.entries.reduce((s, e) => s + e.amount, 0);

describe("purchaseVoucher", () => {
  it("credits the supplier's ledger with the total, debits input VAT and the purchase ledger", () => {
    const v = purchaseVoucher({ id, version: 1, fields: fields() }, meghna, defaultLedgerMapping);
    expect(v).toMatchObject({
      invoiceId: id,
      version: 1,
      date: "2026-11-18",
      reference: "MB-2026-0457",
      party: "Meghna Stores (Ctg)",
      total: 2_20_11_00,
    });
    expect(v.entries).toEqual([
      { kind: "party", ledger: "Meghna Stores (Ctg)", amount: -2_20_11_00 },
      { kind: "expense", ledger: "Purchase", amount: 1_91_40_00 },
      { kind: "vat", ledger: "Input VAT", amount: 28_71_00 },
    ]);
    expect(v.narration).toBe(`Invoice MB-2026-0457 from M/S Meghna Bhandar (Chalan ${id})`);
  });

  it("balances to the poisha with a discount and odd VAT, and uses the category's ledger", () => {
    const mapping = LedgerMapping.parse({ categoryLedgers: { Packaging: "Packing Materials" } });
    const v = purchaseVoucher(
      {
        id,
        version: 2,
        fields: fields({ subtotal: 10_000_33, discount: 500_00, vat: 712_52, total: 10_212_85 }),
      },
      { ...meghna, ledger: undefined, category: "Packaging" },
      mapping,
    );
    expect(sum(v)).toBe(0);
    expect(v.party).toBe("Meghna Stores");
    expect(v.entries[1]).toEqual({
      kind: "expense",
      ledger: "Packing Materials",
      amount: 10_212_85 - 712_52,
    });
  });

  it("withholds the VDS and AIT the supplier's category calls for, crediting the supplier the rest", () => {
    const mapping = LedgerMapping.parse({
      categoryLedgers: { Rent: "Rent Expense" },
      withholding: { Rent: { vdsShare: 1, aitRate: 0.05 }, Security: { vdsShare: 0.5 } },
    });
    const rent = { ...meghna, ledger: undefined, category: "Rent" };
    // Rent of ৳50,000 with 15% VAT (৳7,500): all the VAT and 5% of the rent withheld.
    const v = purchaseVoucher(
      { id, version: 1, fields: fields({ subtotal: 50_000_00, vat: 7_500_00, total: 57_500_00 }) },
      rent,
      mapping,
    );
    expect(v.entries).toEqual([
      { kind: "party", ledger: "Meghna Stores", amount: -(57_500_00 - 7_500_00 - 2_500_00) },
      { kind: "expense", ledger: "Rent Expense", amount: 50_000_00 },
      { kind: "vat", ledger: "Input VAT", amount: 7_500_00 },
      { kind: "vds", ledger: "VDS Payable", amount: -7_500_00 },
      { kind: "ait", ledger: "AIT Payable", amount: -2_500_00 },
    ]);
    expect(v.total).toBe(57_500_00);
    // Shares that do not come out whole still balance to the poisha.
    const odd = purchaseVoucher(
      { id, version: 1, fields: fields({ vat: 712_53, total: 10_212_85 }) },
      { ...rent, category: "Security" },
      mapping,
    );
    expect(sum(odd)).toBe(0);
    expect(odd.entries.find((e) => e.kind === "vds")?.amount).toBe(-356_27);
    expect(odd.entries.find((e) => e.kind === "ait")).toBeUndefined();
    // Categories without withholding are left alone.
    const none = purchaseVoucher({ id, version: 1, fields: fields() }, meghna, mapping);
    expect(none.entries.map((e) => e.kind)).toEqual(["party", "expense", "vat"]);
  });

  it("takes an unmatched supplier's name as written, and leaves out VAT that is not there", () => {
    const v = purchaseVoucher(
      { id, version: 1, fields: fields({ vat: undefined, vatRate: undefined, total: 5_000_00 }) },
      undefined,
      defaultLedgerMapping,
    );
    expect(v.entries).toEqual([
      { kind: "party", ledger: "M/S Meghna Bhandar", amount: -5_000_00 },
      { kind: "expense", ledger: "Purchase", amount: 5_000_00 },
    ]);
  });

  it("refuses an invoice the books cannot take, saying what is missing", () => {
    const without = fields();
    delete without.issueDate;
    delete without.total;
    expect(() =>
      purchaseVoucher({ id, version: 1, fields: without }, meghna, defaultLedgerMapping),
    ).toThrow(new VoucherError("The invoice has no issue date, total: the books need it."));
    expect(() =>
      purchaseVoucher(
        { id, version: 1, fields: fields({ vat: 3_00_00_00 }) },
        meghna,
        defaultLedgerMapping,
      ),
    ).toThrow(/VAT .* is more than the total/);
  });
});
