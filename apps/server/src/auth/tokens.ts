import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import type { Sql } from "../db/sql";

export interface AuthContext {
  orgId: string;
  userId: string;
}

const digest = (token: string) => createHash("sha256").update(token).digest();

/** A bearer token is 32 random bytes; only its hash is stored, so a database leak leaks no sessions. */
export async function issueToken(db: Sql, auth: AuthContext, ttlMs: number): Promise<string> {
  // Hex: a token pasted after `--token` must not start with "-", as base64url ones may.
  const token = randomBytes(32).toString("hex");
  await db.query(
    "INSERT INTO sessions (org_id, token_hash, user_id, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')",
    [auth.orgId, digest(token), auth.userId, ttlMs],
  );
  return token;
}

export async function resolveToken(db: pg.Pool, token: string): Promise<AuthContext | null> {
  const { rows } = await db.query<{ org_id: string; user_id: string }>(
    "SELECT org_id, user_id FROM sessions WHERE token_hash = $1 AND expires_at > now()",
    [digest(token)],
  );
  const row = rows[0];
  return row ? { orgId: row.org_id, userId: row.user_id } : null;
}
