import { describe, expect, it } from "vitest";
import {
  dhakaDate,
  dhakaInstant,
  dhakaMonth,
  findDates,
  monthName,
  monthRange,
  nextMonth,
  parseDate,
  previousMonth,
} from "./dates";

describe("parseDate", () => {
  it.each([
    ["18/03/2026", "2026-03-18"],
    ["18-03-2026", "2026-03-18"],
    ["18.03.2026", "2026-03-18"],
    ["8/3/2026", "2026-03-08"],
    ["18/03/26", "2026-03-18"],
    ["18 / 03 / 2026", "2026-03-18"],
    ["2026-03-18", "2026-03-18"],
    ["2016/05/01", "2016-05-01"],
    ["18 Mar 2026", "2026-03-18"],
    ["18 March, 2026", "2026-03-18"],
    ["18-MAR-2026", "2026-03-18"],
    ["02/JAN/2017", "2017-01-02"],
    ["18th March 2026", "2026-03-18"],
    ["Mar 18, 2026", "2026-03-18"],
    ["OCT 3, 2016", "2016-10-03"],
    ["0ct 3,2016", "2016-10-03"],
    ["Sept. 9, 2025", "2025-09-09"],
    ["১৮/০৩/২০২৬", "2026-03-18"],
    ["১৮ মার্চ ২০২৬", "2026-03-18"],
    ["১৮ই মার্চ, ২০২৬", "2026-03-18"],
    ["১লা জানুয়ারি ২০২৬", "2026-01-01"],
    ["৫ ফেব্রুয়ারী ২০২৬", "2026-02-05"],
    ["২১শে আগষ্ট ২০২৫", "2025-08-21"],
    ["16 আগষ 2024", "2024-08-16"],
    ["৩০ সেপ্টেম্বর ২০২৫", "2025-09-30"],
    ["১২ ডিসেম্বার ২০২৫", "2025-12-12"],
    ["29/02/2024", "2024-02-29"],
    // The ending ই read as a 3 or an 8 (generated invoices as Tesseract read them).
    ["53 ডিসেম্বর, 2025", "2025-12-05"],
    ["143 জুন, 2025", "2025-06-14"],
    ["102 অক্টোবর, 2025", "2025-10-10"],
    ["158 মে, 2026", "2026-05-15"],
    ["68 জুলাই 2025", "2025-07-06"],
    ["১৮৩ মার্চ, ২০২৬", "2026-03-18"],
    // ... or as a % (a printed photo read by Tesseract).
    ["12% সেপ্টেম্বর, 2024", "2024-09-12"],
    // Malay receipts write March "Mac"; so does the OCR of a handwritten "Mar".
    ["19 Mac 2025", "2025-03-19"],
    // A handwritten "Apr" whose r OCR lost.
    ["21 Ap 2025", "2025-04-21"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it("reads জানুয়ারি whether য় is precomposed or not", () => {
    expect(parseDate("৩ জানু\u09DFারি ২০২৬")).toBe("2026-01-03");
    expect(parseDate("৩ জানু\u09AF\u09BCারি ২০২৬")).toBe("2026-01-03");
  });

  it("reads numeric dates day first", () => {
    expect(parseDate("03/04/2026")).toBe("2026-04-03");
    expect(parseDate("04/25/2026")).toBeNull();
  });

  it.each([
    "31/02/2026",
    "29/02/2025",
    "25% মে 2026",
    "00/13/2026",
    "31/04/2026",
    "32/01/2026",
    "2026-13-01",
    "",
    "hello",
    "18/03",
    "18/03-2026",
    "Date: 18/03/2026",
    "18/03/2026 and 19/03/2026",
    "1234/03/2026",
    "193 জুন 2025",
    "43 জুন 2025",
  ])("rejects %j", (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it("reads two-digit years around the pivot year", () => {
    expect(parseDate("01/01/69")).toBe("2069-01-01");
    expect(parseDate("01/01/70")).toBe("1970-01-01");
    expect(parseDate("01/01/30", { pivotYear: 2029 })).toBe("1930-01-01");
    expect(parseDate("01/01/29", { pivotYear: 2029 })).toBe("2029-01-01");
  });
});

describe("findDates", () => {
  it("finds dates inside lines and says where they are", () => {
    const text = "DATE: 25/12/2018 8:13:39 PM";
    const [d] = findDates(text);
    expect(d?.date).toBe("2018-12-25");
    expect(text.slice(d?.start, d?.end)).toBe("25/12/2018");
  });

  it("keeps several dates in reading order", () => {
    expect(findDates("Due 30 Apr 2026, issued 2026-03-31").map((d) => d.date)).toEqual([
      "2026-04-30",
      "2026-03-31",
    ]);
  });

  it("reads a date whose faint separators OCR read as spaces, with a four-digit year", () => {
    const dates = (text: string) => findDates(text).map((d) => d.date);
    expect(dates("Date 18 06- 2018 16: 15")).toEqual(["2018-06-18"]);
    expect(dates("তারিখ: ১৮ ০৬ ২০২৬")).toEqual(["2026-06-18"]);
    expect(dates("Qty 12 10 18")).toEqual([]);
    expect(dates("Pcs 3 40 12")).toEqual([]);
  });

  it("reads a date with the time run into its year", () => {
    const dates = (text: string) => findDates(text).map((d) => d.date);
    expect(dates("5/3/201822:52:33")).toEqual(["2018-03-05"]);
    expect(dates("DATE:28-04-2018 9:21")).toEqual(["2018-04-28"]);
    expect(dates("12/03/20261")).toEqual([]);
    expect(dates("12/03/202615")).toEqual([]);
  });

  it("does not take amounts, times or words for dates", () => {
    expect(findDates("TOTAL 12.50 at 12:30, MARKET 2018, MAY 2018")).toEqual([]);
    expect(findDates("Tel 01711-223344")).toEqual([]);
  });
});

describe("Dhaka calendar", () => {
  it("gives the Dhaka calendar date of an instant", () => {
    expect(dhakaDate(new Date("2026-03-17T17:59:59Z"))).toBe("2026-03-17");
    expect(dhakaDate(new Date("2026-03-17T18:00:00Z"))).toBe("2026-03-18");
    expect(dhakaMonth(new Date("2026-03-31T18:30:00Z"))).toBe("2026-04");
    expect(() => dhakaDate(new Date("nope"))).toThrow(RangeError);
  });

  it("steps back one month, across years", () => {
    expect(previousMonth("2026-03")).toBe("2026-02");
    expect(previousMonth("2026-01")).toBe("2025-12");
    expect(() => previousMonth("2026-13")).toThrow(RangeError);
  });

  it("steps forward one month, across years", () => {
    expect(nextMonth("2026-03")).toBe("2026-04");
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(nextMonth(previousMonth("2026-01"))).toBe("2026-01");
    expect(() => nextMonth("2026-00")).toThrow(RangeError);
  });

  it("gives the first and last day of a month", () => {
    expect(monthRange("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthRange("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("names a month in English", () => {
    expect(monthName("2026-03")).toBe("March 2026");
  });

  it("gives the UTC instant of a Dhaka wall-clock time", () => {
    expect(dhakaInstant("2026-04-01", "09:00").toISOString()).toBe("2026-04-01T03:00:00.000Z");
    expect(dhakaInstant("2026-04-01", "00:00").toISOString()).toBe("2026-03-31T18:00:00.000Z");
    expect(dhakaDate(dhakaInstant("2026-04-01", "00:00"))).toBe("2026-04-01");
    expect(() => dhakaInstant("2026-02-30", "09:00")).toThrow(RangeError);
    expect(() => dhakaInstant("2026-04-01", "24:00")).toThrow(RangeError);
  });
});
