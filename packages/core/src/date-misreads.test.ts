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
