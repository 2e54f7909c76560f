import { escapeHtml } from "./html";
import type { LedgerMapping } from "./ledger-mapping";
import { formatDecimalTaka } from "./money";
import type { PurchaseVoucher } from "./purchase-voucher";

/*
 * Tally's XML interface (TallyPrime, and Tally.ERP 9 from release 5.4): requests in the documented
 * "VERSION 1" envelope; sources and the details relied on are in docs/tally.md.
 */

/** A ledger the books must have before a voucher can name it. */
export interface TallyLedger {
  name: string;
  /** Its group in Tally: "Sundry Creditors" for a supplier. */
  parent: string;
  /** Kept bill by bill (a supplier's: what is owed is listed invoice by invoice). */
  billWise: boolean;
}

// XML 1.0 allows none of the C0 controls but tab and line breaks: OCR'd text can hold them.
const text = (s: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  escapeHtml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ""));
const tallyDate = (iso: string) => iso.replaceAll("-", "");
/** Tally writes amounts as taka with two decimals, sign first. */
const amount = formatDecimalTaka;

/** The voucher's key in Tally: posting it again, or an amendment, alters it instead of adding one. */
export const tallyRemoteId = (invoiceId: string) => `chalan-${invoiceId}`;

function envelope(id: "All Masters" | "Vouchers", company: string | undefined, body: string) {
  return [
    "<ENVELOPE>",
    "<HEADER><VERSION>1</VERSION><TALLYREQUEST>Import</TALLYREQUEST><TYPE>Data</TYPE>",
    `<ID>${id}</ID></HEADER>`,
    "<BODY><DESC><STATICVARIABLES>",
    company ? `<SVCURRENTCOMPANY>${text(company)}</SVCURRENTCOMPANY>` : "",
    "</STATICVARIABLES></DESC>",
    `<DATA><TALLYMESSAGE xmlns:UDF="TallyUDF">${body}</TALLYMESSAGE></DATA>`,
    "</BODY></ENVELOPE>",
  ].join("\n");
}

/** Creates the ledgers (suppliers, mostly) the vouchers to follow will name. */
export function tallyLedgersEnvelope(ledgers: TallyLedger[], company?: string): string {
  const body = ledgers
    .map(
      (l) =>
        `<LEDGER NAME="${text(l.name)}" ACTION="Create"><NAME.LIST><NAME>${text(l.name)}</NAME></NAME.LIST>` +
        `<PARENT>${text(l.parent)}</PARENT><ISBILLWISEON>${l.billWise ? "Yes" : "No"}</ISBILLWISEON></LEDGER>`,
    )
    .join("\n");
  return envelope("All Masters", company, body);
}

/** The ledgers a voucher names, each under the group Chalan would create it in. */
export function voucherLedgers(v: PurchaseVoucher, mapping: LedgerMapping): TallyLedger[] {
  const group = {
    party: mapping.supplierGroup,
    expense: mapping.purchaseGroup,
    vat: mapping.vatGroup,
    vds: mapping.vatGroup,
    ait: mapping.vatGroup,
  };
  return v.entries.map((e) => ({
    name: e.ledger,
    parent: group[e.kind],
    billWise: e.kind === "party",
  }));
}

/**
 * A voucher to import: created the first time, altered once Tally has it (an amendment, found by its
 * REMOTEID).
 */
export interface TallyVoucher {
  voucher: PurchaseVoucher;
  action: "Create" | "Alter";
}

/**
 * Purchase vouchers in accounting voucher view. A debit is `ISDEEMEDPOSITIVE` Yes with a negative
 * amount, a credit No with a positive one (Tally's convention); the supplier's line carries the bill
 * (a new reference, the invoice number) so it shows among what is owed to them.
 */
