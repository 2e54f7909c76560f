import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { PgBoss } from "pg-boss";
import { FsBlobStore } from "./blobs/fs-blob-store";
import type { Config } from "./config";
import { QuickBooksPoster } from "./connectors/quickbooks-poster";
import { type EmbeddedPg, startEmbeddedPostgres } from "./db/embedded-postgres";
import { migrate } from "./db/migrate";
import { buildApp } from "./http/app";
import type { Mailer } from "./mail/mailer";
import { OutboxMailer } from "./mail/outbox-mailer";
import { SmtpMailer } from "./mail/smtp-mailer";
import type { PageReader } from "./pipeline/extract-job";
import { createPageReader } from "./pipeline/page-reader";
import { type RetryPolicy, startBoss } from "./queue/boss";
import { startWorkers } from "./queue/workers";
import { type Clock, ReportScheduler } from "./reports/report-scheduler";

export interface ChalanOptions {
  clock?: Clock;
  /** Replaces OCR in tests that exercise the queue, not the reading. */
  readPage?: PageReader;
  reportIntervalMs?: number;
  retry?: RetryPolicy;
}

export interface Chalan {
  url: string;
  pool: pg.Pool;
  boss: PgBoss;
  scheduler: ReportScheduler;
  /** Posts to QuickBooks Online every QUICKBOOKS_POLL_SECONDS; `pass()` runs one pass now. */
  quickbooks: QuickBooksPoster;
  stop(): Promise<void>;
}

/** Opens the database the configuration names, or the embedded one in `<data>/pg`. */
export async function openDatabase(
  config: Config,
): Promise<{ url: string; embedded: EmbeddedPg | undefined }> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: undefined };
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
  return { url: embedded.url, embedded };
}

export function createMailer(config: Config): Mailer {
  return config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new OutboxMailer(path.join(config.dataDir, "outbox"), config.mailFrom);
}

export async function startChalan(config: Config, opts: ChalanOptions = {}): Promise<Chalan> {
  await mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase(config);
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  await migrate(pool);
  const boss = await startBoss(db.url, opts.retry);
  const blobs = new FsBlobStore(path.join(config.dataDir, "blobs"));
  const mailer = createMailer(config);
  const reader = opts.readPage ? null : createPageReader(config.ocrWorkers);
  const readPage = opts.readPage ?? (reader as NonNullable<typeof reader>).readPage;
  await startWorkers(boss, { pool, boss, blobs, readPage, mailer }, config.workerConcurrency);
  const scheduler = new ReportScheduler(
    pool,
    boss,
    opts.clock ?? (() => new Date()),
    opts.reportIntervalMs,
  );
  scheduler.start();
  const quickbooks = new QuickBooksPoster(pool, config);
  quickbooks.start();
  const app = await buildApp({ config, pool, boss, blobs });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    boss,
    scheduler,
    quickbooks,
    async stop() {
      await app.close();
      await scheduler.stop();
      await quickbooks.stop();
      await boss.stop({ graceful: true, timeout: 15_000 });
      await reader?.close();
      await mailer.close();
      await pool.end();
      await db.embedded?.stop();
    },
  };
}
