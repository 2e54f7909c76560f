import { toCsv } from "./csv";
import { dhakaDate, monthName, monthRange } from "./dates";
import { escapeHtml, oneLine } from "./html";
import { type EmailContent, UNKNOWN_SUPPLIER } from "./invoice-email";
import { formatDecimalTaka, formatTaka } from "./money";

/** One invoice as the monthly report sees it. Money in poisha. */
export interface ReportInvoice {
  id: string;
  supplierName: string | null;
  invoiceNumber: string | null;
  issueDate: string | null;
  /** ISO instant. */
  receivedAt: string;
  total: number | null;
  vat: number | null;
  status: string;
}

/** The invoices of one submitter for one month; the caller chooses which invoices belong. */
export interface MonthlyReportInput {
  submitterEmail: string;
  submitterName: string;
  /** `YYYY-MM`. */
  month: string;
  invoices: ReportInvoice[];
}

export interface SupplierTotal {
  supplier: string;
  count: number;
  total: number;
}

export interface MonthlySummary {
  submitterName: string;
  submitterEmail: string;
  month: string;
  count: number;
  /** Sum of the totals that could be read, poisha. */
  total: number;
  vat: number;
  /** Invoices counted whose total could not be read, so `total` leaves them out. */
  withoutTotal: number;
  /** Largest spend first. */
  bySupplier: SupplierTotal[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function summariseMonth(input: MonthlyReportInput): MonthlySummary {
  const suppliers = new Map<string, SupplierTotal>();
  let total = 0;
  let vat = 0;
  let withoutTotal = 0;
  for (const inv of input.invoices) {
    const name = oneLine(inv.supplierName ?? "") || UNKNOWN_SUPPLIER;
    // "RAHIM TRADERS" and "Rahim Traders" are one supplier; the first spelling seen is shown.
    const key = name.toLowerCase();
    const entry = suppliers.get(key) ?? { supplier: name, count: 0, total: 0 };
    entry.count += 1;
    entry.total += inv.total ?? 0;
    suppliers.set(key, entry);
    total += inv.total ?? 0;
    vat += inv.vat ?? 0;
    if (inv.total === null) withoutTotal += 1;
  }
  const bySupplier = [...suppliers.values()].sort(
    (a, b) => b.total - a.total || b.count - a.count || (a.supplier < b.supplier ? -1 : 1),
  );
  return {
    submitterName: input.submitterName,
    submitterEmail: input.submitterEmail,
    month: input.month,
    count: input.invoices.length,
    total,
    vat,
    withoutTotal,
    bySupplier,
  };
}

/**
 * Spend per calendar day of `YYYY-MM` (index 0 is the 1st), poisha: each invoice on the date
 * written on it, or the Dhaka day it was received when no date was read.
 */
export function dailyTotals(invoices: readonly ReportInvoice[], month: string): number[] {
  const days = Number(monthRange(month).to.slice(8));
  const totals = new Array<number>(days).fill(0);
  for (const inv of invoices) {
    const date = inv.issueDate ?? dhakaDate(new Date(inv.receivedAt));
    if (!date.startsWith(`${month}-`) || inv.total === null) continue;
    const day = Number(date.slice(8)) - 1;
    totals[day] = (totals[day] ?? 0) + inv.total;
  }
  return totals;
}

const CSV_HEADER = [
  "id",
  "received_at",
  "issue_date",
  "supplier",
  "invoice_number",
  "total_bdt",
  "vat_bdt",
  "status",
];

/** The invoice list as CSV (CRLF line ends), money in decimal taka, blank where unknown. */
export function invoicesCsv(invoices: ReportInvoice[]): string {
  const money = (poisha: number | null) => (poisha === null ? "" : formatDecimalTaka(poisha));
  const rows = invoices.map((inv) => [
    inv.id,
    inv.receivedAt,
    inv.issueDate ?? "",
    inv.supplierName ?? "",
    inv.invoiceNumber ?? "",
    money(inv.total),
    money(inv.vat),
    inv.status,
  ]);
  return toCsv([CSV_HEADER, ...rows]);
}

/** The monthly email: headline figures, then spend by supplier. */
export function monthlyReportText(summary: MonthlySummary, month: string): EmailContent {
  const period = monthName(month);
  const greeting = `Hello ${oneLine(summary.submitterName) || "there"},`;
  if (summary.count === 0) {
    const line = `There were no invoices in ${period}, so there is nothing to report.`;
    return {
      subject: `Chalan expenses for ${period}: no invoices`,
      text: `${greeting}\n\n${line}\n`,
      html: `<p>${escapeHtml(greeting)}</p>\n<p>${line}</p>`,
    };
  }
  const headline = `${formatTaka(summary.total)} across ${plural(summary.count, "invoice")}`;
  const figures: Array<[string, string]> = [
    ["Invoices", String(summary.count)],
    ["Total", formatTaka(summary.total)],
    ["VAT", formatTaka(summary.vat)],
  ];
  const suppliers = summary.bySupplier.map(
    (s) => [s.supplier, `${formatTaka(s.total)} (${plural(s.count, "invoice")})`] as const,
  );
  const caveat =
    summary.withoutTotal > 0
      ? `${plural(summary.withoutTotal, "invoice")} had no readable total and ${
          summary.withoutTotal === 1 ? "is" : "are"
        } not included in the amounts above.`
      : "";
  const text = [
    greeting,
    "",
    `Your Chalan expenses for ${period}:`,
    "",
    ...figures.map(([k, v]) => `${k}: ${v}`),
    "",
    "By supplier:",
    ...suppliers.map(([name, v]) => `- ${oneLine(name)}: ${v}`),
    ...(caveat ? ["", caveat] : []),
    "",
  ].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>Your Chalan expenses for ${period}:</p>`,
    "<table>",
    ...figures.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`),
    "</table>",
    "<h3>By supplier</h3>",
    "<table>",
    ...suppliers.map(([name, v]) => `<tr><td>${escapeHtml(name)}</td><td>${v}</td></tr>`),
    "</table>",
    ...(caveat ? [`<p>${caveat}</p>`] : []),
  ].join("\n");
  return { subject: `Chalan expenses for ${period}: ${headline}`, text, html };
}