export function tallyVouchersEnvelope(vouchers: TallyVoucher[], company?: string): string {
  const body = vouchers
    .map(({ voucher: v, action }) => {
      const entries = v.entries
        .map((e) => {
          const party = e.kind === "party";
          const bill =
            party && v.reference
              ? `<BILLALLOCATIONS.LIST><NAME>${text(v.reference)}</NAME><BILLTYPE>New Ref</BILLTYPE><AMOUNT>${amount(-e.amount)}</AMOUNT></BILLALLOCATIONS.LIST>`
              : "";
          const centre =
            v.costCentre && e.kind === "expense"
              ? `<CATEGORYALLOCATIONS.LIST><CATEGORY>Primary Cost Category</CATEGORY><COSTCENTREALLOCATIONS.LIST><NAME>${text(v.costCentre)}</NAME><AMOUNT>${amount(-e.amount)}</AMOUNT></COSTCENTREALLOCATIONS.LIST></CATEGORYALLOCATIONS.LIST>`
              : "";
          return [
            "<ALLLEDGERENTRIES.LIST>",
            `<LEDGERNAME>${text(e.ledger)}</LEDGERNAME>`,
            `<ISDEEMEDPOSITIVE>${e.amount > 0 ? "Yes" : "No"}</ISDEEMEDPOSITIVE>`,
            `<ISPARTYLEDGER>${party ? "Yes" : "No"}</ISPARTYLEDGER>`,
            `<AMOUNT>${amount(-e.amount)}</AMOUNT>${bill}${centre}`,
            "</ALLLEDGERENTRIES.LIST>",
          ].join("");
        })
        .join("\n");
      return [
        `<VOUCHER REMOTEID="${tallyRemoteId(v.invoiceId)}" VCHTYPE="Purchase" ACTION="${action}" OBJVIEW="Accounting Voucher View">`,
        `<DATE>${tallyDate(v.date)}</DATE>`,
        "<VOUCHERTYPENAME>Purchase</VOUCHERTYPENAME>",
        v.reference ? `<VOUCHERNUMBER>${text(v.reference)}</VOUCHERNUMBER>` : "",
        v.reference
          ? `<REFERENCE>${text(v.reference)}</REFERENCE><REFERENCEDATE>${tallyDate(v.date)}</REFERENCEDATE>`
          : "",
        `<PARTYLEDGERNAME>${text(v.party)}</PARTYLEDGERNAME>`,
        `<NARRATION>${text(`${v.narration} [v${v.version}]`)}</NARRATION>`,
        "<PERSISTEDVIEW>Accounting Voucher View</PERSISTEDVIEW><ISINVOICE>No</ISINVOICE>",
        entries,
        "</VOUCHER>",
      ]
        .filter(Boolean)
        .join("\n");
    })
    .join("\n");
  return envelope("Vouchers", company, body);
}

/** What Tally said to an import. */
export interface TallyImportResult {
  created: number;
  altered: number;
  ignored: number;
  errors: number;
  exceptions: number;
  /** Each LINEERROR, unescaped: why Tally refused a line ("Ledger 'X' does not exist!"). */
  lineErrors: string[];
  /** Tally's own id of the last voucher imported, when it says. */
  lastVoucherId?: string;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * Reads Tally's answer to an import, whichever wrapper its version uses (a bare RESPONSE, or
 * ENVELOPE/BODY/DATA/IMPORTRESULT); counters missing count 0. Tally writes `&#4;` in places, which
 * XML forbids, so the answer is read by its tags rather than by a strict parser.
 */
