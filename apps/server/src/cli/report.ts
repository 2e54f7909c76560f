import { parseArgs } from "node:util";
import pg from "pg";
import { loadConfig } from "../config";
import { migrate } from "../db/migrate";
import { startBoss } from "../queue/boss";
import { planMonth, runMonthlyReportJob } from "../reports/monthly-report";
import { createMailer, openDatabase } from "../server";

/** `chalan report --month YYYY-MM`: owes and sends that month's reports now, each still only once. */
export async function runReport(
  args: string[],
  out: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { values } = parseArgs({ args, options: { month: { type: "string" } } });
  const month = values.month;
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new Error("give the month as --month YYYY-MM, e.g. --month 2026-03");
  }
  const config = loadConfig(env);
  const db = await openDatabase(config);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const mailer = createMailer(config);
  const boss = await startBoss(db.url);
  try {
    await migrate(pool);
    await planMonth(pool, boss, month, { again: true });
    const { rows } = await pool.query<{ org_id: string; submitter_email: string }>(
      "SELECT org_id, submitter_email FROM monthly_reports WHERE month = $1 ORDER BY org_id, submitter_email",
      [month],
    );
    for (const r of rows) {
      const outcome = await runMonthlyReportJob(
        { pool, mailer },
        { orgId: r.org_id, submitterEmail: r.submitter_email, month },
      );
      out.write(`${r.submitter_email}: ${outcome}\n`);
    }
    if (rows.length === 0) out.write(`no invoices were received in ${month}; nothing to send\n`);
    return 0;
  } finally {
    await boss.stop({ graceful: false });
    await mailer.close();
    await pool.end();
    if (!db.embedded?.adopted) await db.embedded?.stop();
  }
}
