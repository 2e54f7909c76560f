import { describe, expect, it } from "vitest";
import { mayBeTakaSign, repairTakaSign, repairWords } from "./ocr-repair";

const texts = (words: string[]) => repairWords(words).map((t) => t.text);

describe("repairWords", () => {
  it("reads letters inside amounts as the digits they resemble", () => {
    expect(texts(["1,O5O.OO", "l2,500", "Tk.2O9.25", "৳l,395.00", "9OO/-", "L834/-"])).toEqual([
      "1,050.00",
      "12,500",
      "Tk.209.25",
      "৳1,395.00",
      "900/-",
      "1834/-",
    ]);
    // A word, not a figure: left alone.
    expect(texts(["LOL", "L8"])).toEqual(["LOL", "L8"]);
  });

  it("reads dots between groups of a handwritten amount as the commas they are", () => {
    // As Tesseract read handwritten totals of generated invoices.
    expect(
      texts(["22.700.00", "1.702.50", "Tk24.402.50", "1.07.500/-", "1.23.625.00", "73.075/-"]),
    ).toEqual(["22,700.00", "1,702.50", "Tk24,402.50", "1,07,500/-", "1,23,625.00", "73,075/-"]);
    expect(texts(["6],007.50"])).toEqual(["61,007.50"]);
    // One comma read as a dot beside others read right (a printed bill, scanned).
    expect(texts(["1,16.900.00", "2.86,800.00"])).toEqual(["1,16,900.00", "2,86,800.00"]);
    // A decimal, a date, a weight: no grouping to repair.
    const alone = ["73.075", "12.03.2026", "1.07.25", "2.500", "16.12.25", "1.5.2026"];
    expect(texts(alone)).toEqual(alone);
  });

  it("reads a dot before three digits as a comma where the paisa follow apart at the line's end", () => {
    // A memo pad's taka and paisa columns, the comma written by hand (generated cash memo).
    expect(texts(["সর্বমোট", "138.500", "00"])).toEqual(["সর্বমোট", "138,500", "00"]);
    expect(texts(["2.500", "00", "kg"])).toEqual(["2.500", "00", "kg"]);
    expect(texts(["2.500", "kg"])).toEqual(["2.500", "kg"]);
  });

  it("reads a comma before the last two digits of an amount as the decimal point it is", () => {
    // As Tesseract read printed Bengali receipts photographed.
    expect(texts(["2,160,00", "800,00/-", "Tk8,000,00", "21494,80", "1,07,500,00"])).toEqual([
      "2,160.00",
      "800.00/-",
      "Tk8,000.00",
      "21494.80",
      "1,07,500.00",
    ]);
    // Too few digits before it to tell from lakh grouping broken off (`11,90` + `,000`).
    expect(texts(["11,90", "5,00"])).toEqual(["11,90", "5,00"]);
  });

  it("reads a grouped amount whose last group runs on two digits as having lost its point", () => {
    // As Tesseract read generated Bengali bills: `138,217.50`, `46,851.00`, `1,38,217.50`.
    expect(texts(["138,21750", "46,85100", "1,38,21750"])).toEqual([
      "138,217.50",
      "46,851.00",
      "1,38,217.50",
    ]);
    // Grouped right, or not grouped at all: nothing says where a point was.
    expect(texts(["1,38,217", "13821750", "138,2175"])).toEqual([
      "1,38,217",
      "13821750",
      "138,2175",
    ]);
  });

  it("reads a 1 before the dash of whole taka as the slash of `/-`", () => {
    // As Tesseract read handwritten memos (generated): `65,175/-`, `3,030/-`, `180/-`.
    expect(texts(["65,1751-", "3,0301-", "1801-", "1,07,5001-"])).toEqual([
      "65,175/-",
      "3,030/-",
      "180/-",
      "1,07,500/-",
    ]);
    // A credit with paisa, a phone number's first part, a long code, a lone digit: left alone.
    expect(texts(["2.01-", "01711-", "100100000061-", "11-"])).toEqual([
      "2.01-",
      "01711-",
      "100100000061-",
      "11-",
    ]);
  });

  it("leaves out a 1 beside a comma that no grouping allows", () => {
    // As Tesseract read a Mushak-6.3's total row and a memo's total (generated): ৭,৩৫৭.৫০, ১,১৬৫.৫০.
    expect(texts(["7,1357.50", "1,1165.50"])).toEqual(["7,357.50", "1,165.50"]);
    // Grouped right already, or no 1 beside its comma: left alone.
    expect(texts(["1,135.00", "1,11,000", "12,3456"])).toEqual(["1,135.00", "1,11,000", "12,3456"]);
  });

  it("reads a slash or colon where a grouping comma goes as the comma", () => {
    // As Tesseract read a handwritten bill's column sums (generated): ১,৫৬,৬০০/- and ১,৮০,০৯০/-.
    expect(texts(["1/56,600/-", "1:80,090/-", "1;234,567.00"])).toEqual([
      "1,56,600/-",
      "1,80,090/-",
      "1,234,567.00",
    ]);
    // Dates, times, house numbers and a figure grouped wrong are left alone.
    expect(texts(["12/05/2025", "12:30", "5/125", "1/5,600"])).toEqual([
      "12/05/2025",
      "12:30",
      "5/125",
      "1/5,600",
    ]);
  });

  it("reads letters inside dates, phone numbers and BINs as digits", () => {
    expect(texts(["l2/O3/2026", "O1711-223344", "OOO123456-O1O1", "18-O3-26"])).toEqual([
      "12/03/2026",
      "01711-223344",
      "000123456-0101",
      "18-03-26",
    ]);
  });

  it("leaves codes and words alone", () => {
    const words = [
      "B011",
      "S005",
      "06S",
      "SOLD",
      "No.",
      "INV-2O41",
      "5l",
      "SOS/OS/SS",
      "Bl/IO/SOLD",
    ];
    expect(texts(words)).toEqual(words);
  });

  it("reads digits inside a label word as letters", () => {
    expect(texts(["T0TAL", "Tota1", "VA1"])).toEqual(["TOTAL", "Total", "VA1"]);
    // A receipt's tax registration label, which must not pass for the shop's name.
    expect(texts(["G5T", "NO:"])).toEqual(["GST", "NO:"]);
  });

  it("joins words and amounts the OCR broke in two, saying which words it joined", () => {
    expect(repairWords(["Sub", "To", "tal", "1,6O4", ".25"])).toEqual([
      { text: "Sub", from: 0, to: 1, repaired: false },
      { text: "Total", from: 1, to: 3, repaired: true },
      { text: "1,604.25", from: 3, to: 5, repaired: true },
    ]);
    expect(texts(["11,90,", "000.50"])).toEqual(["11,90,000.50"]);
    expect(texts(["VA", "T", "15%"])).toEqual(["VAT", "15%"]);
  });

  it("does not join two amounts or two words that stand on their own", () => {
    expect(texts(["12", "86,231.92"])).toEqual(["12", "86,231.92"]);
    expect(texts(["Sub", "Total"])).toEqual(["Sub", "Total"]);
  });

  it("reads a space between a currency amount and its last two digits as a lost decimal point", () => {
    expect(texts(["Total", "Sales", "RM", "64", "13"])).toEqual(["Total", "Sales", "RM", "64.13"]);
    expect(texts(["Rounding", "RM", "0", "02"])).toEqual(["Rounding", "RM", "0.02"]);
    expect(texts(["Total:", "Tk", "1,250", "50"])).toEqual(["Total:", "Tk", "1,250.50"]);
    expect(texts(["TOTAL", "RM64", "15"])).toEqual(["TOTAL", "RM64.15"]);
    // Without a currency mark, or with more after it, two numbers stay two numbers.
    expect(texts(["Qty", "5", "13"])).toEqual(["Qty", "5", "13"]);
    expect(texts(["RM", "64", "13", "SR"])).toEqual(["RM", "64", "13", "SR"]);
    expect(texts(["RM", "64", "135"])).toEqual(["RM", "64", "135"]);
  });
});

