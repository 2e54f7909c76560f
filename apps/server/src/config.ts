import path from "node:path";
import { z } from "zod";

const optionalUrl = (what: string, protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined))
    .refine(
      (s) => {
        if (s === undefined) return true;
        try {
          return protocols.includes(new URL(s).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be ${what} URL (${protocols.join(" or ")}//…)` },
    );

const intIn = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : String(fallback)))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a whole number")
        .transform(Number)
        .pipe(z.number().int().min(min).max(max)),
    );

const httpUrl = (fallback: string) =>
  optionalUrl("an http", ["https:", "http:"]).transform((s) => (s ?? fallback).replace(/\/+$/, ""));

const EnvSchema = z.object({
  PORT: intIn(0, 65535, 8080),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  CHALAN_DATA_DIR: z.string().trim().min(1).default("./data"),
  DATABASE_URL: optionalUrl("a PostgreSQL", ["postgres:", "postgresql:"]),
  CHALAN_PG_PORT: intIn(1024, 65535, 54329),
  SMTP_URL: optionalUrl("an SMTP", ["smtp:", "smtps:"]),
  MAIL_FROM: z.string().trim().min(3).default("Chalan <chalan@localhost>"),
  MAX_UPLOAD_MB: intIn(1, 1024, 25),
  WORKER_CONCURRENCY: intIn(1, 64, 2),
  OCR_WORKERS: intIn(1, 16, 1),
  TOKEN_TTL_DAYS: intIn(1, 3650, 30),
  POSTING_LEASE_SECONDS: intIn(1, 3600, 120),
  QUICKBOOKS_CLIENT_ID: z.string().trim().optional(),
  QUICKBOOKS_CLIENT_SECRET: z.string().trim().optional(),
  QUICKBOOKS_REDIRECT_URL: optionalUrl("an https", ["https:", "http:"]),
  QUICKBOOKS_API_URL: httpUrl("https://quickbooks.api.intuit.com"),
  QUICKBOOKS_AUTH_URL: httpUrl("https://appcenter.intuit.com/connect/oauth2"),
  QUICKBOOKS_TOKEN_URL: httpUrl("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"),
  QUICKBOOKS_POLL_SECONDS: intIn(1, 86_400, 30),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  maxUploadBytes: number;
  workerConcurrency: number;
  ocrWorkers: number;
  tokenTtlMs: number;
  /** How long a bridge holds a posting it took before another may take it (the bridge may be dead). */
  postingLeaseSeconds: number;
  quickbooks: QuickBooksConfig;
}

/** Intuit's endpoints and this server's app there (docs/quickbooks.md). */
export interface QuickBooksConfig {
  /** The Intuit app's keys and our registered callback; absent, QuickBooks cannot be connected. */
  app: { clientId: string; clientSecret: string; redirectUrl: string } | undefined;
  apiUrl: string;
  authUrl: string;
  tokenUrl: string;
  pollSeconds: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Chalan cannot start: bad configuration\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Reads the environment once at start; every bad value is named with what would be accepted. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join(".")}=${JSON.stringify(env[String(i.path[0])] ?? "")}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  const app = [e.QUICKBOOKS_CLIENT_ID, e.QUICKBOOKS_CLIENT_SECRET, e.QUICKBOOKS_REDIRECT_URL];
  if (app.some(Boolean) && !app.every(Boolean)) {
    // Half an Intuit app would only fail later, at the admin's first connect.
    throw new ConfigError([
      "QUICKBOOKS_CLIENT_ID, QUICKBOOKS_CLIENT_SECRET and QUICKBOOKS_REDIRECT_URL: set all three (the Intuit app's keys and the callback registered with it), or none",
    ]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    // `npm start` runs inside apps/server; a relative path means where the user typed the command.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), e.CHALAN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.CHALAN_PG_PORT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    workerConcurrency: e.WORKER_CONCURRENCY,
    ocrWorkers: e.OCR_WORKERS,
    tokenTtlMs: e.TOKEN_TTL_DAYS * 86_400_000,
    postingLeaseSeconds: e.POSTING_LEASE_SECONDS,
    quickbooks: {
      app:
        e.QUICKBOOKS_CLIENT_ID && e.QUICKBOOKS_CLIENT_SECRET && e.QUICKBOOKS_REDIRECT_URL
          ? {
              clientId: e.QUICKBOOKS_CLIENT_ID,
              clientSecret: e.QUICKBOOKS_CLIENT_SECRET,
              redirectUrl: e.QUICKBOOKS_REDIRECT_URL,
            }
          : undefined,
      apiUrl: e.QUICKBOOKS_API_URL,
      authUrl: e.QUICKBOOKS_AUTH_URL,
      tokenUrl: e.QUICKBOOKS_TOKEN_URL,
      pollSeconds: e.QUICKBOOKS_POLL_SECONDS,
    },
  };
}
