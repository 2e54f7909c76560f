import { randomBytes } from "node:crypto";
import type pg from "pg";
import { z } from "zod";
import type { QuickBooksConfig } from "../config";
import type { Sql } from "../db/sql";
import { withTransaction } from "../db/transaction";

/*
 * Intuit's OAuth 2.0 for QuickBooks Online (docs/quickbooks.md): the admin is sent to Intuit with a
 * one-use `state`, Intuit sends them back to our callback with a code, which the server exchanges
 * for tokens. Access tokens last an hour; refresh tokens rotate, so each refresh stores the new one.
 */

export type QuickBooksApp = NonNullable<QuickBooksConfig["app"]>;

/** Intuit could not be reached, or answered in a way worth trying again later. */
export class QboUnavailable extends Error {}
/** Intuit no longer honours the connection (revoked, or its refresh token ran out): connect again. */
export class QboDisconnected extends Error {}

export interface QboTokens {
  realmId: string;
  accessToken: string;
  accessExpiresAt: Date;
}

const SCOPE = "com.intuit.quickbooks.accounting";
const STATE_MINUTES = 10;

/** Where to send the admin: Intuit's consent page, coming back to our callback with `state`. */
export async function authorizeUrl(
  db: Sql,
  qb: QuickBooksConfig,
  app: QuickBooksApp,
  orgId: string,
): Promise<string> {
  const state = randomBytes(24).toString("hex");
  await db.query(
    `INSERT INTO quickbooks_oauth_states (state, org_id, expires_at)
     VALUES ($1, $2, now() + make_interval(mins => $3))`,
    [state, orgId, STATE_MINUTES],
  );
  // Expired states of anyone are of no use to anyone.
  await db.query("DELETE FROM quickbooks_oauth_states WHERE expires_at < now()");
  const url = new URL(qb.authUrl);
  url.search = new URLSearchParams({
    client_id: app.clientId,
    response_type: "code",
    scope: SCOPE,
    redirect_uri: app.redirectUrl,
    state,
  }).toString();
  return url.toString();
}

/** The business a callback's `state` was handed to, if it is fresh and unused; it is used up. */
export async function takeState(db: Sql, state: string): Promise<string | null> {
  const { rows } = await db.query<{ org_id: string }>(
    "DELETE FROM quickbooks_oauth_states WHERE state = $1 AND expires_at > now() RETURNING org_id",
    [state],
  );
  return rows[0]?.org_id ?? null;
}

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().positive(),
  x_refresh_token_expires_in: z.number().positive(),
  token_type: z.string(),
});
type TokenAnswer = z.infer<typeof TokenAnswer>;

/**
 * One request to Intuit's token endpoint (HTTP Basic with the app's keys, form-encoded). A 400
 * `invalid_grant` (a used or expired code, a revoked or rotated refresh token) is QboDisconnected.
 */
async function tokenRequest(
  qb: QuickBooksConfig,
  app: QuickBooksApp,
  form: Record<string, string>,
): Promise<TokenAnswer> {
  let res: Response;
  try {
    res = await fetch(qb.tokenUrl, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new QboUnavailable(`Intuit's sign-in did not answer: ${(e as Error).message}`);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return TokenAnswer.parse(body);
  const error = z.object({ error: z.string() }).safeParse(body);
  if (res.status === 400 && error.success && error.data.error === "invalid_grant") {
    throw new QboDisconnected(
      "Intuit no longer accepts Chalan's connection to QuickBooks (it was revoked, or went unused too long): connect QuickBooks again.",
    );
  }
  throw new QboUnavailable(
    `Intuit's sign-in answered HTTP ${res.status}${error.success ? ` (${error.data.error})` : ""}`,
  );
}

async function storeTokens(db: Sql, orgId: string, realmId: string, t: TokenAnswer) {
  await db.query(
    `INSERT INTO quickbooks_tokens (org_id, realm_id, access_token, access_expires_at, refresh_token,
       refresh_expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, now() + make_interval(secs => $6))
     ON CONFLICT (org_id) DO UPDATE SET realm_id = $2, access_token = $3,
       access_expires_at = now() + make_interval(secs => $4), refresh_token = $5,
       refresh_expires_at = now() + make_interval(secs => $6), updated_at = now()`,
    [orgId, realmId, t.access_token, t.expires_in, t.refresh_token, t.x_refresh_token_expires_in],
  );
}

/** The callback's code exchanged for the company's tokens, kept for the business. */
export async function connect(
  db: Sql,
  qb: QuickBooksConfig,
  app: QuickBooksApp,
  orgId: string,
  code: string,
  realmId: string,
): Promise<void> {
  const tokens = await tokenRequest(qb, app, {
    grant_type: "authorization_code",
    code,
    redirect_uri: app.redirectUrl,
  });
  await storeTokens(db, orgId, realmId, tokens);
}

/** The business's connection, if it has one. */
export async function loadTokens(db: Sql, orgId: string): Promise<QboTokens | null> {
  const { rows } = await db.query<{
    realm_id: string;
    access_token: string;
    access_expires_at: Date;
  }>("SELECT realm_id, access_token, access_expires_at FROM quickbooks_tokens WHERE org_id = $1", [
    orgId,
  ]);
  const r = rows[0];
  return r
    ? { realmId: r.realm_id, accessToken: r.access_token, accessExpiresAt: r.access_expires_at }
    : null;
}

export async function forgetTokens(db: Sql, orgId: string): Promise<boolean> {
  const { rowCount } = await db.query("DELETE FROM quickbooks_tokens WHERE org_id = $1", [orgId]);
  return (rowCount ?? 0) > 0;
}

/**
 * A fresh access token in place of `stale`. The row is locked while Intuit is asked, so two servers
 * never spend the same refresh token (the second would find the first's new token and use it).
 * A connection Intuit refuses is forgotten, so the business sees it must connect again.
 */
export async function refreshTokens(
  pool: pg.Pool,
  qb: QuickBooksConfig,
  app: QuickBooksApp,
  orgId: string,
  stale: string,
): Promise<QboTokens> {
  const refreshed = await withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{
      realm_id: string;
      access_token: string;
      access_expires_at: Date;
      refresh_token: string;
    }>("SELECT * FROM quickbooks_tokens WHERE org_id = $1 FOR UPDATE", [orgId]);
    const row = rows[0];
    if (!row) return null;
    if (row.access_token !== stale && row.access_expires_at.getTime() > Date.now() + 60_000) {
      return {
        realmId: row.realm_id,
        accessToken: row.access_token,
        accessExpiresAt: row.access_expires_at,
      };
    }
    try {
      const tokens = await tokenRequest(qb, app, {
        grant_type: "refresh_token",
        refresh_token: row.refresh_token,
      });
      await storeTokens(tx, orgId, row.realm_id, tokens);
    } catch (e) {
      if (!(e instanceof QboDisconnected)) throw e;
      await forgetTokens(tx, orgId);
      return e;
    }
    return loadTokens(tx, orgId);
  });
  if (refreshed instanceof QboDisconnected) throw refreshed;
  if (!refreshed) throw new QboDisconnected("QuickBooks was disconnected: connect it again.");
  return refreshed;
}
