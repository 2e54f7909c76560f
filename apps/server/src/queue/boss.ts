import type pg from "pg";
import { PgBoss } from "pg-boss";

export const QUEUES = {
  extract: "extract",
  notify: "notify",
  monthlyReport: "monthly-report",
} as const;

export interface ExtractJob {
  orgId: string;
  invoiceId: string;
}
export type NotifyJob = ExtractJob;
export interface MonthlyReportJob {
  orgId: string;
  submitterEmail: string;
  month: string;
}

/** Four retries, 2 s doubling to at most 5 minutes; tests shorten the delays. */
export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}
export const DEFAULT_RETRY: RetryPolicy = { limit: 4, delaySeconds: 2, backoff: true };

/** The job queue lives in the same PostgreSQL as the invoices, so enqueueing can share their transaction. */
export async function startBoss(
  databaseUrl: string,
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    // A worker killed mid-job stops heartbeating; these passes hand its job to a live worker within
    // seconds instead of the 15-minute default expiry.
    monitorIntervalSeconds: 5,
    superviseIntervalSeconds: 5,
  });
  boss.on("error", (e) => console.error("queue:", e.message));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, {
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: retry.backoff,
      ...(retry.backoff ? { retryDelayMax: 300 } : {}),
      heartbeatSeconds: 10,
      expireInSeconds: 600,
    });
  }
  return boss;
}

/** Enqueues on the caller's transaction: the job exists if and only if the transaction commits. */
export async function enqueueInTransaction(
  boss: PgBoss,
  tx: pg.PoolClient,
  queue: string,
  data: object,
  singletonKey?: string,
): Promise<void> {
  await boss.send(queue, data, {
    db: { executeSql: (text, values) => tx.query(text, values as unknown[]) },
    ...(singletonKey ? { singletonKey } : {}),
  });
}
