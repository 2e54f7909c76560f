import { describe, expect, it } from "vitest";
import {
  classifyAmountLabel,
  dateLabelEnd,
  dueDateLabelEnd,
  invoiceNumberLabelEnd,
  isColumnHeaderRow,
  isCurrencyOnly,
} from "./label-words";

describe("classifyAmountLabel", () => {
  it.each([
    ["Grand Total", 3],
    ["NET TOTAL :", 3],
    ["Nett Total:", 3],
    ["TOTAL AMOUNT PAYABLE", 3],
    ["Amount Due", 3],
    ["Net Payable", 3],
    ["সর্বমোট", 3],
    ["সর্বমোট টাকা", 3],
    ["সবমোট", 3], // its reph lost
    ["নিট প্রদেয়", 3],
    ["Rounded Total", 4],
    ["TOTAL AMT ROUNDED", 4],
    ["TOTAL AFTER ROUNDING", 4],
    ["otal After Rounding", 4],
    ["Total", 2],
    ["Totat", 2],
    ["TOTA1", 2],
    ["TOTAL (RM):", 2],
    ["Total Amount", 2],
    ["TOTAL SALES (INCLUSIVE OF GST) :", 2],
    ["otal Sales Incl. GST", 2],
    ["Total incl. VAT", 2],
    ["ভ্যাট সহ মোট", 2],
    ["মোট", 2],
    ["মোট টাকা", 2],
    ["Due", 1],
  ])("reads %j as a total of rank %d", (label, rank) => {
    expect(classifyAmountLabel(label)).toEqual({ role: "total", rank });
  });

  it.each(["Total Qty", "TOTAL ITEM(S) :", "TOTAL SAVINGS", "Total Points"])(
    "does not take %j for a money total",
    (label) => {
      expect(classifyAmountLabel(label)).toEqual({ role: "other" });
    },
  );

  it.each(["Discount", "Less: Discount", "Total Discount", "মোট ছাড়", "বাদ: ছাড়", "Less"])(
    "reads %j as a discount",
    (label) => {
      expect(classifyAmountLabel(label)).toEqual({ role: "discount", rank: 2 });
    },
  );

  it("reads a total after discount as a total, and Bengali VAT in its inflected forms", () => {
    expect(classifyAmountLabel("Total after Discount")).toEqual({ role: "total", rank: 2 });
    expect(classifyAmountLabel("মূসকের পরিমাণ")).toEqual({ role: "vat", rank: 1 });
    expect(classifyAmountLabel("মূল্য সংযোজন কর")).toEqual({ role: "vat", rank: 1 });
  });

  it("reads VAT with its rate run into it, as OCR reads it handwritten", () => {
    expect(classifyAmountLabel("VAT5%")).toEqual({ role: "vat", rank: 1 });
    expect(classifyAmountLabel("ভ্যাট15%")).toEqual({ role: "vat", rank: 1 });
    // Handwritten, as Tesseract read it: the ya-phala lost, or ভ read as ত.
    expect(classifyAmountLabel("ভাট এ")).toEqual({ role: "vat", rank: 1 });
    expect(classifyAmountLabel("ত্যাট 9.2%")).toEqual({ role: "vat", rank: 1 });
    expect(classifyAmountLabel("VATS")).toBeNull();
  });

  it.each([
    ["Cash", "tender"],
    ["Tendered", "tender"],
    ["Paid", "tender"],
    ["bKash", "tender"],
    ["CREDIT RM", "tender"],
    ["নগদ", "tender"],
    ["CHANGE DUE", "change"],
    ["ফেরত", "change"],
    // Handwritten, as Tesseract read it.
    ["ফ্রেরত", "change"],
    ["ফেব্রত", "change"],
    ["নগদ জমা", "other"],
    ["Advance", "other"],
  ])("reads %j as a payment (%s)", (label, kind) => {
    expect(classifyAmountLabel(label)).toEqual({ role: "payment", kind });
  });

  it("tells subtotals, tax and rounding apart from totals", () => {
    expect(classifyAmountLabel("Sub Total")).toEqual({ role: "subtotal", rank: 2 });
    expect(classifyAmountLabel("SUB-TOTAL")).toEqual({ role: "subtotal", rank: 2 });
    expect(classifyAmountLabel("Sub Tota")).toEqual({ role: "subtotal", rank: 2 });
    expect(classifyAmountLabel("উপমোট")).toEqual({ role: "subtotal", rank: 2 });
    expect(classifyAmountLabel("TOTAL EXCL. GST")).toEqual({ role: "subtotal", rank: 1 });
    expect(classifyAmountLabel("মোট (ভ্যাট ছাড়া)")).toEqual({ role: "subtotal", rank: 1 });
    expect(classifyAmountLabel("VAT 15%")).toEqual({ role: "vat", rank: 1 });
    expect(classifyAmountLabel("ভ্যাট")).toEqual({ role: "vat", rank: 1 });
    expect(classifyAmountLabel("মূসক (১৫%)")).toEqual({ role: "vat", rank: 1 });
    expect(classifyAmountLabel("TOTAL GST :")).toEqual({ role: "vat", rank: 2 });
    expect(classifyAmountLabel("GST @6% INCLUDED IN TOTAL")).toEqual({ role: "vat", rank: 2 });
    expect(classifyAmountLabel("VAT Reg No")).toEqual({ role: "other" });
    expect(classifyAmountLabel("ROUNDING ADJ")).toEqual({ role: "rounding" });
  });

  it("ignores text that labels nothing, and sentences", () => {
    expect(classifyAmountLabel("Rice 5kg")).toBeNull();
    expect(classifyAmountLabel("")).toBeNull();
    expect(
      classifyAmountLabel("the total shown above includes all taxes and the service fee"),
    ).toBeNull();
  });

  it("matches whole words only", () => {
    expect(classifyAmountLabel("Totally Fresh")).toBeNull();
    expect(classifyAmountLabel("Subtotal")).toEqual({ role: "subtotal", rank: 2 });
  });
});