export function parseTallyImportResult(xml: string): TallyImportResult {
  const clean = xml.replace(/&#4;/g, "");
  const count = (tag: string) => {
    const m = new RegExp(`<${tag}>\\s*(-?\\d+)\\s*</${tag}>`).exec(clean);
    return m ? Number(m[1]) : 0;
  };
  const lineErrors = [...clean.matchAll(/<LINEERROR>([\s\S]*?)<\/LINEERROR>/g)].map((m) =>
    unescapeXml((m[1] ?? "").trim()),
  );
  const last = /<LASTVCHID>\s*(\d+)\s*<\/LASTVCHID>/.exec(clean)?.[1];
  return {
    created: count("CREATED"),
    altered: count("ALTERED"),
    ignored: count("IGNORED"),
    errors: count("ERRORS"),
    exceptions: count("EXCEPTIONS"),
    lineErrors,
    ...(last && last !== "0" && { lastVoucherId: last }),
  };
}

/**
 * Whether an import took: something created or altered, and no line refused. A LINEERROR can come
 * with every counter at 0, and EXCEPTIONS with no reason, so both count as refusals.
 */
export function tallyImportTook(r: TallyImportResult): boolean {
  return (
    r.created + r.altered > 0 && r.errors === 0 && r.exceptions === 0 && r.lineErrors.length === 0
  );
}

function exportRequest(
  id: string,
  type: "Collection" | "Data",
  company: string | undefined,
  desc: string,
) {
  return [
    "<ENVELOPE>",
    `<HEADER><VERSION>1</VERSION><TALLYREQUEST>Export</TALLYREQUEST><TYPE>${type}</TYPE><ID>${id}</ID></HEADER>`,
    "<BODY><DESC><STATICVARIABLES><SVEXPORTFORMAT>$$SysName:XML</SVEXPORTFORMAT>",
    company ? `<SVCURRENTCOMPANY>${text(company)}</SVCURRENTCOMPANY>` : "",
    `</STATICVARIABLES>${desc}</DESC></BODY>`,
    "</ENVELOPE>",
  ].join("\n");
}

/** Asks Tally for the names of the company's ledgers (a collection export, no filter to go wrong). */
export function tallyLedgerListRequest(company?: string): string {
  return exportRequest(
    "ChalanLedgers",
    "Collection",
    company,
    '<TDL><TDLMESSAGE><COLLECTION NAME="ChalanLedgers" ISMODIFY="No"><TYPE>Ledger</TYPE><FETCH>Name,Parent</FETCH></COLLECTION></TDLMESSAGE></TDL>',
  );
}

/** The ledger names in Tally's answer to tallyLedgerListRequest. */
export function parseTallyLedgerNames(xml: string): string[] {
  return [...xml.replace(/&#4;/g, "").matchAll(/<LEDGER\b[^>]*\bNAME="([^"]*)"/g)].map((m) =>
    unescapeXml(m[1] ?? ""),
  );
}

/**
 * Asks Tally for one day's vouchers (the Day Book): to tell whether a voucher whose answer was lost
 * is there after all, by its REMOTEID and the version in its narration.
 */
export function tallyDayBookRequest(date: string, company?: string): string {
  const day = tallyDate(date);
  return exportRequest("Day Book", "Data", company, "").replace(
    "</STATICVARIABLES>",
    `<SVFROMDATE TYPE="Date">${day}</SVFROMDATE><SVTODATE TYPE="Date">${day}</SVTODATE></STATICVARIABLES>`,
  );
}

/** The vouchers in a Day Book answer: their REMOTEID, Tally's id, and narration. */
export function parseTallyVouchers(
  xml: string,
): { remoteId: string; narration: string; masterId?: string }[] {
  return [...xml.replace(/&#4;/g, "").matchAll(/<VOUCHER\b([^>]*)>([\s\S]*?)<\/VOUCHER>/g)].map(
    (m) => {
      const remoteId = /\bREMOTEID="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "";
      const narration = /<NARRATION>([\s\S]*?)<\/NARRATION>/.exec(m[2] ?? "")?.[1] ?? "";
      const masterId = /<MASTERID>\s*([^<\s]+)\s*<\/MASTERID>/.exec(m[2] ?? "")?.[1];
      return {
        remoteId: unescapeXml(remoteId),
        narration: unescapeXml(narration),
        ...(masterId && { masterId }),
      };
    },
  );
}

/** Whether Tally holds this version of the invoice's voucher (its narration ends `[vN]`). */
export function holdsVersion(
  vouchers: { remoteId: string; narration: string }[],
  invoiceId: string,
  version: number,
): boolean {
  return vouchers.some(
    (v) => v.remoteId === tallyRemoteId(invoiceId) && v.narration.endsWith(`[v${version}]`),
  );
}
