import { latestDueReportMonth } from "@chalan/core";
import type pg from "pg";
import type { PgBoss } from "pg-boss";
import { planMonth } from "./monthly-report";

export type Clock = () => Date;

/**
 * Checks once at start (catching up a 1st that passed while the server was off) and then every
 * minute whether the latest due month has been planned.
 */
export class ReportScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    private readonly boss: PgBoss,
    private readonly clock: Clock,
    private readonly intervalMs = 60_000,
  ) {}

  tick(): Promise<{ planned: boolean; reports: number }> {
    const run = planMonth(this.pool, this.boss, latestDueReportMonth(this.clock()));
    this.running = run.catch(() => {});
    return run;
  }

  start(): void {
    const safeTick = () =>
      this.tick().catch((e) => console.error("monthly report planning failed:", e.message));
    void safeTick();
    this.timer = setInterval(safeTick, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
