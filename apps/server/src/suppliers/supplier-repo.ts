import {
  SUPPLIER_MATCH_THRESHOLD,
  type Supplier,
  type SupplierFields,
  type SupplierPullResponse,
  supplierKey,
  supplierMatchKey,
} from "@chalan/core";
import type { Sql } from "../db/sql";
import { lockOrgSync } from "../sync/field-writes-repo";

export interface SupplierRow {
  id: string;
  name: string;
  name_bn: string | null;
  aliases: string[];
  bin: string | null;
  tin: string | null;
  address: string | null;
  phone: string | null;
  payment: string | null;
  category: string | null;
  ledger: string | null;
  usual_vat_rate: string | null;
  deleted: boolean;
  seq: string;
}

export const toSupplier = (r: SupplierRow): Supplier => {
  const optional = {
    nameBn: r.name_bn,
    bin: r.bin,
    tin: r.tin,
    address: r.address,
    phone: r.phone,
    payment: r.payment,
    category: r.category,
    ledger: r.ledger,
    usualVatRate: r.usual_vat_rate === null ? null : Number(r.usual_vat_rate),
  };
  return {
    id: r.id,
    name: r.name,
    aliases: r.aliases,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
  };
};

/** The organisation's next sync sequence number, under its sync lock (see lockOrgSync). */
async function nextSeq(tx: Sql, orgId: string): Promise<number> {
  const seq = (await lockOrgSync(tx, orgId)) + 1;
  await tx.query("UPDATE orgs SET sync_seq = $2 WHERE id = $1", [orgId, seq]);
  return seq;
}

/** Creates or replaces a supplier (also one removed before); devices pull the change. */
export async function putSupplier(
  tx: Sql,
  orgId: string,
  userId: string,
  id: string,
  s: SupplierFields,
): Promise<Supplier> {
  const seq = await nextSeq(tx, orgId);
  const { rows } = await tx.query<SupplierRow>(
    `INSERT INTO suppliers (org_id, id, name, name_bn, aliases, bin, tin, address, phone, payment,
       category, ledger, usual_vat_rate, deleted, seq, updated_by, name_keys)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, false, $14, $15, $16)
     ON CONFLICT (org_id, id) DO UPDATE SET name = $3, name_bn = $4, aliases = $5, bin = $6,
       tin = $7, address = $8, phone = $9, payment = $10, category = $11, ledger = $12,
       usual_vat_rate = $13, deleted = false, seq = $14, updated_by = $15, updated_at = now(),
       name_keys = $16
     RETURNING *`,
    [
      orgId,
      id,
      s.name,
      s.nameBn ?? null,
      s.aliases,
      s.bin ?? null,
      s.tin ?? null,
      s.address ?? null,
      s.phone ?? null,
      s.payment ?? null,
      s.category ?? null,
      s.ledger ?? null,
      s.usualVatRate ?? null,
      seq,
      userId,
      [...new Set([s.name, s.nameBn, ...s.aliases].flatMap((n) => (n ? [supplierKey(n)] : [])))],
    ],
  );
  await tx.query("DELETE FROM supplier_names WHERE org_id = $1 AND supplier_id = $2", [orgId, id]);
  const keys = new Set(
    [s.name, s.nameBn, ...s.aliases].flatMap((n) => (n ? [supplierMatchKey(n)] : [])),
  );
  for (const key of keys) {
    if (key === "") continue;
    await tx.query("INSERT INTO supplier_names (org_id, supplier_id, key) VALUES ($1, $2, $3)", [
      orgId,
      id,
      key,
    ]);
  }
  return toSupplier(rows[0] as SupplierRow);
}

/**
 * The supplier an invoice names, with how sure: its BIN (1), else the closest of its names in any
 * script (pg_trgm similarity of the Latin keys), if at least SUPPLIER_MATCH_THRESHOLD.
 */
