import { describe, expect, it } from "vitest";
import type { InvoiceFields } from "./invoice";
import { defaultLedgerMapping, LedgerMapping } from "./ledger-mapping";
import { purchaseVoucher } from "./purchase-voucher";
import {
  billHolds,
  parseQboFault,
  parseQboQuery,
  QboEntity,
  qboAccountsOf,
  qboAmount,
  qboQuery,
  quickbooksBill,
} from "./quickbooks-bill";

const id = "0192f5a4-7c1e-7000-8000-000000000457";
const field = (value: unknown) => ({ value, confidence: 1, provenance: "human" });
const fields = {
  supplierName: field("Meghna Stores"),
  invoiceNumber: field("MB-2026-0457"),
  issueDate: field("2026-11-18"),
  vat: field(28_71_07),
  total: field(2_20_11_03),
} as unknown as InvoiceFields;
const voucher = (version = 1, mapping = defaultLedgerMapping, category?: string) =>
  purchaseVoucher(
    { id, version, fields },
    category ? { id: "s1", name: "Meghna Stores", aliases: [], category } : undefined,
    mapping,
  );
const ids = { vendorId: "58", accountIds: { Purchase: "81", "Input VAT": "82", Rent: "83" } };

describe("quickbooksBill", () => {
  it("makes a Bill with one account line per debit, summing to the total to the poisha", () => {
    const bill = quickbooksBill(voucher(), ids);
    expect(bill).toMatchObject({
      VendorRef: { value: "58", name: "Meghna Stores" },
      TxnDate: "2026-11-18",
      DocNumber: "MB-2026-0457",
    });
    expect(bill.PrivateNote).toMatch(new RegExp(`chalan-${id} \\[v1\\]$`));
    expect(bill.Line).toEqual([
      {
        Amount: 19139.96,
        Description: "Purchase",
        DetailType: "AccountBasedExpenseLineDetail",
        AccountBasedExpenseLineDetail: { AccountRef: { value: "81", name: "Purchase" } },
      },
      {
        Amount: 2871.07,
        Description: "Input VAT",
        DetailType: "AccountBasedExpenseLineDetail",
        AccountBasedExpenseLineDetail: { AccountRef: { value: "82", name: "Input VAT" } },
      },
    ]);
    // Back in poisha, the lines are exactly the total: no float drift at the edge.
    const poisha = bill.Line.map((l) => Math.round(l.Amount * 100));
    expect(poisha.reduce((s, p) => s + p, 0)).toBe(2_20_11_03);
    expect(JSON.stringify(bill.Line[0]?.Amount)).toBe("19139.96");
  });

  it("says which version it holds, and cuts DocNumber to QBO's 21 characters", () => {
    const long = { ...fields, invoiceNumber: field("INV/2026/DHAKA-NORTH/000457") };
    const v = purchaseVoucher({ id, version: 3, fields: long as InvoiceFields }, undefined, {
      ...defaultLedgerMapping,
    });
    const bill = quickbooksBill(v, ids);
    expect(bill.DocNumber).toBe("INV/2026/DHAKA-NORTH/");
    expect(bill.PrivateNote).toContain("INV/2026/DHAKA-NORTH/000457");
    expect(billHolds(bill, id, 3)).toBe(true);
    expect(billHolds(bill, id, 1)).toBe(false);
    expect(billHolds(bill, id)).toBe(true);
    expect(billHolds({ PrivateNote: `chalan-${id} [v31]` }, id, 3)).toBe(false);
  });

  it("names the accounts to create: goods bought as cost of goods, a category's as expense, VAT as an asset", () => {
    const mapping = LedgerMapping.parse({ categoryLedgers: { rent: "Rent" } });
    expect(qboAccountsOf(voucher(1, mapping), mapping)).toEqual([
      { name: "Purchase", type: "Cost of Goods Sold" },
      { name: "Input VAT", type: "Other Current Asset" },
    ]);
    expect(qboAccountsOf(voucher(1, mapping, "rent"), mapping)).toEqual([
      { name: "Rent", type: "Expense" },
      { name: "Input VAT", type: "Other Current Asset" },
    ]);
  });

  it("takes VDS and AIT withheld off the Bill as negative lines to liability accounts: the vendor is owed the rest", () => {
    const mapping = LedgerMapping.parse({
      categoryLedgers: { rent: "Rent" },
      withholding: { rent: { vdsShare: 1, aitRate: 0.05 } },
    });
    const v = voucher(1, mapping, "rent");
    expect(qboAccountsOf(v, mapping).slice(2)).toEqual([
      { name: "VDS Payable", type: "Other Current Liability" },
      { name: "AIT Payable", type: "Other Current Liability" },
    ]);
    const bill = quickbooksBill(v, {
      vendorId: "58",
      accountIds: { ...ids.accountIds, "VDS Payable": "84", "AIT Payable": "85" },
    });
    expect(bill.Line.map((l) => [l.Description, l.Amount])).toEqual([
      ["Rent", 19139.96],
      ["Input VAT", 2871.07],
      ["VDS Payable", -2871.07],
      ["AIT Payable", -957],
    ]);
    const owed = bill.Line.reduce((s, l) => s + Math.round(l.Amount * 100), 0);
    expect(owed).toBe(-(v.entries.find((e) => e.kind === "party")?.amount ?? 0));
  });

  it("refuses to make a line for a ledger whose account was not resolved", () => {
    expect(() => quickbooksBill(voucher(), { vendorId: "58", accountIds: {} })).toThrow(/Purchase/);
  });

  it("converts poisha to decimal taka exactly", () => {
    expect(qboAmount(1)).toBe(0.01);
    expect(qboAmount(11_900_50)).toBe(11900.5);
    expect(qboAmount(0)).toBe(0);
  });
});

describe("QBO queries and answers", () => {
  it("escapes quotes in a query's value", () => {
    expect(qboQuery("Vendor", { DisplayName: "Rahman's Store" })).toBe(
      "select * from Vendor where DisplayName = 'Rahman\\'s Store'",
    );
    expect(qboQuery("Bill", { VendorRef: "58", TxnDate: "2026-11-18" })).toBe(
      "select * from Bill where VendorRef = '58' and TxnDate = '2026-11-18'",
    );
  });

  it("reads a QueryResponse, with or without the entity", () => {
    const found = {
      QueryResponse: {
        Vendor: [{ Id: "58", SyncToken: "0", DisplayName: "Meghna Stores" }],
        startPosition: 1,
        maxResults: 1,
      },
      time: "2026-11-18T10:00:00.000-07:00",
    };
    expect(parseQboQuery(found, "Vendor", QboEntity)).toEqual([
      { Id: "58", SyncToken: "0", DisplayName: "Meghna Stores" },
    ]);
    expect(parseQboQuery({ QueryResponse: {}, time: "x" }, "Vendor", QboEntity)).toEqual([]);
  });

  it("reads a Fault into the words Intuit gave", () => {
    const fault = {
      Fault: {
        Error: [
          {
            Message: "Duplicate Name Exists Error",
            Detail:
              "The name supplied already exists. : Another customer, vendor or employee is already using this name.",
            code: "6240",
            element: "",
          },
        ],
        type: "ValidationFault",
      },
      time: "2026-11-18T10:00:00.000-07:00",
    };
    expect(parseQboFault(fault)).toEqual({
      type: "ValidationFault",
      codes: ["6240"],
      message:
        "Duplicate Name Exists Error: The name supplied already exists. : Another customer, vendor or employee is already using this name.",
    });
    expect(parseQboFault({ Bill: {} })).toBeNull();
  });
});
