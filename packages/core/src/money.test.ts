import { describe, expect, it } from "vitest";
import { findAmounts, formatDecimalTaka, formatTaka, parseAmount } from "./money";

describe("parseAmount", () => {
  it.each([
    ["1190", 119000],
    ["1190.5", 119050],
    ["1190.50", 119050],
    ["0.29", 29],
    ["1,190", 119000],
    ["1,190,000.00", 119000000],
    ["11,90,000.50", 119000050],
    ["1,00,00,000", 1000000000],
    ["৳1,190.00", 119000],
    ["৳ 1,190", 119000],
    ["Tk 500", 50000],
    ["Tk.500", 50000],
    ["TK. 1,190.00", 119000],
    ["BDT 2,500.75", 250075],
    ["1,190 টাকা", 119000],
    ["1,190/-", 119000],
    ["Tk. 1,190/-", 119000],
    ["500/=", 50000],
    ["RM 9.00", 900],
    ["RM9.00", 900],
    ["১১,৯০,০০০.৫০", 119000050],
    ["৳১,১৯০/-", 119000],
    ["  42  ", 4200],
  ])("reads %s as %d poisha", (text, poisha) => {
    expect(parseAmount(text)).toBe(poisha);
  });

  it("never goes through floating point", () => {
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(parseAmount("1.15")).toBe(115);
    expect(parseAmount("4.35")).toBe(435);
    expect(parseAmount("90071992547409.91")).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([
    "",
    "abc",
    "Total",
    "-5.00",
    "৳-5",
    "1.234",
    "1 190.00",
    "1,19,0",
    "11,9000",
    "1,1900.00",
    "1.190,00",
    "12/03/2026",
    "5%",
    "৳",
    "90071992547409.92",
    "99999999999999999999",
    "1,190 1,190",
  ])("rejects %j", (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe("findAmounts", () => {
  const values = (text: string) => findAmounts(text).map((a) => a.poisha);

  it("finds amounts after labels, with or without currency", () => {
    expect(values("TOTAL: 9.00")).toEqual([900]);
    expect(values("TOTAL:RM9.00")).toEqual([900]);
    expect(values("Grand Total ৳ 11,90,000.50")).toEqual([119000050]);
    expect(values("মোট ১১,৯০০/-")).toEqual([1190000]);
    expect(values("TOTAL 6.60 0.40 7.00")).toEqual([660, 40, 700]);
  });

  it("skips dates, times, percentages and codes", () => {
    expect(values("DATE: 25/12/2018 8:13:39 PM")).toEqual([]);
    expect(values("2018-04-06 17:36")).toEqual([]);
    expect(values("GST @ 6% INV-2041 A15961 7DAYS")).toEqual([]);
    expect(values("CO. REG :860671-D")).toEqual([]);
    // A percentage's first digit split off it, as OCR reads a handwritten `15 %`.
    expect(values("ভ্যাট 1 5 %")).toEqual([]);
    expect(values("VAT 15 % 1,500.00")).toEqual([150000]);
  });

  it("marks negative amounts and keeps offsets into the text", () => {
    const [rounding] = findAmounts("ROUNDING: -RM0.02");
    expect(rounding).toMatchObject({ poisha: 2, negative: true });
    expect(findAmounts("DISC 2.07-")[0]?.negative).toBe(true);
    // Grouped whole taka with a dash after: `/-` with its slash unseen, not a credit.
    expect(findAmounts("Grand Total 1,05,710-")[0]).toMatchObject({
      poisha: 10571000,
      negative: false,
      end: 21,
    });
    expect(findAmounts("Less 6290-")[0]?.negative).toBe(true);
    const text = "Net payable Tk. 1,190/- only";
    const [a] = findAmounts(text);
    expect(text.slice(a?.start, a?.end)).toBe("Tk. 1,190/-");
    expect(a).toMatchObject({ poisha: 119000, negative: false, moneyLike: true });
  });

  it("reads whole taka whose `/-` lost its dash, not a date's slashes set apart", () => {
    // A handwritten receipt photographed, as Tesseract read it.
    expect(values("Sub Total 229440/")).toEqual([22944000]);
    expect(values("540/ 9,720/-")).toEqual([54000, 972000]);
    expect(values("Date: 12/ 03/ 2025")).toEqual([202500]);
    expect(values("House 12/ Road 5")).toEqual([500]);
  });

  it("tells money-like numbers from bare counts", () => {
    expect(findAmounts("QTY 3")[0]?.moneyLike).toBe(false);
    expect(findAmounts("3.00")[0]?.moneyLike).toBe(true);
  });
});

describe("formatTaka", () => {
  it("uses lakh grouping and two decimals", () => {
    expect(formatTaka(119000050)).toBe("৳11,90,000.50");
    expect(formatTaka(1190000)).toBe("৳11,900.00");
    expect(formatTaka(1000000000)).toBe("৳1,00,00,000.00");
    expect(formatTaka(99900)).toBe("৳999.00");
    expect(formatTaka(5)).toBe("৳0.05");
    expect(formatTaka(0)).toBe("৳0.00");
  });

  it("writes Bengali digits on request", () => {
    expect(formatTaka(119000050, { digits: "beng" })).toBe("৳১১,৯০,০০০.৫০");
    expect(formatTaka(119000050, { digits: "latn" })).toBe("৳11,90,000.50");
  });

  it("round-trips through parseAmount", () => {
    for (const p of [0, 1, 99, 100, 123456789, Number.MAX_SAFE_INTEGER]) {
      expect(parseAmount(formatTaka(p))).toBe(p);
    }
  });

  it("refuses values that are not poisha", () => {
    expect(() => formatTaka(1.5)).toThrow(RangeError);
    expect(() => formatTaka(-100)).toThrow(RangeError);
  });
});

describe("formatDecimalTaka", () => {
  it("writes plain decimal taka", () => {
    expect(formatDecimalTaka(1190000)).toBe("11900.00");
    expect(formatDecimalTaka(7)).toBe("0.07");
    // Credits in vouchers and journals are negative.
    expect(formatDecimalTaka(-2201105)).toBe("-22011.05");
    expect(() => formatDecimalTaka(1.5)).toThrow(RangeError);
  });
});
