import { DOMParser, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { defaultLedgerMapping } from "./ledger-mapping";
import type { PurchaseVoucher } from "./purchase-voucher";
import {
  parseTallyImportResult,
  tallyImportTook,
  tallyLedgersEnvelope,
  tallyRemoteId,
  tallyVouchersEnvelope,
  voucherLedgers,
} from "./tally-xml";

const id = "0192f5a4-7c1e-7000-8000-000000000457";
const voucher: PurchaseVoucher = {
  invoiceId: id,
  version: 1,
  date: "2026-11-18",
  reference: "MB-2026/0457",
  party: "Meghna & Sons <Ctg>",
  narration: "Invoice MB-2026/0457 from মেঘনা ভান্ডার\u0004",
  entries: [
    { kind: "party", ledger: "Meghna & Sons <Ctg>", amount: -2_20_11_00 },
    { kind: "expense", ledger: "Purchase Accounts", amount: 1_91_40_05 },
    { kind: "vat", ledger: "Input VAT", amount: 28_70_95 },
  ],
  total: 2_20_11_00,
};

/** Parses strictly (a malformed envelope throws) and returns the document element. */
function parse(xml: string): Element {
  const doc = new DOMParser({
    onError: (level, msg) => {
      throw new Error(`${level}: ${msg}`);
    },
  }).parseFromString(xml, "text/xml");
  return doc.documentElement as Element;
}
const child = (e: Element, path: string): Element => {
  let at = e;
  for (const name of path.split("/")) {
    const next = Array.from(at.childNodes).find((n) => n.nodeName === name) as Element | undefined;
    if (!next) throw new Error(`no ${name} under ${at.nodeName}`);
    at = next;
  }
  return at;
};
const all = (e: Element, name: string) =>
  Array.from(e.childNodes).filter((n) => n.nodeName === name) as Element[];
const textOf = (e: Element, path: string) => child(e, path).textContent;

describe("Tally XML", () => {
  it("wraps vouchers in the documented import envelope (VERSION 1, Import, Data, ID Vouchers)", () => {
    const root = parse(tallyVouchersEnvelope([{ voucher, action: "Create" }], "Rahman Traders"));
    expect(root.nodeName).toBe("ENVELOPE");
    expect(textOf(root, "HEADER/VERSION")).toBe("1");
    expect(textOf(root, "HEADER/TALLYREQUEST")).toBe("Import");
    expect(textOf(root, "HEADER/TYPE")).toBe("Data");
    expect(textOf(root, "HEADER/ID")).toBe("Vouchers");
    expect(textOf(root, "BODY/DESC/STATICVARIABLES/SVCURRENTCOMPANY")).toBe("Rahman Traders");
    const message = child(root, "BODY/DATA/TALLYMESSAGE");
    expect(message.getAttribute("xmlns:UDF")).toBe("TallyUDF");
    const [v] = all(message, "VOUCHER") as [Element];
    expect(v.getAttribute("REMOTEID")).toBe(tallyRemoteId(id));
    expect(v.getAttribute("VCHTYPE")).toBe("Purchase");
    expect(v.getAttribute("ACTION")).toBe("Create");
    expect(v.getAttribute("OBJVIEW")).toBe("Accounting Voucher View");
    expect(textOf(v, "DATE")).toBe("20261118");
    expect(textOf(v, "VOUCHERTYPENAME")).toBe("Purchase");
    expect(textOf(v, "REFERENCE")).toBe("MB-2026/0457");
    expect(textOf(v, "PARTYLEDGERNAME")).toBe("Meghna & Sons <Ctg>");
    // The control character OCR left in is dropped; Bengali stays as written.
    // (with the version, so a re-read shows which one Tally holds).
    expect(textOf(v, "NARRATION")).toBe("Invoice MB-2026/0457 from মেঘনা ভান্ডার [v1]");
  });

  it("writes debits as deemed positive with negative amounts and credits the other way, summing to 0", () => {
    const v = child(
      parse(tallyVouchersEnvelope([{ voucher, action: "Create" }])),
      "BODY/DATA/TALLYMESSAGE/VOUCHER",
    );
    const lines = all(v, "ALLLEDGERENTRIES.LIST").map((e) => ({
      ledger: textOf(e, "LEDGERNAME"),
      deemedPositive: textOf(e, "ISDEEMEDPOSITIVE"),
      party: textOf(e, "ISPARTYLEDGER"),
      amount: textOf(e, "AMOUNT"),
    }));
    expect(lines).toEqual([
      { ledger: "Meghna & Sons <Ctg>", deemedPositive: "No", party: "Yes", amount: "22011.00" },
      { ledger: "Purchase Accounts", deemedPositive: "Yes", party: "No", amount: "-19140.05" },
      { ledger: "Input VAT", deemedPositive: "Yes", party: "No", amount: "-2870.95" },
    ]);
    const poisha = lines.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    expect(poisha).toBe(0);
    // The supplier's line carries the bill, so Tally lists it among what is owed to them.
    const bill = child(all(v, "ALLLEDGERENTRIES.LIST")[0] as Element, "BILLALLOCATIONS.LIST");
    expect([textOf(bill, "NAME"), textOf(bill, "BILLTYPE"), textOf(bill, "AMOUNT")]).toEqual([
      "MB-2026/0457",
      "New Ref",
      "22011.00",
    ]);
  });

  it("alters the same voucher for an amendment", () => {
    const v = child(
      parse(tallyVouchersEnvelope([{ voucher: { ...voucher, version: 2 }, action: "Alter" }])),
      "BODY/DATA/TALLYMESSAGE/VOUCHER",
    );
    expect(v.getAttribute("ACTION")).toBe("Alter");
    expect(v.getAttribute("REMOTEID")).toBe(tallyRemoteId(id));
    expect(textOf(v, "NARRATION")).toMatch(/\[v2\]$/);
  });

  it("names each ledger a voucher needs under its group", () => {
    expect(voucherLedgers(voucher, defaultLedgerMapping)).toEqual([
      { name: "Meghna & Sons <Ctg>", parent: "Sundry Creditors", billWise: true },
      { name: "Purchase Accounts", parent: "Purchase Accounts", billWise: false },
      { name: "Input VAT", parent: "Duties & Taxes", billWise: false },
    ]);
  });

  it("puts withheld VDS and AIT under the tax group, as credits, the bill for what is left, and the cost centre on the purchase only", () => {
    const withheld: PurchaseVoucher = {
      ...voucher,
      entries: [
        { kind: "party", ledger: "Meghna & Sons <Ctg>", amount: -2_20_11_00 + 28_70_95 + 9_57_00 },
        { kind: "expense", ledger: "Purchase Accounts", amount: 1_91_40_05 },
        { kind: "vat", ledger: "Input VAT", amount: 28_70_95 },
        { kind: "vds", ledger: "VDS Payable", amount: -28_70_95 },
        { kind: "ait", ledger: "AIT Payable", amount: -9_57_00 },
      ],
      costCentre: "Chattogram branch",
    };
    expect(voucherLedgers(withheld, defaultLedgerMapping).slice(3)).toEqual([
      { name: "VDS Payable", parent: "Duties & Taxes", billWise: false },
      { name: "AIT Payable", parent: "Duties & Taxes", billWise: false },
    ]);
    const v = child(
      parse(tallyVouchersEnvelope([{ voucher: withheld, action: "Create" }])),
      "BODY/DATA/TALLYMESSAGE/VOUCHER",
    );
    const entries = all(v, "ALLLEDGERENTRIES.LIST");
    expect(entries.map((e) => [textOf(e, "ISDEEMEDPOSITIVE"), textOf(e, "AMOUNT")])).toEqual([
      ["No", "18183.05"],
      ["Yes", "-19140.05"],
      ["Yes", "-2870.95"],
      ["No", "2870.95"],
      ["No", "957.00"],
    ]);
    expect(textOf(child(entries[0] as Element, "BILLALLOCATIONS.LIST"), "AMOUNT")).toBe("18183.05");
    expect(entries.map((e) => e.getElementsByTagName("COSTCENTREALLOCATIONS.LIST").length)).toEqual(
      [0, 1, 0, 0, 0],
    );
  });

  it("creates supplier ledgers under their group, bill by bill", () => {
    const root = parse(
      tallyLedgersEnvelope([{ name: "Padma & Co", parent: "Sundry Creditors", billWise: true }]),
    );
    expect(textOf(root, "HEADER/ID")).toBe("All Masters");
    const ledger = child(root, "BODY/DATA/TALLYMESSAGE/LEDGER");
    expect(ledger.getAttribute("NAME")).toBe("Padma & Co");
    expect(ledger.getAttribute("ACTION")).toBe("Create");
    expect(textOf(ledger, "NAME.LIST/NAME")).toBe("Padma & Co");
    expect(textOf(ledger, "PARENT")).toBe("Sundry Creditors");
    expect(textOf(ledger, "ISBILLWISEON")).toBe("Yes");
  });

  it("reads Tally's answers in either wrapper, LINEERRORs included", () => {
    const wrapped =
      "<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DATA><IMPORTRESULT>" +
      "<CREATED>1</CREATED><ALTERED>0</ALTERED><LASTVCHID>119</LASTVCHID><LASTMID>0</LASTMID>" +
      "<COMBINED>0</COMBINED><IGNORED>0</IGNORED><ERRORS>0</ERRORS></IMPORTRESULT></DATA></BODY></ENVELOPE>";
    const ok = parseTallyImportResult(wrapped);
    expect(ok).toEqual({
      created: 1,
      altered: 0,
      ignored: 0,
      errors: 0,
      exceptions: 0,
      lineErrors: [],
      lastVoucherId: "119",
    });
    expect(tallyImportTook(ok)).toBe(true);

    const refused = parseTallyImportResult(
      "<RESPONSE><CREATED>0</CREATED><ALTERED>0</ALTERED><IGNORED>0</IGNORED><ERRORS>1</ERRORS>" +
        "<EXCEPTIONS>0</EXCEPTIONS><LINEERROR>Ledger &apos;Meghna &amp; Sons&apos; does not exist!</LINEERROR></RESPONSE>",
    );
    expect(refused.lineErrors).toEqual(["Ledger 'Meghna & Sons' does not exist!"]);
    expect(tallyImportTook(refused)).toBe(false);
    // A LINEERROR with every counter at 0, and Tally's stray &#4;, are still read as a refusal.
    const bare = parseTallyImportResult(
      "<ENVELOPE><HEADER><STATUS>0</STATUS></HEADER><BODY><DATA>&#4;<LINEERROR>Voucher totals do not match!</LINEERROR></DATA></BODY></ENVELOPE>",
    );
    expect(bare.lineErrors).toEqual(["Voucher totals do not match!"]);
    expect(tallyImportTook(bare)).toBe(false);
    expect(
      tallyImportTook(parseTallyImportResult("<RESPONSE><EXCEPTIONS>1</EXCEPTIONS></RESPONSE>")),
    ).toBe(false);
  });
});
