import { escapeHtml, oneLine } from "./html";
import { formatTaka } from "./money";

export interface InvoiceEmailInput {
  id: string;
  supplierName: string | null;
  /** Poisha. */
  total: number | null;
  issueDate: string | null;
  invoiceNumber: string | null;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export const UNKNOWN_SUPPLIER = "Unknown supplier";

/** The confirmation sent when an invoice has been read: what we think it says, so errors show. */
export function invoiceReceivedEmail(invoice: InvoiceEmailInput): EmailContent {
  const supplier = oneLine(invoice.supplierName ?? "") || UNKNOWN_SUPPLIER;
  const amount = invoice.total === null ? "amount unreadable" : formatTaka(invoice.total);
  const rows: Array<[string, string]> = [
    ["Supplier", supplier],
    ["Total", amount],
    ["Issue date", invoice.issueDate ?? "not read"],
    ["Invoice number", invoice.invoiceNumber ?? "not read"],
    ["Chalan reference", invoice.id],
  ];
  const text = [
    "Chalan has received and read this invoice:",
    "",
    ...rows.map(([k, v]) => `${k}: ${v}`),
    "",
    "If anything above is wrong, correct it in Chalan before the invoice is approved.",
  ].join("\n");
  const html = [
    "<p>Chalan has received and read this invoice:</p>",
    "<table>",
    ...rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${escapeHtml(v)}</td></tr>`),
    "</table>",
    "<p>If anything above is wrong, correct it in Chalan before the invoice is approved.</p>",
  ].join("\n");
  return { subject: `Invoice received: ${supplier} ${amount}`, text, html };
}
