import {
  ConnectorKind,
  type ConnectorSettings,
  type LeasedPosting,
  type Posting,
  type PostingCounts,
  type PostingResult,
  type PurchaseVoucher,
  retryDelayMs,
  tallyRemoteId,
  tallyVouchersEnvelope,
  uuidv7,
  voucherLedgers,
} from "@chalan/core";
import type { Sql } from "../db/sql";
import { loadLedgerMapping } from "./ledger-mapping-repo";

/** A posting the target could not take now is tried again after 30 s, doubling up to an hour. */
const RETRY = { baseMs: 30_000, capMs: 60 * 60_000 };

export async function enabledConnectors(
  db: Sql,
  orgId: string,
): Promise<{ kind: ConnectorKind; company: string | null }[]> {
  const { rows } = await db.query<{ kind: ConnectorKind; company: string | null }>(
    "SELECT kind, company FROM connectors WHERE org_id = $1 AND enabled ORDER BY kind",
    [orgId],
  );
  return rows;
}

/** Each connector the business has set, on or off, with how many of its postings are where. */
export async function connectorRows(
  db: Sql,
  orgId: string,
): Promise<
  Map<ConnectorKind, { enabled: boolean; company: string | null; counts: PostingCounts }>
> {
  const { rows } = await db.query<{
    kind: ConnectorKind;
    enabled: boolean | null;
    company: string | null;
    pending: number;
    posted: number;
    rejected: number;
  }>(
    `SELECT k.kind, c.enabled, c.company,
            count(*) FILTER (WHERE p.state = 'pending')::int AS pending,
            count(*) FILTER (WHERE p.state = 'posted')::int AS posted,
            count(*) FILTER (WHERE p.state = 'rejected')::int AS rejected
     FROM unnest($2::text[]) AS k (kind)
       LEFT JOIN connectors c ON c.org_id = $1 AND c.kind = k.kind
       LEFT JOIN postings p ON p.org_id = $1 AND p.connector = k.kind
     GROUP BY k.kind, c.enabled, c.company`,
    [orgId, ConnectorKind.options],
  );
  return new Map(
    rows.map((r) => [
      r.kind,
      {
        enabled: r.enabled ?? false,
        company: r.company,
        counts: { pending: r.pending, posted: r.posted, rejected: r.rejected },
      },
    ]),
  );
}

export async function saveConnector(
  db: Sql,
  orgId: string,
  kind: ConnectorKind,
  settings: ConnectorSettings,
): Promise<void> {
  await db.query(
    `INSERT INTO connectors (org_id, kind, enabled, company) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_id, kind) DO UPDATE SET enabled = $3, company = $4, updated_at = now()`,
    [orgId, kind, settings.enabled, settings.company ?? null],
  );
}

/**
 * On approval, in its transaction: one posting of the invoice's next version per enabled connector.
 * A version still waiting is superseded (the newer one carries everything); returns how many were
 * created.
 */
export async function createPostings(
  tx: Sql,
  orgId: string,
  invoiceId: string,
  voucherOf: (version: number) => PurchaseVoucher,
): Promise<number> {
  const connectors = await enabledConnectors(tx, orgId);
  for (const { kind } of connectors) {
    const { rows } = await tx.query<{ version: number }>(
      `SELECT coalesce(max(version), 0) + 1 AS version FROM postings
       WHERE org_id = $1 AND connector = $2 AND invoice_id = $3`,
      [orgId, kind, invoiceId],
    );
    const version = rows[0]?.version ?? 1;
    await tx.query(
      `UPDATE postings SET state = 'superseded', lease_token = NULL, updated_at = now()
       WHERE org_id = $1 AND connector = $2 AND invoice_id = $3 AND state = 'pending'`,
      [orgId, kind, invoiceId],
    );
    await tx.query(
      `INSERT INTO postings (org_id, id, invoice_id, connector, version, voucher, state)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending')`,
      [orgId, uuidv7(), invoiceId, kind, version, JSON.stringify(voucherOf(version))],
    );
  }
  return connectors.length;
}

interface PostingRow {
  id: string;
  invoice_id: string;
  connector: ConnectorKind;
  version: number;
  voucher: PurchaseVoucher;
  state: Posting["state"];
  attempts: number;
  message: string | null;
  target_ref: string | null;
  lease_token: string | null;
  resent: number;
  updated_at: Date;
}

/** A due posting held for whoever posts it, with what its earlier versions left in the target. */
export interface HeldPosting {
  id: string;
  leaseToken: string;
  invoiceId: string;
  version: number;
  voucher: PurchaseVoucher;
  /** An earlier version is in the books: this one amends it. */
  earlierPosted: boolean;
  /** The target's id of the latest earlier version posted (QuickBooks' Bill Id), when it said. */
  earlierRef: string | null;
  /** How often a person sent it again after the target refused it. */
  resent: number;
}

/**
 * Takes up to `max` postings of the connector that are due, oldest first, each leased for
 * `leaseSeconds`: nobody else gets it again until the lease runs out (the holder may have died).
 */
