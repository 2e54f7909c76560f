import { describe, expect, it } from "vitest";
import { extractFields } from "./extract-fields";
import { pageOf } from "./test-pages";

/** A Bengali cash memo as whole-row lines, Bengali digits and lakh grouping throughout. */
const bengaliMemo = pageOf([
  "মেসার্স রহিম ট্রেডার্স",
  "১২/৩, কাওরান বাজার, ঢাকা-১২১৫",
  "মোবাইল: ০১৭১১-২২৩৩৪৪",
  "ক্যাশ মেমো",
  "চালান নং: ০৪৫৭ তারিখ: ১৮/০৩/২০২৬",
  "ক্রমিক বিবরণ পরিমাণ দর টাকা",
  "১ রড ১০ মিমি ১২ টন ৮৬,২৩১.৯২ ১০,৩৪,৭৮৩.০৫",
  "উপমোট ১০,৩৪,৭৮৩.০৫",
  "ভ্যাট (১৫%) ১,৫৫,২১৭.৪৫",
  "সর্বমোট ৳ ১১,৯০,০০০.৫০",
  "নগদ জমা ১২,০০,০০০.০০",
]);

/** An English invoice laid out in columns: labels on the left, amounts in their own cells. */
const columnInvoice = pageOf([
  "ACME TRADING LTD.",
  "House 12, Road 5, Dhanmondi, Dhaka-1205",
  "Tel: +880 2 5555 1234",
  "TAX INVOICE",
  [
    [20, "Invoice No:"],
    [180, "INV-2026-0042"],
    [600, "Date:"],
    [680, "18 March, 2026"],
  ],
  [
    [20, "Description"],
    [400, "Qty"],
    [520, "Rate"],
    [760, "Amount"],
  ],
  [
    [20, "Cement 50kg"],
    [400, "100"],
    [520, "520.00"],
    [760, "52,000.00"],
  ],
  [
    [20, "Rod 10mm"],
    [400, "2"],
    [520, "64,000.00"],
    [760, "1,28,000.00"],
  ],
  [
    [20, "Total Qty"],
    [400, "102"],
  ],
  [
    [20, "Sub Total"],
    [760, "1,80,000.00"],
  ],
  [
    [20, "VAT 15%"],
    [760, "27,000.00"],
  ],
  [
    [20, "Grand Total"],
    [700, "Tk"],
    [760, "2,07,000.00"],
  ],
  [
    [20, "Paid"],
    [760, "2,10,000.00"],
  ],
  [
    [20, "Change"],
    [760, "3,000.00"],
  ],
]);

