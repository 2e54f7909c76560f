import type { PgBoss } from "pg-boss";
import type { Mailer } from "../mail/mailer";
import { type ExtractDeps, runExtractJob } from "../pipeline/extract-job";
import { runNotifyJob } from "../pipeline/notify-job";
import { runMonthlyReportJob } from "../reports/monthly-report";
import { type ExtractJob, type MonthlyReportJob, type NotifyJob, QUEUES } from "./boss";

/** In-process workers (the embedded default); a scale-out deployment runs the same in worker processes. */
export async function startWorkers(
  boss: PgBoss,
  deps: ExtractDeps & { mailer: Mailer },
  concurrency: number,
): Promise<void> {
  const extractOptions = {
    localConcurrency: concurrency,
    includeMetadata: true,
    pollingIntervalSeconds: 1,
  } as const;
  await boss.work<ExtractJob, void, typeof extractOptions>(
    QUEUES.extract,
    extractOptions,
    async ([job]) => {
      if (job) await runExtractJob(deps, job.data, job);
    },
  );
  await boss.work<NotifyJob>(QUEUES.notify, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await runNotifyJob(deps, job.data);
  });
  await boss.work<MonthlyReportJob>(
    QUEUES.monthlyReport,
    { pollingIntervalSeconds: 2 },
    async ([job]) => {
      if (job) await runMonthlyReportJob(deps, job.data);
    },
  );
}
