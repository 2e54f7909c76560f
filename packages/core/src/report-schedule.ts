import { dhakaInstant, dhakaMonth, previousMonth } from "./dates";

/** The monthly report goes out on the 1st at 09:00 Asia/Dhaka. */
export const REPORT_TIME = "09:00";

/**
 * The latest month whose report is due at `now`: last month from 09:00 on the 1st, the month
 * before until then. A server that was off at 09:00 catches up with this on its next start.
 */
export function latestDueReportMonth(now: Date): string {
  const current = dhakaMonth(now);
  const sendAt = dhakaInstant(`${current}-01`, REPORT_TIME);
  const last = previousMonth(current);
  return now.getTime() >= sendAt.getTime() ? last : previousMonth(last);
}
