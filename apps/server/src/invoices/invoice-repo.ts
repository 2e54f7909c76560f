import type {
  Approval,
  Finding,
  InvoiceFields,
  InvoiceStatus,
  PagePrint,
  Posting,
} from "@chalan/core";
import type { Sql } from "../db/sql";

export interface PageRecord {
  pageNo: number;
  sha256: string;
  mime: string;
  byteSize: number;
}

export interface InvoiceRecord {
  orgId: string;
  id: string;
  status: InvoiceStatus;
  submitterName: string;
  submitterEmail: string;
  fields: InvoiceFields;
  failureReason: string | null;
  reviewReasons: string[];
  /** What the checks of #6 found (core's Finding), as of the last change. */
  checks: Finding[];
  supplierId: string | null;
  /** Who approved it and when, with the warnings they accepted in doing so. */
  approval: Approval | null;
  /** Each posting of each version to each accounting connector (issue #7). */
  postings: Posting[];
  receivedAt: Date;
  updatedAt: Date;
  pages: PageRecord[];
}

const SELECT = `
  SELECT i.org_id, i.id, i.status, i.submitter_name, i.submitter_email, i.fields, i.failure_reason,
         i.review_reasons, i.checks, i.supplier_id, i.approved_by, i.approved_at,
         i.accepted_warnings,
         (SELECT u.name FROM users u WHERE u.org_id = i.org_id AND u.id = i.approved_by) AS approved_by_name,
         (SELECT coalesce(json_agg(json_build_object('id', o.id, 'connector', o.connector,
                    'version', o.version, 'state', o.state, 'attempts', o.attempts,
                    'message', o.message, 'targetRef', o.target_ref,
                    'updatedAt', to_char(o.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                  ORDER BY o.connector, o.version DESC), '[]')
            FROM postings o WHERE o.org_id = i.org_id AND o.invoice_id = i.id) AS postings,
         i.received_at, i.updated_at,
         coalesce(json_agg(json_build_object('pageNo', p.page_no, 'sha256', p.sha256, 'mime', p.mime,
                  'byteSize', p.byte_size) ORDER BY p.page_no) FILTER (WHERE p.page_no IS NOT NULL), '[]') AS pages
    FROM invoices i LEFT JOIN invoice_pages p ON p.org_id = i.org_id AND p.invoice_id = i.id`;

interface Row {
  org_id: string;
  id: string;
  status: InvoiceStatus;
  submitter_name: string;
  submitter_email: string;
  fields: InvoiceFields;
  failure_reason: string | null;
  review_reasons: string[];
  checks: Finding[];
  supplier_id: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  approved_by_name: string | null;
  postings: Posting[];
  accepted_warnings: Finding[] | null;
  received_at: Date;
  updated_at: Date;
  pages: PageRecord[];
}

/** Who approved an invoice and what they accepted, from its approval columns; null if not approved. */
export const approvalOf = (
  r: Pick<Row, "approved_at" | "approved_by" | "approved_by_name" | "accepted_warnings">,
): Approval | null =>
  r.approved_at
    ? {
        by: r.approved_by as string,
        byName: r.approved_by_name,
        at: r.approved_at.toISOString(),
        acceptedWarnings: r.accepted_warnings ?? [],
      }
    : null;

const fromRow = (r: Row): InvoiceRecord => ({
  orgId: r.org_id,
  id: r.id,
  status: r.status,
  submitterName: r.submitter_name,
  submitterEmail: r.submitter_email,
  fields: r.fields,
  failureReason: r.failure_reason,
  reviewReasons: r.review_reasons,
  checks: r.checks,
  supplierId: r.supplier_id,
  approval: approvalOf(r),
  postings: r.postings,
  receivedAt: r.received_at,
  updatedAt: r.updated_at,
  pages: r.pages.map((p) => ({ ...p, byteSize: Number(p.byteSize) })),
});

export async function insertInvoice(
  db: Sql,
  inv: {
    orgId: string;
    id: string;
    submitterName: string;
    submitterEmail: string;
    uploadedBy: string;
    pages: PageRecord[];
  },
): Promise<void> {
  await db.query(
    `INSERT INTO invoices (org_id, id, status, submitter_name, submitter_email, uploaded_by)
     VALUES ($1, $2, 'captured', $3, $4, $5)`,
    [inv.orgId, inv.id, inv.submitterName, inv.submitterEmail, inv.uploadedBy],
  );
  for (const p of inv.pages) {
    await db.query(
      "INSERT INTO invoice_pages (org_id, invoice_id, page_no, sha256, mime, byte_size) VALUES ($1, $2, $3, $4, $5, $6)",
      [inv.orgId, inv.id, p.pageNo, p.sha256, p.mime, p.byteSize],
    );
  }
  await recordEvent(db, inv.orgId, inv.id, `user:${inv.uploadedBy}`, "uploaded", {
    pages: inv.pages.map((p) => p.sha256),
  });
}