export async function leaseDue(
  tx: Sql,
  orgId: string,
  kind: ConnectorKind,
  max: number,
  leaseSeconds: number,
): Promise<HeldPosting[]> {
  const { rows } = await tx.query<
    PostingRow & { earlier_posted: boolean; earlier_ref: string | null }
  >(
    `SELECT p.*, e.version IS NOT NULL AS earlier_posted, e.target_ref AS earlier_ref
     FROM postings p
       LEFT JOIN LATERAL (
         SELECT version, target_ref FROM postings e WHERE e.org_id = p.org_id
           AND e.connector = p.connector AND e.invoice_id = p.invoice_id AND e.version < p.version
           AND e.state = 'posted' ORDER BY e.version DESC LIMIT 1
       ) e ON true
     WHERE p.org_id = $1 AND p.connector = $2 AND p.state = 'pending' AND p.next_attempt_at <= now()
       AND (p.leased_until IS NULL OR p.leased_until < now())
       AND EXISTS (SELECT 1 FROM connectors c WHERE c.org_id = p.org_id AND c.kind = p.connector
                     AND c.enabled)
     ORDER BY p.next_attempt_at, p.invoice_id, p.version
     LIMIT $3 FOR UPDATE OF p SKIP LOCKED`,
    [orgId, kind, max],
  );
  const held: HeldPosting[] = [];
  for (const r of rows) {
    const leaseToken = uuidv7();
    await tx.query(
      `UPDATE postings SET lease_token = $3, leased_until = now() + make_interval(secs => $4),
         attempts = attempts + 1, updated_at = now() WHERE org_id = $1 AND id = $2`,
      [orgId, r.id, leaseToken, leaseSeconds],
    );
    held.push({
      id: r.id,
      leaseToken,
      invoiceId: r.invoice_id,
      version: r.version,
      voucher: r.voucher,
      earlierPosted: r.earlier_posted,
      earlierRef: r.earlier_ref,
      resent: r.resent,
    });
  }
  return held;
}

/**
 * Hands the Tally bridge up to `max` due postings, each ready to send: the voucher's import request
 * (created the first time, altered once an earlier version is in the books) and the ledgers it
 * names.
 */
export async function leasePostings(
  tx: Sql,
  orgId: string,
  max: number,
  leaseSeconds: number,
): Promise<LeasedPosting[]> {
  const held = await leaseDue(tx, orgId, "tally", max, leaseSeconds);
  if (held.length === 0) return [];
  const company = (await enabledConnectors(tx, orgId)).find((c) => c.kind === "tally")?.company;
  const mapping = await loadLedgerMapping(tx, orgId);
  return held.map((p) => ({
    id: p.id,
    leaseToken: p.leaseToken,
    invoiceId: p.invoiceId,
    version: p.version,
    date: p.voucher.date,
    remoteId: tallyRemoteId(p.invoiceId),
    ledgers: voucherLedgers(p.voucher, mapping),
    ...(company && { company }),
    voucherXml: tallyVouchersEnvelope(
      [{ voucher: p.voucher, action: p.earlierPosted ? "Alter" : "Create" }],
      company ?? undefined,
    ),
  }));
}

/**
 * What the target said of a leased posting. Only the holder of the current lease may say it; saying
 * "posted" again for a posted one is fine (a bridge that lost the answer and asked again). Once
 * every enabled connector holds the invoice's latest version, the invoice is `posted`.
 */
export async function recordPostingResult(
  tx: Sql,
  orgId: string,
  id: string,
  result: PostingResult,
): Promise<"recorded" | "not-found" | "not-yours"> {
  const { rows } = await tx.query<PostingRow>(
    "SELECT * FROM postings WHERE org_id = $1 AND id = $2 FOR UPDATE",
    [orgId, id],
  );
  const p = rows[0];
  if (!p) return "not-found";
  if (p.state === "posted" && result.outcome === "posted") return "recorded";
  if (p.state !== "pending" || p.lease_token !== result.leaseToken) return "not-yours";
  if (result.outcome === "retry") {
    const wait = retryDelayMs(p.attempts, Math.random(), RETRY);
    await tx.query(
      `UPDATE postings SET lease_token = NULL, leased_until = NULL, message = $3, updated_at = now(),
         next_attempt_at = now() + make_interval(secs => $4) WHERE org_id = $1 AND id = $2`,
      [orgId, id, result.message ?? null, wait / 1000],
    );
    return "recorded";
  }
  await tx.query(
    `UPDATE postings SET state = $3, message = $4, target_ref = $5, lease_token = NULL,
       leased_until = NULL, updated_at = now() WHERE org_id = $1 AND id = $2`,
    [orgId, id, result.outcome, result.message ?? null, result.targetRef ?? null],
  );
  if (result.outcome === "posted") {
    await tx.query(
      `UPDATE invoices i SET status = 'posted', updated_at = now()
       WHERE i.org_id = $1 AND i.id = $2 AND i.status = 'approved'
         AND NOT EXISTS (
           SELECT 1 FROM connectors c WHERE c.org_id = i.org_id AND c.enabled AND NOT EXISTS (
             SELECT 1 FROM postings p WHERE p.org_id = i.org_id AND p.invoice_id = i.id
               AND p.connector = c.kind AND p.state = 'posted'
               AND p.version = (SELECT max(version) FROM postings l WHERE l.org_id = i.org_id
                                  AND l.invoice_id = i.id AND l.connector = c.kind)))`,
      [orgId, p.invoice_id],
    );
  }
  return "recorded";
}

/** A refused posting made due again, once a person has fixed what the target refused. */
export async function retryRejected(db: Sql, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE postings SET state = 'pending', next_attempt_at = now(), resent = resent + 1,
       updated_at = now() WHERE org_id = $1 AND id = $2 AND state = 'rejected'`,
    [orgId, id],
  );
  return (rowCount ?? 0) > 0;
}

/** An invoice's postings, newest version first, for its screen. */
export async function postingsOf(db: Sql, orgId: string, invoiceId: string): Promise<Posting[]> {
  const { rows } = await db.query<PostingRow>(
    "SELECT * FROM postings WHERE org_id = $1 AND invoice_id = $2 ORDER BY connector, version DESC",
    [orgId, invoiceId],
  );
  return rows.map((r) => ({
    id: r.id,
    connector: r.connector,
    version: r.version,
    state: r.state,
    attempts: r.attempts,
    message: r.message,
    targetRef: r.target_ref,
    updatedAt: r.updated_at.toISOString(),
  }));
}
