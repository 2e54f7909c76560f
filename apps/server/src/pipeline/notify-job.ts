import { invoiceReceivedEmail } from "@chalan/core";
import type pg from "pg";
import { withTransaction } from "../db/transaction";
import { findInvoice } from "../invoices/invoice-repo";
import type { Mailer } from "../mail/mailer";
import type { NotifyJob } from "../queue/boss";

/**
 * Sends the "Invoice received" email once. The notification row stays locked while the message is
 * handed to SMTP, so two workers cannot both send it; `sent_at` commits right after. Only a crash in
 * the instant between the relay's acceptance and that commit can repeat it, with the same Message-ID.
 */
export async function runNotifyJob(
  deps: { pool: pg.Pool; mailer: Mailer },
  job: NotifyJob,
): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    const { rows } = await tx.query<{
      recipient: string;
      message_id: string;
      sent_at: Date | null;
    }>(
      `SELECT recipient, message_id, sent_at FROM notifications
        WHERE org_id = $1 AND invoice_id = $2 AND kind = 'invoice-received' FOR UPDATE`,
      [job.orgId, job.invoiceId],
    );
    const n = rows[0];
    if (!n || n.sent_at) return;
    const inv = await findInvoice(tx, job.orgId, job.invoiceId);
    if (!inv) return;
    const f = inv.fields;
    const email = invoiceReceivedEmail({
      id: inv.id,
      supplierName: f.supplierName?.value ?? null,
      total: f.total?.value ?? null,
      issueDate: f.issueDate?.value ?? null,
      invoiceNumber: f.invoiceNumber?.value ?? null,
    });
    await deps.mailer.send({ to: n.recipient, messageId: n.message_id, ...email });
    await tx.query(
      "UPDATE notifications SET sent_at = now() WHERE org_id = $1 AND invoice_id = $2 AND kind = 'invoice-received'",
      [job.orgId, job.invoiceId],
    );
  });
}
