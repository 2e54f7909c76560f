import { LedgerMapping } from "@chalan/core";
import type { Sql } from "../db/sql";

/** The business's ledger mapping, or the defaults until it sets one. */
export async function loadLedgerMapping(db: Sql, orgId: string): Promise<LedgerMapping> {
  const { rows } = await db.query<{ mapping: unknown }>(
    "SELECT mapping FROM ledger_mappings WHERE org_id = $1",
    [orgId],
  );
  return LedgerMapping.parse(rows[0]?.mapping ?? {});
}

export async function saveLedgerMapping(
  db: Sql,
  orgId: string,
  userId: string,
  mapping: LedgerMapping,
): Promise<void> {
  await db.query(
    `INSERT INTO ledger_mappings (org_id, mapping, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (org_id) DO UPDATE SET mapping = $2, updated_by = $3, updated_at = now()`,
    [orgId, JSON.stringify(mapping), userId],
  );
}
