import { dhakaDate, type InvoiceStatus } from "@chalan/core";
import type { LocalInvoice } from "../store/db";

export interface InvoiceFilter {
  status: InvoiceStatus | "all";
  needsReview: boolean;
  from: string;
  to: string;
  supplier: string;
}

export const noFilter: InvoiceFilter = {
  status: "all",
  needsReview: false,
  from: "",
  to: "",
  supplier: "",
};

/** The invoice's business date: as written on it, else the Dhaka day it was captured. */
export const invoiceDate = (inv: LocalInvoice): string =>
  inv.fields.issueDate?.value ?? dhakaDate(new Date(inv.capturedAt));

/** Newest first; dates compared as `YYYY-MM-DD` strings, supplier by case-blind substring. */
export function filterInvoices(all: readonly LocalInvoice[], f: InvoiceFilter): LocalInvoice[] {
  const supplier = f.supplier.trim().toLocaleLowerCase();
  return all
    .filter((inv) => {
      if (f.status !== "all" && inv.status !== f.status) return false;
      if (f.needsReview && inv.status !== "needs_review") return false;
      const date = invoiceDate(inv);
      if (f.from && date < f.from) return false;
      if (f.to && date > f.to) return false;
      const name = inv.fields.supplierName?.value?.toLocaleLowerCase() ?? "";
      return supplier === "" || name.includes(supplier);
    })
    .sort((a, b) => b.capturedAt - a.capturedAt);
}
