import {
  addWrite,
  emptyLog,
  type FieldName,
  type FieldState,
  type FieldWrite,
  type FieldWriteMessage,
  type InvoiceFields,
  resolveField,
  stateOf,
  statusAfterExtraction,
} from "@chalan/core";
import type { Sql } from "../db/sql";
import { findInvoice, recordEvent, saveFields } from "../invoices/invoice-repo";

interface Row {
  id: string;
  invoice_id: string;
  field: FieldName;
  value: unknown;
  provenance: FieldWrite["provenance"];
  confidence: number;
  at: string;
  device: string;
  replaces: string[];
  seq: string;
}

const toWrite = (r: Row): FieldWriteMessage => ({
  id: r.id,
  invoiceId: r.invoice_id,
  field: r.field,
  value: r.value,
  provenance: r.provenance,
  confidence: r.confidence,
  at: r.at,
  device: r.device,
  replaces: r.replaces,
});

/**
 * Takes a batch of writes in one transaction: each new one is stored with the organisation's next
 * sequence number (taken under the organisation's row lock, so pulls never skip a later commit);
 * one already held changes nothing. Then every touched field of every invoice already on the
 * server is resolved again from all its writes. Returns the ids now held (all of them).
 */
export async function acceptWrites(
  tx: Sql,
  orgId: string,
  userId: string,
  writes: FieldWriteMessage[],
): Promise<string[]> {
  const { rows } = await tx.query<{ sync_seq: string }>(
    "SELECT sync_seq FROM orgs WHERE id = $1 FOR UPDATE",
    [orgId],
  );
  let seq = Number(rows[0]?.sync_seq ?? 0);
  const touched = new Map<string, Set<FieldName>>();
  for (const w of writes) {
    const inserted = await tx.query(
      `INSERT INTO field_writes
         (org_id, id, invoice_id, field, value, provenance, confidence, at, device, replaces, seq, pushed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (org_id, id) DO NOTHING`,
      [
        orgId,
        w.id,
        w.invoiceId,
        w.field,
        JSON.stringify(w.value),
        w.provenance,
        w.confidence,
        w.at,
        w.device,
        w.replaces,
        seq + 1,
        userId,
      ],
    );
    if (inserted.rowCount === 0) continue;
    seq += 1;
    const fields = touched.get(w.invoiceId) ?? new Set();
    touched.set(w.invoiceId, fields.add(w.field));
  }
  await tx.query("UPDATE orgs SET sync_seq = $2 WHERE id = $1", [orgId, seq]);
  for (const [invoiceId, fields] of touched) await resolveInvoice(tx, orgId, invoiceId, fields);
  return writes.map((w) => w.id);
}

/**
 * After the server has read an invoice whose writes came from devices before its pages did: lays
 * those writes over the reading (a person's value over the machine's, conflicts to review).
 */
export async function applySyncedWrites(tx: Sql, orgId: string, invoiceId: string): Promise<void> {
  const { rows } = await tx.query<{ field: FieldName }>(
    "SELECT DISTINCT field FROM field_writes WHERE org_id = $1 AND invoice_id = $2",
    [orgId, invoiceId],
  );
  if (rows.length > 0)
    await resolveInvoice(tx, orgId, invoiceId, new Set(rows.map((r) => r.field)));
}

/** Lays the resolution of the given fields over an invoice the server holds, with its review state. */
async function resolveInvoice(
  tx: Sql,
  orgId: string,
  invoiceId: string,
  fields: Set<FieldName>,
): Promise<void> {
  const inv = await findInvoice(tx, orgId, invoiceId, { forUpdate: true });
  if (!inv) return;
  const { rows } = await tx.query<Row>(
    "SELECT * FROM field_writes WHERE org_id = $1 AND invoice_id = $2 AND field = ANY($3) ORDER BY seq",
    [orgId, invoiceId, [...fields]],
  );
  const next: Record<string, FieldState> = { ...inv.fields };
  const conflicts: string[] = [];
  for (const field of fields) {
    const log = rows
      .filter((r) => r.field === field)
      .map(toWrite)
      .reduce(addWrite, emptyLog);
    const resolved = resolveField(field, log);
    if (!resolved) continue;
    const { write } = resolved;
    // Until the server's own readings are writes too, a device's machine reading does not replace
    // the server's (the better reader); a person's value always does.
    if (write.provenance !== "human" && next[field]?.provenance === "server_ocr") continue;
    const state = stateOf(write);
    if (state) next[field] = state;
    else delete next[field];
    if (resolved.conflict.length > 0) {
      conflicts.push(
        `${field} edited on two devices: ${resolved.conflict.map((c) => JSON.stringify(c.value)).join(" or ")}`,
      );
    }
  }
  const after = statusAfterExtraction(next as InvoiceFields);
  const keep = inv.status === "approved" || inv.status === "posted" || inv.status === "captured";
  const status = conflicts.length > 0 ? "needs_review" : keep ? inv.status : after.status;
  const reasons = [...conflicts, ...(keep ? [] : after.reviewReasons)];
  await saveFields(tx, orgId, invoiceId, next as InvoiceFields, status, reasons);
  await recordEvent(tx, orgId, invoiceId, "sync", "fields_synced", {
    fields: [...fields],
    conflicts,
  });
}

/** The writes accepted after `since`, in order, a page at a time. */
export async function writesSince(
  db: Sql,
  orgId: string,
  since: number,
  limit: number,
): Promise<{ writes: { seq: number; write: FieldWriteMessage }[]; cursor: number; more: boolean }> {
  const { rows } = await db.query<Row>(
    "SELECT * FROM field_writes WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
    [orgId, since, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    writes: page.map((r) => ({ seq: Number(r.seq), write: toWrite(r) })),
    cursor: page.length > 0 ? Number(page[page.length - 1]?.seq) : since,
    more: rows.length > limit,
  };
}
