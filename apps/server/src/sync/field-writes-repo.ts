import {
  addWrite,
  emptyLog,
  type FieldLog,
  type FieldName,
  type FieldState,
  type FieldWrite,
  type FieldWriteMessage,
  formatHlc,
  type Hlc,
  headsReplacedBy,
  type InvoiceFields,
  type Provenance,
  type PullResponse,
  parseHlc,
  resolveField,
  stateOf,
  statusAfterExtraction,
  tick,
  uuidv7,
} from "@chalan/core";
import { checkOnServer, laterLookalikes } from "../checks/invoice-checks-repo";
import type { Sql } from "../db/sql";
import { findInvoice, recordEvent, saveChecks, saveFields } from "../invoices/invoice-repo";

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
 * Takes the organisation's sync lock for the rest of the transaction and returns its last sequence
 * number. Whatever creates an invoice, reads one or stores writes takes it first (and so always
 * before an invoice's row lock): a device's writes pushed while their invoice is being created are
 * then either seen by the creation or find the invoice there, never fall between the two.
 */
export async function lockOrgSync(tx: Sql, orgId: string): Promise<number> {
  const { rows } = await tx.query<{ sync_seq: string }>(
    "SELECT sync_seq FROM orgs WHERE id = $1 FOR UPDATE",
    [orgId],
  );
  return Number(rows[0]?.sync_seq ?? 0);
}

/**
 * Takes a batch of writes in one transaction: each new one is stored with the organisation's next
 * sequence number (taken under the organisation's row lock, so pulls never skip a later commit);
 * one already held changes nothing. Then every touched field of every invoice already on the
 * server is resolved again from all its writes. Returns the ids now held (all of them).
 */
export async function acceptWrites(
  tx: Sql,
  orgId: string,
  userId: string | null,
  writes: FieldWriteMessage[],
): Promise<string[]> {
  let seq = await lockOrgSync(tx, orgId);
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

/** Every field's log of an invoice, from all the writes the server holds for it. */
async function fieldLogs(
  tx: Sql,
  orgId: string,
  invoiceId: string,
): Promise<Map<FieldName, FieldLog>> {
  const { rows } = await tx.query<Row>(
    "SELECT * FROM field_writes WHERE org_id = $1 AND invoice_id = $2 ORDER BY seq",
    [orgId, invoiceId],
  );
  const logs = new Map<FieldName, FieldLog>();
  for (const r of rows) logs.set(r.field, addWrite(logs.get(r.field) ?? emptyLog, toWrite(r)));
  return logs;
}

/**
 * Values written here (the server's reading, an edit through the API) as writes like a device's:
 * stamped by the server's clock, replacing the heads they outrank, stored, resolved and pulled by
 * every device.
 */
export async function writeHere(
  tx: Sql,
  orgId: string,
  userId: string | null,
  invoiceId: string,
  values: Partial<Record<FieldName, { value: unknown; confidence: number }>>,
  provenance: Provenance,
): Promise<void> {
  const logs = await fieldLogs(tx, orgId, invoiceId);
  let clock: Hlc | null = null;
  const writes = Object.entries(values).map(([field, v]): FieldWriteMessage => {
    clock = tick(clock, "server", Date.now());
    return {
      id: uuidv7(),
      invoiceId,
      field: field as FieldName,
      value: v?.value ?? null,
      provenance,
      confidence: v?.confidence ?? 1,
      at: formatHlc(clock),
      device: "server",
      replaces: headsReplacedBy(logs.get(field as FieldName) ?? emptyLog, provenance),
    };
  });
  await acceptWrites(tx, orgId, userId, writes);
}

/**
 * Lays every write held for an invoice over it: when it is created (a device's edits may have come
 * before its pages) and once the server has read it (then its status follows from what is known).
 */
export async function settleInvoice(
  tx: Sql,
  orgId: string,
  invoiceId: string,
  { read }: { read: boolean },
): Promise<void> {
  const logs = await fieldLogs(tx, orgId, invoiceId);
  if (logs.size > 0 || read) await resolveInvoice(tx, orgId, invoiceId, new Set(logs.keys()), read);
}

/** What a voucher in the books is made of: changing one of these after approval is an amendment. */
const BOOK_FIELDS: FieldName[] = [
  "supplierName",
  "invoiceNumber",
  "issueDate",
  "subtotal",
  "discount",
  "vat",
  "total",
];
const AMENDED = "changed after approval: approve again to amend the books";

/** Lays the resolution of the given fields over an invoice the server holds, with its review state. */
async function resolveInvoice(
  tx: Sql,
  orgId: string,
  invoiceId: string,
  fields: Set<FieldName>,
  read = false,
  recheckLater = true,
): Promise<void> {
  const inv = await findInvoice(tx, orgId, invoiceId, { forUpdate: true });
  if (!inv) return;
  const logs = await fieldLogs(tx, orgId, invoiceId);
  const next: Record<string, FieldState> = { ...inv.fields };
  for (const field of fields) {
    const resolved = resolveField(field, logs.get(field) ?? emptyLog);
    if (!resolved) continue;
    const state = stateOf(resolved.write);
    if (state) next[field] = state;
    else delete next[field];
  }
  // Every field's conflicts, not only the touched ones': an edit of the notes leaves a disputed
  // total disputed.
  const conflicts = [...logs].flatMap(([field, log]) => {
    const conflict = resolveField(field, log)?.conflict ?? [];
    return conflict.length > 0
      ? [
          `${field} edited on two devices: ${conflict.map((c) => JSON.stringify(c.value)).join(" or ")}`,
        ]
      : [];
  });
  const after = statusAfterExtraction(next as InvoiceFields);
  const { findings, supplierId } = await checkOnServer(tx, orgId, invoiceId, next as InvoiceFields);
  const errors = findings.filter((f) => f.severity === "error").map((f) => f.message.en);
  // One not read yet stays captured (so it is read; its conflicts and checks count once it is);
  // approved and posted invoices keep their status unless a conflict reopens them, or a change of
  // what the books hold: then it is approved again, and the books get an amendment (issue #7).
  const unread = inv.status === "captured" && !read;
  const amended =
    (inv.status === "approved" || inv.status === "posted") &&
    BOOK_FIELDS.some(
      (f) => JSON.stringify(inv.fields[f]?.value) !== JSON.stringify(next[f]?.value),
    );
  const settled = (inv.status === "approved" || inv.status === "posted") && !amended;
  const status = unread
    ? inv.status
    : conflicts.length > 0 || amended
      ? "needs_review"
      : settled
        ? inv.status
        : errors.length > 0
          ? "needs_review"
          : after.status;
  const reasons = [
    ...conflicts,
    ...(amended ? [AMENDED] : []),
    ...(unread || settled ? [] : [...errors, ...after.reviewReasons]),
  ];
  await saveFields(tx, orgId, invoiceId, next as InvoiceFields, status, reasons);
  await saveChecks(tx, orgId, invoiceId, findings, supplierId);
  await recordEvent(tx, orgId, invoiceId, "sync", "fields_synced", {
    fields: [...fields],
    conflicts,
  });
  // Copies captured later but read first were checked without this one: check them again.
  if (recheckLater && (read || fields.size > 0)) {
    for (const later of await laterLookalikes(tx, orgId, invoiceId, next as InvoiceFields)) {
      await resolveInvoice(tx, orgId, later, new Set(), false, false);
    }
  }
}

/**
 * The writes accepted after `since`, in order, a page at a time; those made by `exceptDevice` are
 * left out (it has them), though the cursor moves past them.
 */
export async function writesSince(
  db: Sql,
  orgId: string,
  since: number,
  limit: number,
  exceptDevice?: string,
): Promise<PullResponse> {
  const { rows } = await db.query<Row & { by: string | null }>(
    `SELECT w.*, u.name AS by FROM field_writes w
       LEFT JOIN users u ON u.org_id = w.org_id AND u.id = w.pushed_by
     WHERE w.org_id = $1 AND w.seq > $2 ORDER BY w.seq LIMIT $3`,
    [orgId, since, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    writes: page
      .filter((r) => r.device !== exceptDevice)
      .map((r) => ({ seq: Number(r.seq), write: toWrite(r), by: r.by })),
    cursor: page.length > 0 ? Number(page[page.length - 1]?.seq) : since,
    more: rows.length > limit,
  };
}

/** One accepted change of one field, as the history shows it. */
export interface FieldChange {
  field: FieldName;
  /** The values it replaced: those its author had in front of them (two or more after a conflict). */
  from: unknown[];
  to: unknown;
  provenance: Provenance;
  device: string;
  /** The person signed in where it was made; null for the server's own reading. */
  by: string | null;
  /** When it was made, by the writing device's clock (ISO 8601). */
  at: string;
  receivedAt: string;
}

/** Every accepted change of an invoice's fields, in the order the server took them. */
export async function invoiceHistory(
  db: Sql,
  orgId: string,
  invoiceId: string,
): Promise<FieldChange[]> {
  const { rows } = await db.query<Row & { by: string | null; received_at: Date }>(
    `SELECT w.*, u.name AS by FROM field_writes w
       LEFT JOIN users u ON u.org_id = w.org_id AND u.id = w.pushed_by
     WHERE w.org_id = $1 AND w.invoice_id = $2 ORDER BY w.seq`,
    [orgId, invoiceId],
  );
  const valueById = new Map(rows.map((r) => [r.id, r.value]));
  return rows.map((r) => ({
    field: r.field,
    from: r.replaces.filter((id) => valueById.has(id)).map((id) => valueById.get(id)),
    to: r.value,
    provenance: r.provenance,
    device: r.device,
    by: r.by,
    at: new Date(parseHlc(r.at).wall).toISOString(),
    receivedAt: r.received_at.toISOString(),
  }));
}
