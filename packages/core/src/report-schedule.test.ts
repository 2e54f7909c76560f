import { describe, expect, it } from "vitest";
import { latestDueReportMonth } from "./report-schedule";

describe("latestDueReportMonth", () => {
  it("becomes last month at 09:00 Dhaka on the 1st (03:00 UTC)", () => {
    expect(latestDueReportMonth(new Date("2026-04-01T02:59:59Z"))).toBe("2026-02");
    expect(latestDueReportMonth(new Date("2026-04-01T03:00:00Z"))).toBe("2026-03");
  });

  it("uses the Dhaka calendar, not UTC, around midnight", () => {
    // 20:00 UTC on 31 March is already 1 April 02:00 in Dhaka: before 09:00, so February.
    expect(latestDueReportMonth(new Date("2026-03-31T20:00:00Z"))).toBe("2026-02");
  });

  it("crosses the year boundary", () => {
    expect(latestDueReportMonth(new Date("2027-01-01T03:00:00Z"))).toBe("2026-12");
    expect(latestDueReportMonth(new Date("2027-01-01T02:00:00Z"))).toBe("2026-11");
  });

  it("stays on last month for the rest of the month", () => {
    expect(latestDueReportMonth(new Date("2026-03-31T17:59:59Z"))).toBe("2026-02");
  });
});
