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

/**
 * Runs core's checks of an invoice on the server, against everything the business holds: the
 * supplier matched by BIN, else by the closest of its names; that supplier's earlier totals; and the
 * invoices that could be this one again (same number, or same total). Returns the findings and
 * the matched supplier's id.
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
  const { rows: others } = await db.query<{
    id: string;
    supplier_id: string | null;
    fields: InvoiceFields;
  }>(
    `SELECT id, supplier_id, fields FROM invoices
     WHERE org_id = $1 AND id <> $2
       AND (lower(regexp_replace(fields->'invoiceNumber'->>'value', '\\s', '', 'g')) = $3
            OR (fields->'total'->>'value')::bigint = $4)
     LIMIT 200`,
    [orgId, invoiceId, number ? normalNumber(number) : null, total ?? null],
  );
  const known: KnownInvoice[] = others.map((o) => ({
    id: o.id,
    ...(o.supplier_id && { supplierId: o.supplier_id }),
    supplierName: o.fields.supplierName?.value,
    invoiceNumber: o.fields.invoiceNumber?.value,
    total: o.fields.total?.value,
    issueDate: o.fields.issueDate?.value,
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
    others: known,
    supplierTotals: history.map((h) => Number(h.total)),
    ...(supplier && { supplier }),
  });
  return { findings, supplierId: supplier?.id ?? null };
}
