import { z } from "zod";
import type { LedgerMapping } from "./ledger-mapping";
import { formatDecimalTaka } from "./money";
import type { PurchaseVoucher } from "./purchase-voucher";
import { tallyRemoteId } from "./tally-xml";

/*
 * QuickBooks Online's side of a purchase voucher: a Bill (accounting API v3, JSON). Sources for the
 * shapes are in docs/quickbooks.md. Money stays integer poisha in Chalan; QBO's amounts are decimal
 * taka, converted only here.
 */

export interface QboRef {
  value: string;
  name?: string;
}

export interface QboBillLine {
  Amount: number;
  Description: string;
  DetailType: "AccountBasedExpenseLineDetail";
  AccountBasedExpenseLineDetail: { AccountRef: QboRef };
}

export interface QboBill {
  Id?: string;
  SyncToken?: string;
  VendorRef: QboRef;
  TxnDate: string;
  DocNumber?: string;
  PrivateNote: string;
  Line: QboBillLine[];
}

/** QBO takes at most 21 characters of DocNumber; the whole number is in PrivateNote too. */
const DOC_NUMBER_MAX = 21;

/** Decimal taka for QBO, exact to the poisha (11900.5 for 11_900_50). */
export const qboAmount = (poisha: number): number => Number(formatDecimalTaka(poisha));

/**
 * How a Bill says which invoice and version it holds, at the end of its PrivateNote: the same key
 * as Tally's REMOTEID, then `[vN]`. Read back to tell whether a Bill whose answer was lost is there.
 */
export const qboBillMarker = (invoiceId: string, version?: number): string =>
  `${tallyRemoteId(invoiceId)}${version === undefined ? " " : ` [v${version}]`}`;

/** Whether the Bill holds this invoice (any version), or this version of it. */
export function billHolds(bill: { PrivateNote?: string }, invoiceId: string, version?: number) {
  return (bill.PrivateNote ?? "").includes(qboBillMarker(invoiceId, version));
}

/** An account a Bill's line names, with the type to create it as when the company lacks it. */
export interface QboAccountNeed {
  name: string;
  type: "Cost of Goods Sold" | "Expense" | "Other Current Asset" | "Other Current Liability";
}

/**
 * The accounts of the voucher's lines but the supplier's: what was bought (goods bought as cost of
 * goods), input VAT, and the VDS and AIT withheld (owed to the government).
 */
export function qboAccountsOf(v: PurchaseVoucher, mapping: LedgerMapping): QboAccountNeed[] {
  const needs = v.entries
    .filter((e) => e.kind !== "party")
    .map(
      (e): QboAccountNeed => ({
        name: e.ledger,
        type:
          e.kind === "vat"
            ? "Other Current Asset"
            : e.kind === "vds" || e.kind === "ait"
              ? "Other Current Liability"
              : e.ledger === mapping.purchaseLedger
                ? "Cost of Goods Sold"
                : "Expense",
      }),
    );
  return needs.filter((n, i) => needs.findIndex((o) => o.name === n.name) === i);
}

/**
 * The Bill of a voucher, once the vendor's and accounts' ids in the company are known: one
 * account-based line per ledger but the supplier's (the purchase or category ledger, input VAT; VDS
 * and AIT withheld as negative lines), which sum to what the supplier is owed to the poisha since
 * the voucher balances.
 */
export function quickbooksBill(
  v: PurchaseVoucher,
  ids: { vendorId: string; accountIds: Record<string, string> },
): QboBill {
  const Line = v.entries
    .filter((e) => e.kind !== "party")
    .map((e): QboBillLine => {
      const account = ids.accountIds[e.ledger];
      if (!account) throw new Error(`No QuickBooks account resolved for ledger ${e.ledger}`);
      return {
        Amount: qboAmount(e.amount),
        Description: e.ledger,
        DetailType: "AccountBasedExpenseLineDetail",
        AccountBasedExpenseLineDetail: { AccountRef: { value: account, name: e.ledger } },
      };
    });
  return {
    VendorRef: { value: ids.vendorId, name: v.party },
    TxnDate: v.date,
    ...(v.reference && { DocNumber: v.reference.slice(0, DOC_NUMBER_MAX) }),
    PrivateNote: `${v.narration} ${qboBillMarker(v.invoiceId, v.version)}`,
    Line,
  };
}

/** A query in QBO's SQL-like language for one entity by equal fields; quotes escaped as `\'`. */
export function qboQuery(entity: "Vendor" | "Account" | "Bill", where: Record<string, string>) {
  const conditions = Object.entries(where).map(
    ([field, value]) => `${field} = '${value.replace(/'/g, "\\'")}'`,
  );
  return `select * from ${entity} where ${conditions.join(" and ")}`;
}

/** Any entity QBO answers with: its id and the version a full update must name. */
export const QboEntity = z.looseObject({ Id: z.string(), SyncToken: z.string() });
export const QboBillEntity = QboEntity.extend({
  PrivateNote: z.string().optional(),
  DocNumber: z.string().optional(),
  TotalAmt: z.number().optional(),
});
export type QboBillEntity = z.infer<typeof QboBillEntity>;

/** The entities of one kind in a query's answer (`{QueryResponse: {Vendor: [...]}}`, or none). */
export function parseQboQuery<S extends z.ZodType>(
  body: unknown,
  entity: string,
  schema: S,
): z.infer<S>[] {
  const answer = z.object({ QueryResponse: z.record(z.string(), z.unknown()) }).parse(body);
  return z.array(schema).parse(answer.QueryResponse[entity] ?? []);
}

/** One entity from a create, read or update answer (`{Bill: {...}, time}`). */
export function parseQboEntity<S extends z.ZodType>(
  body: unknown,
  entity: string,
  schema: S,
): z.infer<S> {
  return schema.parse(z.record(z.string(), z.unknown()).parse(body)[entity]);
}

const Fault = z.object({
  Fault: z.object({
    Error: z.array(
      z.object({
        Message: z.string().optional(),
        Detail: z.string().optional(),
        code: z.string().optional(),
        element: z.string().optional(),
      }),
    ),
    type: z.string().optional(),
  }),
});

/** What went wrong, from QBO's Fault body: its type and each error's Message and Detail. */
export function parseQboFault(
  body: unknown,
): { type: string; codes: string[]; message: string } | null {
  const f = Fault.safeParse(body);
  if (!f.success) return null;
  const errors = f.data.Fault.Error;
  return {
    type: f.data.Fault.type ?? "Fault",
    codes: errors.flatMap((e) => (e.code ? [e.code] : [])),
    message: errors
      .map((e) =>
        [e.Message, e.Detail && e.Detail !== e.Message ? e.Detail : undefined]
          .filter(Boolean)
          .join(": "),
      )
      .filter(Boolean)
      .join(" "),
  };
}
