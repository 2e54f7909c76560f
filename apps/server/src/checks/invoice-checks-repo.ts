import {
  checkInvoice,
  dhakaDate,
  type Finding,
  type InvoiceFields,
  type KnownInvoice,
} from "@chalan/core";
import type { Sql } from "../db/sql";
import { matchSupplier } from "../suppliers/supplier-repo";

const normalNumber = (n: string) => n.replace(/\s+/g, "").toLowerCase();
/** Re-photos of one page agree on how many cells are inked within this share. */
const INKED_SLACK = 0.1;
/** Pages compared with each page of the invoice: the most recent of those inked alike. */
const MAX_PRINT_CANDIDATES = 200;

/**
 * Runs core's checks of an invoice on the server, against everything the business holds: the
 * supplier matched by BIN, else by the closest of its names; that supplier's earlier totals; and the
 * invoices that could be this one again (same number, same total, or a page inked alike). Returns
 * the findings and the matched supplier's id.
 */
export async function checkOnServer(
  db: Sql,
  orgId: string,
  invoiceId: string,
  fields: InvoiceFields,
): Promise<{ findings: Finding[]; supplierId: string | null }> {
  const supplier = (
    await matchSupplier(db, orgId, {
      bin: fields.supplierBin?.value,
      name: fields.supplierName?.value,
    })
  )?.supplier;

  const number = fields.invoiceNumber?.value;
  const total = fields.total?.value;
  const { rows: mine } = await db.query<{ print: string; inked: number }>(
    `SELECT print, inked FROM invoice_pages
     WHERE org_id = $1 AND invoice_id = $2 AND print IS NOT NULL ORDER BY page_no`,
    [orgId, invoiceId],
  );
  const { rows: others } = await db.query<{
    id: string;
    supplier_id: string | null;
    fields: InvoiceFields;
    prints: string[] | null;
  }>(
    `WITH alike AS (
       SELECT DISTINCT invoice_id FROM unnest($5::int[]) AS m(inked)
       CROSS JOIN LATERAL (
         SELECT p.invoice_id FROM invoice_pages p JOIN invoices i ON i.org_id = p.org_id AND i.id = p.invoice_id
         WHERE p.org_id = $1 AND p.invoice_id <> $2 AND p.print IS NOT NULL
           AND p.inked BETWEEN m.inked * (1 - $6::float) AND m.inked * (1 + $6::float)
         ORDER BY i.received_at DESC LIMIT $7) c
     )
     SELECT i.id, i.supplier_id, i.fields,
            (SELECT array_agg(p.print ORDER BY p.page_no) FROM invoice_pages p
              WHERE p.org_id = i.org_id AND p.invoice_id = i.id AND p.print IS NOT NULL) AS prints
     FROM invoices i
     WHERE i.org_id = $1 AND i.id <> $2
       AND (lower(regexp_replace(i.fields->'invoiceNumber'->>'value', '\\s', '', 'g')) = $3
            OR (i.fields->'total'->>'value')::bigint = $4
            OR i.id IN (SELECT invoice_id FROM alike))
     LIMIT 400`,
    [
      orgId,
      invoiceId,
      number ? normalNumber(number) : null,
      total ?? null,
      mine.map((m) => m.inked),
      INKED_SLACK,
      MAX_PRINT_CANDIDATES,
    ],
  );
  const known: KnownInvoice[] = others.map((o) => ({
    id: o.id,
    ...(o.supplier_id && { supplierId: o.supplier_id }),
    supplierName: o.fields.supplierName?.value,
    invoiceNumber: o.fields.invoiceNumber?.value,
    total: o.fields.total?.value,
    issueDate: o.fields.issueDate?.value,
    ...(o.prints && { pagePrints: o.prints }),
  }));

  const { rows: history } = supplier
    ? await db.query<{ total: string }>(
        `SELECT fields->'total'->>'value' AS total FROM invoices
         WHERE org_id = $1 AND supplier_id = $2 AND id <> $3 AND fields ? 'total'`,
        [orgId, supplier.id, invoiceId],
      )
    : { rows: [] };

  const findings = checkInvoice(fields, {
    today: dhakaDate(new Date()),
    invoiceId,
    others: known,
    supplierTotals: history.map((h) => Number(h.total)),
    pagePrints: mine.map((m) => m.print),
    ...(supplier && { supplier }),
  });
  return { findings, supplierId: supplier?.id ?? null };
}