describe("repairTakaSign", () => {
  it("reads a leading ৮ that leaves a figure grouped the lakh way as the taka sign", () => {
    expect(repairTakaSign("৮১০,২১৪.৭৫")).toBe("৳১০,২১৪.৭৫");
    expect(repairTakaSign("৮১২,৩৪,৫৬৭/-")).toBe("৳১২,৩৪,৫৬৭/-");
  });

  it("reads a ৮ before Latin digits as the taka sign: no figure mixes scripts", () => {
    expect(repairTakaSign("৮29250.25")).toBe("৳29250.25");
    expect(repairTakaSign("৮1,190/-")).toBe("৳1,190/-");
    expect(repairTakaSign("৮")).toBe("৮");
  });

  it("leaves a figure that is right with its ৮, and anything not a grouped figure", () => {
    expect(repairTakaSign("৮১,৫০০")).toBe("৮১,৫০০");
    expect(repairTakaSign("৮,৮০,০০০.০০")).toBe("৮,৮০,০০০.০০");
    expect(repairTakaSign("৮৮০.০০")).toBe("৮৮০.০০");
    expect(repairTakaSign("৮৪৬৯৬৬০০০")).toBe("৮৪৬৯৬৬০০০");
    expect(repairTakaSign("810,214.75")).toBe("810,214.75");
  });
});

describe("mayBeTakaSign", () => {
  it("flags figures whose leading digit the sign may have been", () => {
    expect(mayBeTakaSign("৮৫৫০৫/-")).toBe(true);
    expect(mayBeTakaSign("৮৬,৩০২.৫০")).toBe(true);
    expect(mayBeTakaSign("৭৬৬,২১০.০০")).toBe(true);
    expect(mayBeTakaSign("123,396.75")).toBe(true);
    expect(mayBeTakaSign("7২৭,৫০০/-")).toBe(true);
  });

  it("leaves figures settled either way, and those whose first digit the sign is not like", () => {
    expect(mayBeTakaSign("৮১০,২১৪.৭৫")).toBe(false);
    expect(mayBeTakaSign("৮29250.25")).toBe(false);
    expect(mayBeTakaSign("৫৮৫০৫/-")).toBe(false);
    expect(mayBeTakaSign("8650")).toBe(false);
    expect(mayBeTakaSign("1,500.00")).toBe(false);
    expect(mayBeTakaSign("৬৬,২১০.০০")).toBe(false);
  });
});