describe("isCurrencyOnly", () => {
  it("accepts bare currency signs and punctuation", () => {
    for (const s of ["", ":", "RM", "Tk.", "৳", "টাকা", "(RM) :", "BDT", "|", "| Tk"])
      expect(isCurrencyOnly(s)).toBe(true);
    for (const s of ["Total", "RM Total", "Cash"]) expect(isCurrencyOnly(s)).toBe(false);
  });
});

describe("dateLabelEnd", () => {
  it("finds issue-date labels in English and Bengali", () => {
    expect(dateLabelEnd("DATE: 25/12/2018")).toBe(4);
    expect(dateLabelEnd("Invoice Date 18/03/2026")).toBe(12);
    expect(dateLabelEnd("তারিখ: ১৮/০৩/২০২৬")).toBe(5);
    // With no space read before the date; a word that only begins so is no label.
    expect(dateLabelEnd("Ne. 53125 Dt21Apr2026")).toBe(12);
    expect(dateLabelEnd("তারিখ১৮/০৩/২০২৬")).toBe(5);
    expect(dateLabelEnd("Dtm 5")).toBe(-1);
  });

  it("skips due, expiry and print dates", () => {
    expect(dateLabelEnd("Due Date: 30/04/2026")).toBe(-1);
    expect(dateLabelEnd("PRINT DATE: 13/03/2017")).toBe(-1);
    expect(dateLabelEnd("Expiry date 01/2027")).toBe(-1);
    expect(dateLabelEnd("Update your address")).toBe(-1);
    expect(dateLabelEnd("Due Date: 30/04/2026 Invoice Date: 31/03/2026")).toBe(33);
  });
});

describe("dueDateLabelEnd", () => {
  it.each([
    ["Due Date: 30/04/2026", 8],
    ["Payment due 30/04/2026", 11],
    ["পরিশোধের শেষ তারিখ: ৩০/০৪/২০২৬", 18],
    ["শেষ তারিখঃ ৩০/০৪/২০২৬", 9],
  ])("finds the label in %j", (text, end) => {
    expect(dueDateLabelEnd(text)).toBe(end);
    expect(dateLabelEnd(text)).toBe(-1);
  });

  it("is not the issue date's label", () => {
    expect(dueDateLabelEnd("Date: 18/03/2026")).toBe(-1);
    expect(dueDateLabelEnd("ইস্যুর তারিখ: ১৮/০৩/২০২৬")).toBe(-1);
    expect(dateLabelEnd("ইস্যুর তারিখঃ ১৮/০৩/২০২৬")).toBe(12);
  });
});

describe("invoiceNumberLabelEnd", () => {
  it.each([
    ["Invoice No: INV-1", 10],
    ["INV NO :KSB80051978", 6],
    ["Inv # 12", 5],
    ["Bill No. 44", 8],
    ["Receipt #: CSP0420207", 9],
    ["DOCUMENT NO : TD01167104", 11],
    ["চালান নং: ০৪৫৭", 8],
    ["বিল নং ১২", 6],
    ["ক্রমিক নং ৩৩", 9],
    ["চালানপত্র নম্বর: ৫৫", 15],
    ["রসিদ নংঃ ১২৩", 7],
    // "No" written by hand, as Tesseract read it.
    ["Receipt Ne: R-692870", 10],
    ["Bill N0: 44", 7],
    ["Receipt Now RCT26025929", 11],
    ["Receipt No75130", 10],
    ["lnvoice No:854352", 10],
    ["Receipt, No: R-828556", 11],
    ["Receipt: No: RCT25065978", 11],
    // Printed, its N read as 14.
    ["Bill 140: SBS/26/8238", 8],
    // A bilingual form's label with its translation: the number follows both.
    ["চালানপত্র নম্বর / Invoice No: ৫৯৮৪৫৪", 28],
  ])("finds the label in %j", (text, end) => {
    expect(invoiceNumberLabelEnd(text)).toBe(end);
  });

  it("does not take other numbers for invoice numbers", () => {
    expect(invoiceNumberLabelEnd("Tel No: 01711")).toBe(-1);
    expect(invoiceNumberLabelEnd("Bill 140 taka")).toBe(-1);
    expect(invoiceNumberLabelEnd("GST REG NO: 0013")).toBe(-1);
    expect(invoiceNumberLabelEnd("Billing Nexus Ltd")).toBe(-1);
  });
});

describe("isColumnHeaderRow", () => {
  it("recognises a row of column headings", () => {
    expect(isColumnHeaderRow(["Qty", "Description", "Price", "Total"])).toBe(true);
    expect(isColumnHeaderRow(["বিবরণ", "পরিমাণ", "দর", "টাকা"])).toBe(true);
    expect(isColumnHeaderRow(["Total", "1,190.00"])).toBe(false);
  });
});