export async function findInvoice(
  db: Sql,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<InvoiceRecord | null> {
  if (opts.forUpdate) {
    await db.query("SELECT 1 FROM invoices WHERE org_id = $1 AND id = $2 FOR UPDATE", [orgId, id]);
  }
  const { rows } = await db.query<Row>(
    `${SELECT} WHERE i.org_id = $1 AND i.id = $2 GROUP BY i.org_id, i.id`,
    [orgId, id],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

export interface InvoiceFilter {
  status?: InvoiceStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** The invoice's own date where it was read, else the day it reached us (Dhaka calendar). */
const INVOICE_DATE = `coalesce((i.fields->'issueDate'->>'value')::date, (i.received_at AT TIME ZONE 'Asia/Dhaka')::date)`;

export async function listInvoices(
  db: Sql,
  orgId: string,
  f: InvoiceFilter,
): Promise<InvoiceRecord[]> {
  const where = ["i.org_id = $1"];
  const args: unknown[] = [orgId];
  if (f.status) {
    args.push(f.status);
    where.push(`i.status = $${args.length}`);
  }
  if (f.from) {
    args.push(f.from);
    where.push(`${INVOICE_DATE} >= $${args.length}::date`);
  }
  if (f.to) {
    args.push(f.to);
    where.push(`${INVOICE_DATE} <= $${args.length}::date`);
  }
  args.push(f.limit);
  const { rows } = await db.query<Row>(
    `${SELECT} WHERE ${where.join(" AND ")} GROUP BY i.org_id, i.id ORDER BY i.received_at DESC, i.id DESC LIMIT $${args.length}`,
    args,
  );
  return rows.map(fromRow);
}

export async function saveFields(
  db: Sql,
  orgId: string,
  id: string,
  fields: InvoiceFields,
  status: InvoiceStatus,
  reviewReasons?: string[],
): Promise<void> {
  await db.query(
    `UPDATE invoices SET fields = $3, status = $4, review_reasons = coalesce($5, review_reasons),
            updated_at = now() WHERE org_id = $1 AND id = $2`,
    [
      orgId,
      id,
      JSON.stringify(fields),
      status,
      reviewReasons ? JSON.stringify(reviewReasons) : null,
    ],
  );
}

/** What the checks found, and the supplier the invoice was matched to. */
export async function saveChecks(
  db: Sql,
  orgId: string,
  id: string,
  findings: Finding[],
  supplierId: string | null,
): Promise<void> {
  await db.query(
    "UPDATE invoices SET checks = $3, supplier_id = $4 WHERE org_id = $1 AND id = $2",
    [orgId, id, JSON.stringify(findings), supplierId],
  );
}

/** Pages' prints; a page without one (a PDF's text layer) keeps none. */
export async function keepPagePrints(
  db: Sql,
  orgId: string,
  id: string,
  pages: { pageNo: number; print?: PagePrint }[],
): Promise<void> {
  for (const { pageNo, print } of pages) {
    if (!print) continue;
    await db.query(
      "UPDATE invoice_pages SET print = $4, inked = $5 WHERE org_id = $1 AND invoice_id = $2 AND page_no = $3",
      [orgId, id, pageNo, print.cells, print.inked],
    );
  }
}

export async function approveInvoice(
  db: Sql,
  orgId: string,
  id: string,
  userId: string,
  acceptedWarnings: Finding[],
): Promise<void> {
  await db.query(
    `UPDATE invoices SET status = 'approved', approved_by = $3, approved_at = now(),
            accepted_warnings = $4, updated_at = now() WHERE org_id = $1 AND id = $2`,
    [orgId, id, userId, JSON.stringify(acceptedWarnings)],
  );
}

export async function markFailed(
  db: Sql,
  orgId: string,
  id: string,
  reason: string,
): Promise<void> {
  await db.query(
    "UPDATE invoices SET status = 'failed', failure_reason = $3, updated_at = now() WHERE org_id = $1 AND id = $2",
    [orgId, id, reason],
  );
  await recordEvent(db, orgId, id, "system", "failed", { reason });
}

export async function recordEvent(
  db: Sql,
  orgId: string,
  invoiceId: string,
  actor: string,
  kind: string,
  data: Record<string, unknown>,
): Promise<void> {
  await db.query(
    "INSERT INTO invoice_events (org_id, invoice_id, actor, kind, data) VALUES ($1, $2, $3, $4, $5)",
    [orgId, invoiceId, actor, kind, JSON.stringify(data)],
  );
}