describe("extractFields", () => {
  it("reads a Bengali cash memo with Bengali digits and lakh grouping", () => {
    const f = extractFields(bengaliMemo);
    expect(f.total?.value).toBe(119000050);
    expect(f.subtotal?.value).toBe(103478305);
    expect(f.vat?.value).toBe(15521745);
    expect(f.issueDate?.value).toBe("2026-03-18");
    expect(f.invoiceNumber?.value).toBe("0457");
    expect(f.supplierName?.value).toBe("মেসার্স রহিম ট্রেডার্স");
    expect(f.currency).toMatchObject({ value: "BDT" });
    // Subtotal + VAT = total, to the poisha: all three are trusted more than labels alone give.
    expect(f.total?.confidence).toBeGreaterThan(0.9);
    expect(f.vat?.confidence).toBeGreaterThan(0.9);
  });

  it("reads an English invoice whose amounts sit in their own column cells", () => {
    const f = extractFields(columnInvoice);
    expect(f.total?.value).toBe(20700000);
    expect(f.subtotal?.value).toBe(18000000);
    expect(f.vat?.value).toBe(2700000);
    expect(f.issueDate?.value).toBe("2026-03-18");
    expect(f.invoiceNumber?.value).toBe("INV-2026-0042");
    expect(f.supplierName?.value).toBe("ACME TRADING LTD.");
    expect(f.currency?.value).toBe("BDT");
  });

  it("gives the box the total was read from", () => {
    const f = extractFields(columnInvoice);
    const cell = columnInvoice.lines.find((l) => l.text === "2,07,000.00");
    expect(f.total?.box).toEqual(cell?.box);
    const memoTotal = extractFields(bengaliMemo).total?.box;
    const line = bengaliMemo.lines.find((l) => l.text.startsWith("সর্বমোট"));
    // Only the amount's words, not the label: the review screen highlights exactly the value.
    expect(memoTotal?.x0).toBeGreaterThan(line?.box.x0 ?? 0);
    expect(memoTotal?.x1).toBe(line?.box.x1);
  });

  it("prefers a grand total to a plain total, even a larger one", () => {
    const f = extractFields(
      pageOf([
        "Karim Store",
        [
          [20, "Total"],
          [600, "1,200.00"],
        ],
        [
          [20, "Discount"],
          [600, "100.00"],
        ],
        [
          [20, "Grand Total"],
          [600, "1,100.00"],
        ],
      ]),
    );
    expect(f.total?.value).toBe(110000);
  });

  it("ignores totals of quantities, discounts and savings", () => {
    const f = extractFields(
      pageOf([
        "Total Qty 2,500",
        "Total Discount 9,000.00",
        "Total Savings 9,500.00",
        "Total 1,190.00",
      ]),
    );
    expect(f.total?.value).toBe(119000);
  });

  it("takes the largest of equally labelled totals, with less confidence when they disagree", () => {
    const clean = extractFields(pageOf(["Total 500.00"]));
    const messy = extractFields(pageOf(["Total 0.00", "Total 500.00"]));
    expect(messy.total?.value).toBe(50000);
    expect(messy.total?.confidence).toBeLessThan(clean.total?.confidence ?? 0);
  });

  it("reads a value written under its label", () => {
    const f = extractFields(pageOf(["Rahim Enterprise", [[20, "নিট প্রদেয়"]], [[40, "১,১৯০/-"]]]));
    expect(f.total?.value).toBe(119000);
    expect(f.total?.confidence).toBeLessThan(0.9);
  });

  it("does not read a table cell under a column heading as the total", () => {
    const f = extractFields(
      pageOf([
        [
          [20, "Item"],
          [300, "Qty"],
          [600, "Total"],
        ],
        [
          [20, "Soap"],
          [300, "2"],
          [600, "80.00"],
        ],
        [
          [20, "Net Total"],
          [600, "120.00"],
        ],
      ]),
    );
    expect(f.total?.value).toBe(12000);
  });

  it("takes the amount after rounding when it is written further down", () => {
    const f = extractFields(
      pageOf(["Total 1,189.75", "Rounding 0.25", "Cash 1,190.00", "Change 0.00"]),
    );
    expect(f.total?.value).toBe(119000);
  });

  it("guesses an unlabelled total with low confidence", () => {
    const f = extractFields(
      pageOf(["Shapla Store", "Soap 40.00", "Rice 80.00", "- 120.00", "Cash 200.00", "= 120.00"]),
    );
    expect(f.total?.value).toBe(12000);
    expect(f.total?.confidence).toBeLessThan(0.4);
  });

  it("finds a date without a label, trusting it less", () => {
    const labelled = extractFields(pageOf(["Date: 05/01/2026"]));
    const bare = extractFields(pageOf(["Shapla Store", "05-01-26 14:22", "Total 50.00"]));
    expect(bare.issueDate?.value).toBe("2026-01-05");
    expect(bare.issueDate?.confidence).toBeLessThan(labelled.issueDate?.confidence ?? 0);
  });

  it("takes the issue date, not the due date", () => {
    const f = extractFields(pageOf(["Due Date: 30/04/2026", "Invoice Date: 31/03/2026"]));
    expect(f.issueDate?.value).toBe("2026-03-31");
  });

  it("says MYR when ringgit appear, BDT otherwise with less certainty when no sign is seen", () => {
    expect(extractFields(pageOf(["TOTAL (RM): 9.00"])).currency?.value).toBe("MYR");
    const plain = extractFields(pageOf(["Total 9.00"])).currency;
    const taka = extractFields(pageOf(["Total Tk 9.00"])).currency;
    expect(plain?.value).toBe("BDT");
    expect(taka?.value).toBe("BDT");
    expect(plain?.confidence).toBeLessThan(taka?.confidence ?? 0);
    // Initials in a name are not ringgit.
    expect(extractFields(pageOf(["RM Traders", "Total 500.00"])).currency?.value).toBe("BDT");
  });

  it("scales confidence by the OCR's own confidence", () => {
    const sharp = extractFields(pageOf(["Total 500.00"], 0.99));
    const blurred = extractFields(pageOf(["Total 500.00"], 0.3));
    expect(blurred.total?.value).toBe(50000);
    expect(blurred.total?.confidence).toBeLessThan((sharp.total?.confidence ?? 0) * 0.8);
  });

  it("keeps every confidence within [0, 1]", () => {
    for (const f of [extractFields(bengaliMemo), extractFields(columnInvoice)]) {
      for (const field of Object.values(f)) {
        expect(field.confidence).toBeGreaterThanOrEqual(0);
        expect(field.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it("reads nothing from an empty page", () => {
    expect(extractFields({ width: 100, height: 100, lines: [] })).toEqual({});
  });
});
