import type { Sql } from "../db/sql";

/** Records that an email is owed; a second call for the same invoice and kind is a no-op. */
export async function oweNotification(
  db: Sql,
  n: { orgId: string; invoiceId: string; kind: string; recipient: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO notifications (org_id, invoice_id, kind, recipient, message_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [n.orgId, n.invoiceId, n.kind, n.recipient, `<${n.kind}.${n.invoiceId}@chalan>`],
  );
  return rowCount === 1;
}
