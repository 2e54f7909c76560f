import { invoicesCsv, monthlyReportText, summariseMonth } from "@chalan/core";
import type pg from "pg";
import type { PgBoss } from "pg-boss";
import type { Sql } from "../db/sql";
import { withTransaction } from "../db/transaction";
import type { Mailer } from "../mail/mailer";
import { enqueueInTransaction, type MonthlyReportJob, QUEUES } from "../queue/boss";

/** `received_at` falls in the Dhaka calendar month `$2` (YYYY-MM). */
const IN_MONTH = `received_at >= (($2 || '-01')::timestamp AT TIME ZONE 'Asia/Dhaka')
  AND received_at < ((($2 || '-01')::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Dhaka')`;

/**
 * Owes one report per submitter who sent invoices that month, and enqueues them. Claiming the month
 * and every report row happen in one transaction keyed by primary keys, so any number of processes
 * (and restarts) plan a month once. `again` (the CLI) looks once more for submitters not yet owed.
 */
export async function planMonth(
  pool: pg.Pool,
  boss: PgBoss,
  month: string,
  opts: { again?: boolean } = {},
): Promise<{ planned: boolean; reports: number }> {
  return withTransaction(pool, async (tx) => {
    const claimed = await tx.query(
      "INSERT INTO report_months (month) VALUES ($1) ON CONFLICT DO NOTHING",
      [month],
    );
    if (claimed.rowCount === 0 && !opts.again) return { planned: false, reports: 0 };
    return { planned: true, reports: await oweReports(tx, boss, month) };
  });
}

async function oweReports(tx: pg.PoolClient, boss: PgBoss, month: string): Promise<number> {
  const { rows } = await tx.query<{ org_id: string; email: string }>(
    `SELECT DISTINCT org_id, submitter_email AS email FROM invoices WHERE ${IN_MONTH.replaceAll("$2", "$1")}`,
    [month],
  );
  let owed = 0;
  for (const r of rows) {
    const inserted = await tx.query(
      `INSERT INTO monthly_reports (org_id, submitter_email, month, message_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [
        r.org_id,
        r.email,
        month,
        `<report.${month}.${r.org_id}.${encodeURIComponent(r.email)}@chalan>`,
      ],
    );
    if (inserted.rowCount === 0) continue;
    owed++;
    const job: MonthlyReportJob = { orgId: r.org_id, submitterEmail: r.email, month };
    await enqueueInTransaction(boss, tx, QUEUES.monthlyReport, job);
  }
  return owed;
}

interface InvoiceRow {
  id: string;
  submitter_name: string;
  status: string;
  fields: Record<string, { value: unknown } | undefined>;
  received_at: Date;
}

async function monthInvoices(db: Sql, job: MonthlyReportJob) {
  const { rows } = await db.query<InvoiceRow>(
    `SELECT id, submitter_name, status, fields, received_at FROM invoices
      WHERE org_id = $1 AND ${IN_MONTH} AND submitter_email = $3 ORDER BY received_at, id`,
    [job.orgId, job.month, job.submitterEmail],
  );
  const v = <T>(r: InvoiceRow, name: string) => (r.fields[name]?.value ?? null) as T | null;
  // The name the person gave on their latest upload of the month.
  const submitterName = rows.at(-1)?.submitter_name ?? job.submitterEmail;
  const invoices = rows.map((r) => ({
    id: r.id,
    status: r.status,
    receivedAt: r.received_at.toISOString(),
    supplierName: v<string>(r, "supplierName"),
    invoiceNumber: v<string>(r, "invoiceNumber"),
    issueDate: v<string>(r, "issueDate"),
    total: v<number>(r, "total"),
    vat: v<number>(r, "vat"),
  }));
  return { submitterName, invoices };
}

/** Sends one owed report, once: the row is locked while mailing and marked sent in the same transaction. */
export async function runMonthlyReportJob(
  deps: { pool: pg.Pool; mailer: Mailer },
  job: MonthlyReportJob,
): Promise<"sent" | "already-sent" | "not-owed"> {
  return withTransaction(deps.pool, async (tx) => {
    const { rows } = await tx.query<{ message_id: string; sent_at: Date | null }>(
      `SELECT message_id, sent_at FROM monthly_reports
        WHERE org_id = $1 AND submitter_email = $2 AND month = $3 FOR UPDATE`,
      [job.orgId, job.submitterEmail, job.month],
    );
    const owed = rows[0];
    if (!owed) return "not-owed";
    if (owed.sent_at) return "already-sent";
    const { submitterName, invoices } = await monthInvoices(tx, job);
    const summary = summariseMonth({
      submitterEmail: job.submitterEmail,
      submitterName,
      month: job.month,
      invoices,
    });
    const email = monthlyReportText(summary, job.month);
    await deps.mailer.send({
      to: job.submitterEmail,
      messageId: owed.message_id,
      ...email,
      attachments: [
        {
          filename: `chalan-${job.month}.csv`,
          content: invoicesCsv(invoices),
          contentType: "text/csv; charset=utf-8",
        },
      ],
    });
    await tx.query(
      `UPDATE monthly_reports SET sent_at = now(), invoice_count = $4
        WHERE org_id = $1 AND submitter_email = $2 AND month = $3`,
      [job.orgId, job.submitterEmail, job.month, invoices.length],
    );
    return "sent";
  });
}