export async function matchSupplier(
  db: Sql,
  orgId: string,
  { bin, name }: { bin?: string | undefined; name?: string | undefined },
): Promise<{ supplier: Supplier; score: number } | undefined> {
  if (bin) {
    const { rows } = await db.query<SupplierRow>(
      "SELECT * FROM suppliers WHERE org_id = $1 AND bin = $2 AND NOT deleted LIMIT 1",
      [orgId, bin],
    );
    if (rows[0]) return { supplier: toSupplier(rows[0]), score: 1 };
  }
  const key = name ? supplierMatchKey(name) : "";
  if (key === "") return undefined;
  const { rows } = await db.query<SupplierRow & { score: number }>(
    `SELECT s.*, m.score FROM (
       SELECT supplier_id, max(similarity(key, $2)) AS score FROM supplier_names
       WHERE org_id = $1 AND key % $2 GROUP BY supplier_id
     ) m JOIN suppliers s ON s.org_id = $1 AND s.id = m.supplier_id AND NOT s.deleted
     ORDER BY m.score DESC LIMIT 1`,
    [orgId, key],
  );
  const best = rows[0];
  return best && best.score >= SUPPLIER_MATCH_THRESHOLD
    ? { supplier: toSupplier(best), score: Number(best.score) }
    : undefined;
}

/** Marks a supplier removed; false when there was none. */
export async function removeSupplier(
  tx: Sql,
  orgId: string,
  userId: string,
  id: string,
): Promise<boolean> {
  const seq = await nextSeq(tx, orgId);
  const { rowCount } = await tx.query(
    `UPDATE suppliers SET deleted = true, seq = $3, updated_by = $4, updated_at = now()
     WHERE org_id = $1 AND id = $2 AND NOT deleted`,
    [orgId, id, seq, userId],
  );
  return (rowCount ?? 0) > 0;
}

export async function listSuppliers(db: Sql, orgId: string): Promise<Supplier[]> {
  const { rows } = await db.query<SupplierRow>(
    "SELECT * FROM suppliers WHERE org_id = $1 AND NOT deleted ORDER BY name",
    [orgId],
  );
  return rows.map(toSupplier);
}

/** Supplier changes after `since` (removals included), in order, a page at a time. */
export async function suppliersSince(
  db: Sql,
  orgId: string,
  since: number,
  limit: number,
): Promise<SupplierPullResponse> {
  const { rows } = await db.query<SupplierRow>(
    "SELECT * FROM suppliers WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
    [orgId, since, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    suppliers: page.map((r) => ({
      seq: Number(r.seq),
      supplier: toSupplier(r),
      deleted: r.deleted,
    })),
    cursor: page.length > 0 ? Number(page[page.length - 1]?.seq) : since,
    more: rows.length > limit,
  };
}

/** A supplier of the business, unless removed. */
export async function findSupplier(
  db: Sql,
  orgId: string,
  id: string,
): Promise<Supplier | undefined> {
  const { rows } = await db.query<SupplierRow>(
    "SELECT * FROM suppliers WHERE org_id = $1 AND id = $2 AND NOT deleted",
    [orgId, id],
  );
  return rows[0] && toSupplier(rows[0]);
}

/**
 * A reviewer says which supplier an invoice is from: the name as the invoice spells it becomes
 * one of the supplier's aliases (unless it already matches one of its names), so the next invoice
 * spelled so is matched without asking. Returns the supplier, or undefined if there is none.
 */
export async function learnAlias(
  tx: Sql,
  orgId: string,
  userId: string,
  supplierId: string,
  spelling: string | undefined,
): Promise<Supplier | undefined> {
  const { rows } = await tx.query<SupplierRow>(
    "SELECT * FROM suppliers WHERE org_id = $1 AND id = $2 AND NOT deleted FOR UPDATE",
    [orgId, supplierId],
  );
  if (!rows[0]) return undefined;
  const supplier = toSupplier(rows[0]);
  const key = spelling ? supplierKey(spelling) : "";
  const known = [supplier.name, supplier.nameBn, ...supplier.aliases].some(
    (n) => n !== undefined && supplierKey(n) === key,
  );
  if (!spelling || key === "" || known) return supplier;
  const { id, ...fields } = supplier;
  return putSupplier(tx, orgId, userId, id, {
    ...fields,
    aliases: [...fields.aliases, spelling.trim()],
  });
}
