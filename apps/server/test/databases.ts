import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export interface DbTarget {
  name: string;
  adminUrl: string;
}

/**
 * Every database-facing suite runs against the embedded PostgreSQL and, when CHALAN_TEST_PG_URL is
 * set (CI: the machine's PostgreSQL 15), against that too. CI without it is a failure, not a skip.
 */
export function dbTargets(): DbTarget[] {
  const targets: DbTarget[] = [{ name: "embedded", adminUrl: inject("embeddedPgUrl") }];
  const external = process.env.CHALAN_TEST_PG_URL;
  if (external) targets.push({ name: "external", adminUrl: external });
  else if (process.env.CI) {
    throw new Error("CI must set CHALAN_TEST_PG_URL to the machine's PostgreSQL (see .ci/run)");
  }
  return targets;
}

/** A fresh, empty database on the target's server; returns its URL. */
export async function createDatabase(target: DbTarget): Promise<string> {
  const name = `chalan_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(target.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
