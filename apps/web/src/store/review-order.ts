import type { FieldName, FieldWrite } from "@chalan/core";
import type { LocalInvoice } from "./db";
import { conflictsOf } from "./field-writes";

export interface ReviewItem {
  inv: LocalInvoice;
  conflicts: [FieldName, FieldWrite[]][];
  /** The most money the invoice could be about, in poisha: what a wrong pick could cost. */
  stake: number;
}

const money = (v: unknown) => (typeof v === "number" ? v : 0);

/** Conflicts first, then the invoices with most money at stake. */
export function reviewOrder(invoices: LocalInvoice[]): ReviewItem[] {
  return invoices
    .map((inv) => {
      const conflicts = Object.entries(conflictsOf(inv)) as [FieldName, FieldWrite[]][];
      const values = conflicts.flatMap(([f, ws]) => (f === "total" ? ws.map((w) => w.value) : []));
      const stake = Math.max(money(inv.fields.total?.value), ...values.map(money));
      return { inv, conflicts, stake };
    })
    .sort(
      (a, b) =>
        Number(b.conflicts.length > 0) - Number(a.conflicts.length > 0) ||
        b.stake - a.stake ||
        a.inv.capturedAt - b.inv.capturedAt,
    );
}
