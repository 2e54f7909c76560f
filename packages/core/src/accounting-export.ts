import { z } from "zod";
import { type InvoiceFields, type InvoiceStatus, IsoDate } from "./invoice";
import type { Approval } from "./invoice-review";
import { formatDecimalTaka } from "./money";
import type { PurchaseVoucher, VoucherEntry } from "./purchase-voucher";

/** `GET /api/exports/{csv,xlsx,hledger}?from=&to=`: approved and posted invoices issued in the range. */
export const ExportQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    /** For CSV, which table: one row per invoice, or per line item. */
    rows: z.enum(["invoices", "lines"]).default("invoices"),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to" });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** An approved invoice as the books see it: its fields, approval, and voucher (when it makes one). */
export interface BookedInvoice {
  id: string;
  status: InvoiceStatus;
  fields: InvoiceFields;
  approval: Approval | null;
  /** Or why the invoice cannot become a voucher (no total, say). */
  voucher: PurchaseVoucher | { error: string };
}

/** A spreadsheet cell: text, or money in poisha (a number column in decimal taka). */
export type Cell = string | { poisha: number } | { number: number };
export type Table = { header: string[]; rows: Cell[][] };

const money = (poisha: number | undefined): Cell => (poisha === undefined ? "" : { poisha });
const dhakaTime = (iso: string) =>
  new Date(iso).toLocaleString("sv-SE", { timeZone: "Asia/Dhaka" }).slice(0, 16);
const entryOf = (b: BookedInvoice, kind: VoucherEntry["kind"]) =>
  "error" in b.voucher ? undefined : b.voucher.entries.find((e) => e.kind === kind);
const ledgerOf = (b: BookedInvoice, kind: "party" | "expense") => entryOf(b, kind)?.ledger ?? "";
/** Tax withheld from the supplier (a credit in the voucher), as a positive amount; blank if none. */
const withheld = (b: BookedInvoice, kind: "vds" | "ait") => {
  const e = entryOf(b, kind);
  return e ? money(-e.amount) : "";
};

/** One row per invoice: what an accountant enters or ticks off against the books. */
export function invoiceTable(booked: BookedInvoice[]): Table {
  return {
    header: [
      "Date",
      "Supplier",
      "Supplier BIN",
      "Invoice No",
      "Party ledger",
      "Expense ledger",
      "Net (BDT)",
      "VAT rate",
      "VAT (BDT)",
      "Total (BDT)",
      "VDS withheld (BDT)",
      "AIT withheld (BDT)",
      "Payable to supplier (BDT)",
      "Status",
      "Approved by",
      "Approved at (Dhaka)",
      "Warnings accepted",
      "Not in the books because",
      "Chalan ID",
    ],
    rows: booked.map((b) => {
      const f = b.fields;
      const total = f.total?.value;
      const vat = f.vat?.value;
      return [
        f.issueDate?.value ?? "",
        f.supplierName?.value ?? "",
        f.supplierBin?.value ?? "",
        f.invoiceNumber?.value ?? "",
        ledgerOf(b, "party"),
        ledgerOf(b, "expense"),
        money(total === undefined ? undefined : total - (vat ?? 0)),
        f.vatRate?.value === undefined ? "" : `${Math.round(f.vatRate.value * 1000) / 10}%`,
        money(vat),
        money(total),
        withheld(b, "vds"),
        withheld(b, "ait"),
        "error" in b.voucher ? "" : money(-(entryOf(b, "party")?.amount ?? 0)),
        b.status,
        b.approval?.byName ?? "",
        b.approval ? dhakaTime(b.approval.at) : "",
        (b.approval?.acceptedWarnings ?? []).map((w) => w.message.en).join(" "),
        "error" in b.voucher ? b.voucher.error : "",
        b.id,
      ];
    }),
  };
}

/** One row per line item, with its invoice's date, supplier and number. */
export function lineItemTable(booked: BookedInvoice[]): Table {
  return {
    header: [
      "Date",
      "Supplier",
      "Invoice No",
      "Line",
      "Description",
      "Quantity",
      "Unit price (BDT)",
      "Amount (BDT)",
      "VAT rate",
      "Chalan ID",
    ],
    rows: booked.flatMap((b) =>
      (b.fields.lineItems?.value ?? []).map((l, i) => [
        b.fields.issueDate?.value ?? "",
        b.fields.supplierName?.value ?? "",
        b.fields.invoiceNumber?.value ?? "",
        { number: i + 1 },
        l.description,
        { number: l.quantity },
        { poisha: l.unitPrice },
        { poisha: l.amount },
        l.vatRate === undefined ? "" : `${Math.round(l.vatRate * 1000) / 10}%`,
        b.id,
      ]),
    ),
  };
}

/** A table's cells as CSV text: money in plain decimal taka. */
export function tableCells(table: Table): string[][] {
  const text = (c: Cell) =>
    typeof c === "string" ? c : "poisha" in c ? formatDecimalTaka(c.poisha) : String(c.number);
  return [table.header, ...table.rows.map((r) => r.map(text))];
}
