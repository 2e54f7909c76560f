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
 * Photos of one page agree on how many cells are inked within this share: measured, a scan and two
 * photos of six rendered invoices (turned, shadowed, dimmed) differed by up to 10%.
 */
const INKED_SLACK = 0.2;
/** Pages compared with each page of the invoice: the latest captured of those inked alike. */
const MAX_PRINT_CANDIDATES = 100;

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

  // Only invoices captured earlier can be what this one repeats (core's rule; ids sort by capture).
  const { mine, others } = await lookalikes(db, orgId, invoiceId, fields, "earlier");
  // Only what the duplicate checks compare: whole fields (line items and all) cost more to parse.
  const known: KnownInvoice[] = others.map((o) => ({
    id: o.id,
    ...(o.supplier_id && { supplierId: o.supplier_id }),
    ...(o.supplier_name !== null && { supplierName: o.supplier_name }),
    ...(o.invoice_number !== null && { invoiceNumber: o.invoice_number }),
    ...(o.total !== null && { total: Number(o.total) }),
    ...(o.issue_date !== null && { issueDate: o.issue_date }),
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

interface Lookalike {
  id: string;
  supplier_id: string | null;
  supplier_name: string | null;
  invoice_number: string | null;
  total: string | null;
  issue_date: string | null;
  prints: string[] | null;
}

/**
 * The invoices captured before (or after) this one that could be the same invoice: the same number,
 * the same total, or a page inked alike (core decides). With this invoice's own page prints.
 */
async function lookalikes(
  db: Sql,
  orgId: string,
  invoiceId: string,
  fields: InvoiceFields,
  when: "earlier" | "later",
): Promise<{ mine: { print: string; inked: number }[]; others: Lookalike[] }> {
  const before = when === "earlier" ? "<" : ">";
  const nearestFirst = when === "earlier" ? "DESC" : "ASC";
  const number = fields.invoiceNumber?.value;
  const total = fields.total?.value;
  const { rows: mine } = await db.query<{ print: string; inked: number }>(
    `SELECT print, inked FROM invoice_pages
     WHERE org_id = $1 AND invoice_id = $2 AND print IS NOT NULL ORDER BY page_no`,
    [orgId, invoiceId],
  );
  const { rows: others } = await db.query<Lookalike>(
    `WITH candidates AS (
       SELECT id FROM invoices WHERE org_id = $1 AND id ${before} $2
         AND lower(regexp_replace(fields->'invoiceNumber'->>'value', '\\s', '', 'g')) = $3
       UNION
       SELECT id FROM invoices WHERE org_id = $1 AND id ${before} $2
         AND (fields->'total'->>'value')::bigint = $4
       UNION
       SELECT c.invoice_id FROM unnest($5::int[]) AS m(inked) CROSS JOIN LATERAL (
         SELECT p.invoice_id FROM invoice_pages p
           JOIN invoices i ON i.org_id = p.org_id AND i.id = p.invoice_id
         WHERE p.org_id = $1 AND p.invoice_id ${before} $2 AND p.print IS NOT NULL
           AND p.inked BETWEEN floor(m.inked * (1 - $6::float))::int AND ceil(m.inked * (1 + $6::float))::int
           -- A page alike counts only where no number, total or date read on both differs (core's
           -- rule): those left out here could never be found the same paper.
           AND ($3::text IS NULL OR NOT i.fields ? 'invoiceNumber'
                OR lower(regexp_replace(i.fields->'invoiceNumber'->>'value', '\\s', '', 'g')) = $3)
           AND ($4::bigint IS NULL OR NOT i.fields ? 'total' OR (i.fields->'total'->>'value')::bigint = $4)
           AND ($8::text IS NULL OR NOT i.fields ? 'issueDate' OR i.fields->'issueDate'->>'value' = $8)
         ORDER BY p.invoice_id ${nearestFirst} LIMIT $7) c
     )
     SELECT i.id, i.supplier_id,
            i.fields->'supplierName'->>'value' AS supplier_name,
            i.fields->'invoiceNumber'->>'value' AS invoice_number,
            i.fields->'total'->>'value' AS total,
            i.fields->'issueDate'->>'value' AS issue_date,
            (SELECT array_agg(p.print ORDER BY p.page_no) FROM invoice_pages p
              WHERE p.org_id = i.org_id AND p.invoice_id = i.id AND p.print IS NOT NULL) AS prints
     FROM candidates c JOIN invoices i ON i.org_id = $1 AND i.id = c.id
     LIMIT 400`,
    [
      orgId,
      invoiceId,
      number ? normalNumber(number) : null,
      total ?? null,
      mine.map((m) => m.inked),
      INKED_SLACK,
      MAX_PRINT_CANDIDATES,
      fields.issueDate?.value ?? null,
    ],
  );
  return { mine, others };
}

/**
 * Invoices captured after this one that could repeat it: their checks were made without it if it
 * was read after them (two devices' copies are read in any order), so they are checked again.
 */
export async function laterLookalikes(
  db: Sql,
  orgId: string,
  invoiceId: string,
  fields: InvoiceFields,
): Promise<string[]> {
  return (await lookalikes(db, orgId, invoiceId, fields, "later")).others.map((o) => o.id);
}
