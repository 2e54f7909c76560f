import { createHash } from "node:crypto";
import type { InvoiceCommit } from "@chalan/core";
import type { AuthContext } from "../auth/tokens";
import type { Sql } from "../db/sql";
import { Problem } from "../http/problem";
import { checkUploadedFile, type IngestDeps, ingestInvoice } from "../pipeline/ingest";

/**
 * Pages a device uploads one at a time (resumable, docs/sync.md), before it commits the invoice that
 * holds them. A page is checked, stored by its SHA-256 and recorded as this organisation's.
 */
export async function keepUploadedPage(
  deps: IngestDeps,
  auth: AuthContext,
  bytes: Buffer,
  claimed: string,
  label: string,
): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== claimed) {
    throw new Problem(
      422,
      "Damaged upload",
      `${label} arrived damaged (its SHA-256 does not match what the device sent); send it again.`,
    );
  }
  await checkUploadedFile(bytes, label);
  await deps.blobs.put(bytes);
  await deps.pool.query(
    `INSERT INTO uploaded_pages (org_id, sha256, byte_size, uploaded_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_id, sha256) DO NOTHING`,
    [auth.orgId, sha256, bytes.length, auth.userId],
  );
  return { sha256, size: bytes.length };
}

/** The size of a page this organisation holds (uploaded alone or in an invoice), or null. */
export async function heldPageSize(db: Sql, orgId: string, sha256: string): Promise<number | null> {
  const { rows } = await db.query<{ byte_size: string }>(
    `SELECT byte_size FROM uploaded_pages WHERE org_id = $1 AND sha256 = $2
     UNION ALL
     SELECT byte_size FROM invoice_pages WHERE org_id = $1 AND sha256 = $2
     LIMIT 1`,
    [orgId, sha256],
  );
  return rows[0] ? Number(rows[0].byte_size) : null;
}

/**
 * Makes the invoice from pages already uploaded, through the same ingest as a multipart upload (so
 * the same checks, and the device's id makes a repeat a no-op). Pages the organisation does not hold
 * are named in a 409 answer, for the device to upload and commit again.
 */
export async function commitInvoice(
  deps: IngestDeps,
  auth: AuthContext,
  commit: InvoiceCommit,
): Promise<{ id: string; status: string; duplicate: boolean }> {
  const missing: string[] = [];
  for (const p of commit.pages) {
    if ((await heldPageSize(deps.pool, auth.orgId, p.sha256)) === null) missing.push(p.sha256);
  }
  if (missing.length > 0) {
    throw new Problem(
      409,
      "Pages missing",
      `${missing.length} page(s) of invoice ${commit.id} have not been uploaded yet.`,
      { missing },
    );
  }
  const files = [];
  for (const p of commit.pages) {
    files.push({ filename: p.filename, bytes: await deps.blobs.get(p.sha256) });
  }
  return ingestInvoice(deps, auth, { ...commit, files });
}
