import { describe, expect, it } from "vitest";
import { misreadDate } from "./date-misreads";

const read = (text: string, from = 0) => misreadDate(text, from)?.value;

describe("misreadDate", () => {
  it("reads handwritten dates whose slash the OCR took for a one (as Tesseract read them)", () => {
    expect(read("08106/2025")).toBe("2025-06-08");
    expect(read(" 22108/2025")).toBe("2025-08-22");
    expect(read("08/0612025")).toBe("2025-06-08");
    expect(read("08l06/2025")).toBe("2025-06-08");
    expect(read("28109/2.024.")).toBe("2024-09-28");
  });

  it("reads dates whose separators the OCR did not see, in either script", () => {
    expect(read("২৬.০৩২০২৬")).toBe("2026-03-26");
    expect(read("২৯০৭২০২৫....................")).toBe("2025-07-29");
    expect(read("2603.2026")).toBe("2026-03-26");
    expect(read("(07112025")).toBe("2025-11-07");
    // Both slashes unseen, the year set apart by a space (a handwritten receipt photographed).
    expect(misreadDate("Date 2308 2024 2:57 AM", 4)).toEqual({
      start: 5,
      end: 14,
      value: "2024-08-23",
    });
    expect(read("২৩০৮ ২০২৪")).toBe("2024-08-23");
    expect(read("2308 20245")).toBeUndefined();
    expect(read("3208 2024")).toBeUndefined(); // no 32nd day
  });

  it("reads a two-digit year with the time run into it", () => {
    expect(read("26-04.269:21-AM")).toBe("2026-04-26");
    expect(read("18/03/2611:05")).toBe("2026-03-18");
    expect(read("18/03/26")).toBeUndefined(); // no time: the usual parse reads it, not this
  });

  it("reads the first word with a digit after the label, and says where the date lies", () => {
    const text = "Date of Issue: 08106/2025 Mirpur";
    const from = "Date of Issue".length;
    expect(misreadDate(text, from)).toEqual({ start: 15, end: 25, value: "2025-06-08" });
  });

  it("reads a dash the OCR took for a colon, with the dots of the line written on", () => {
    expect(read("২৯:১২-২০২৪................")).toBe("2024-12-29");
    expect(read("০৭:০৫-২৫")).toBe("2025-05-07");
    expect(read("12-03:2026")).toBe("2026-03-12");
    expect(read("২৩.০৮,২০২৪")).toBe("2024-08-23");
    expect(read("08:14 PM")).toBeUndefined(); // a time
  });

  it("reads a month's name garbled by the hand, where it is like one month only", () => {
    expect(misreadDate("Date: 12 eptewber, 2024", 5)).toEqual({
      start: 6,
      end: 23,
      value: "2024-09-12",
    });
    expect(read("৯ সেপ্টেমর ২০২৫")).toBe("2025-09-09");
    expect(read("১৭ এপিল ২০২৬ ১:০৬")).toBe("2026-04-17"); // এপ্রিল, its ্র lost
    expect(read("12 Jule 2024")).toBeUndefined(); // June or July
    expect(read("12 Member, 2024")).toBeUndefined(); // as like November as December
    expect(read("31 Febuary 2024")).toBeUndefined(); // no such day
    // The year's leading 2 garbled instead, the month's name read.
    expect(read("16 Feb r026...")).toBe("2026-02-16");
    expect(read("16 Fbe r026")).toBeUndefined(); // two parts garbled: a guess
    // ১লা (the 1st) with its ১ garbled: লা follows no other day.
    expect(read(": [লা ফেব্রুয়ারি, 2025 1655")).toBe("2025-02-01");
    expect(read("[রা ফেব্রুয়ারি, 2025")).toBeUndefined(); // ২রা or ৩রা
  });

  it("leaves what cannot be such a date", () => {
    expect(read("21136/2025")).toBeUndefined(); // no month 36
    expect(read("31106/2025")).toBeUndefined(); // no 31 June
    expect(read("08106/1890")).toBeUndefined(); // not an invoice's year
    expect(read("20250729")).toBeUndefined(); // year first is not a day-first date
    expect(read("0810612025")).toBeUndefined(); // two misreads are a guess
    expect(read("No. 5 08106/2025")).toBeUndefined(); // not the first figure
    expect(read("")).toBeUndefined();
  });
});
