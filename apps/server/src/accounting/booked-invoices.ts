import type { Approval } from "@chalan/core";
import {
  type BookedInvoice,
  type InvoiceFields,
  type InvoiceStatus,
  type LedgerMapping,
  purchaseVoucher,
  VoucherError,
} from "@chalan/core";
import type { Sql } from "../db/sql";
import { approvalOf } from "../invoices/invoice-repo";
import { type SupplierRow, toSupplier } from "../suppliers/supplier-repo";

/**
 * The approved and posted invoices issued from `from` to `to` (`YYYY-MM-DD`, both included), oldest
 * first, each with its voucher under the business's ledger mapping (or why it cannot have one).
 */
export async function bookedInvoices(
  db: Sql,
  orgId: string,
  mapping: LedgerMapping,
  { from, to }: { from: string; to: string },
): Promise<BookedInvoice[]> {
  const { rows } = await db.query<{
    id: string;
    status: InvoiceStatus;
    fields: InvoiceFields;
    approved_by: string | null;
    approved_by_name: string | null;
    approved_at: Date | null;
    accepted_warnings: Approval["acceptedWarnings"] | null;
    supplier: SupplierRow | null;
    version: number;
  }>(
    `SELECT i.id, i.status, i.fields, i.approved_by, i.approved_at, i.accepted_warnings,
            u.name AS approved_by_name, to_jsonb(s) AS supplier,
            -- The version as approved: one per approval that reached the outbox (1 without one).
            (SELECT coalesce(max(p.version), 1) FROM postings p
              WHERE p.org_id = i.org_id AND p.invoice_id = i.id) AS version
     FROM invoices i
       LEFT JOIN users u ON u.org_id = i.org_id AND u.id = i.approved_by
       LEFT JOIN suppliers s ON s.org_id = i.org_id AND s.id = i.supplier_id AND NOT s.deleted
     WHERE i.org_id = $1 AND i.status IN ('approved', 'posted')
       AND i.fields->'issueDate'->>'value' BETWEEN $2 AND $3
     ORDER BY i.fields->'issueDate'->>'value', i.id`,
    [orgId, from, to],
  );
  return rows.map((r) => {
    const supplier = r.supplier ? toSupplier(r.supplier) : undefined;
    let voucher: BookedInvoice["voucher"];
    try {
      voucher = purchaseVoucher(
        { id: r.id, version: r.version, fields: r.fields },
        supplier,
        mapping,
      );
    } catch (e) {
      if (!(e instanceof VoucherError)) throw e;
      voucher = { error: e.message };
    }
    return {
      id: r.id,
      status: r.status,
      fields: r.fields,
      approval: approvalOf(r),
      voucher,
    };
  });
}
