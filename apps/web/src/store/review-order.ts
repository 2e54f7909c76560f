import type { FieldName, FieldWrite, Finding } from "@chalan/core";
import type { LocalInvoice } from "./db";
import { conflictsOf } from "./field-writes";

export interface ReviewItem {
  inv: LocalInvoice;
  conflicts: [FieldName, FieldWrite[]][];
  /** What the checks found wrong: the invoice cannot be approved until these are settled. */
  errors: Finding[];
  /** The most money the invoice could be about, in poisha: what it holds back, or a wrong pick costs. */
  stake: number;
}

const money = (v: unknown) => (typeof v === "number" ? v : 0);

/**
 * The invoices waiting for a person: those the server or this device sent to review, and those the
 * checks on this device found errors in (the server will too once they reach it), unless already
 * approved. Conflicts first, then the most money held back, then the oldest.
 */
export function reviewOrder(
  invoices: LocalInvoice[],
  findings: Map<string, Finding[]> = new Map(),
): ReviewItem[] {
  return invoices
    .filter((inv) => inv.status !== "approved" && inv.status !== "posted")
    .map((inv) => {
      const conflicts = Object.entries(conflictsOf(inv)) as [FieldName, FieldWrite[]][];
      const errors = (findings.get(inv.id) ?? []).filter((f) => f.severity === "error");
      const values = conflicts.flatMap(([f, ws]) => (f === "total" ? ws.map((w) => w.value) : []));
      const stake = Math.max(money(inv.fields.total?.value), ...values.map(money));
      return { inv, conflicts, errors, stake };
    })
    .filter((item) => item.inv.status === "needs_review" || item.errors.length > 0)
    .sort(
      (a, b) =>
        Number(b.conflicts.length > 0) - Number(a.conflicts.length > 0) ||
        b.stake - a.stake ||
        a.inv.capturedAt - b.inv.capturedAt,
    );
}
