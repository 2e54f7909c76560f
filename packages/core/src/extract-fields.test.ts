import { describe, expect, it } from "vitest";
import { extractFields } from "./extract-fields";
import type { ExtractedFields } from "./invoice";
import {
  cashMemo,
  conflictingTotals,
  englishBill,
  mixedBill,
  mushakPage,
  noisyBill,
} from "./test-invoices";
import { type Cell, pageOf } from "./test-pages";

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

/** A receipt's head: shop, address, phone, title, number and date, and no word of tax. */
const receiptHead = [
  "Islam Electronics",
  "98, Kandirpar, Cumilla-3500",
  "Mobile: 01749304926",
  "CASH RECEIPT",
  "Receipt No: 32309",
  "Date: 26-04-2026",
];

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

  it("reads the taka sign Tesseract took for ৮ before a Bengali total as the sign", () => {
    // Bengali Mushak-style memo with the total as Tesseract's Bengali model printed it.
    const f = extractFields(
      pageOf(["মেসার্স রহিম ট্রেডার্স", "উপমোট ৯,২৬৫.০০", "ভ্যাট ১৫% ১,৩৮৯.৭৫", "সর্বমোট ৮১০,৬৫৪.৭৫"]),
    );
    expect(f.total?.value).toBe(1065475);
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
    const messy = extractFields(pageOf(["Total 50.00", "Total 500.00"]));
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

  it("takes the total that cash less change confirms over a misread 'Nett Total'", () => {
    const f = extractFields(
      pageOf([
        "Total Amount: 8.20",
        "GST @6%: 0.46",
        "Nett Total: 6.20",
        "Payment Mode Amount",
        "CASH 8.20",
        "Change 0.00",
      ]),
    );
    expect(f.total?.value).toBe(820);
    const misread = extractFields(
      pageOf(["Total Sales (Excluding GST) 57.50", "Total GST 3.45", "Total Sales 60.85"]),
    );
    const paid = extractFields(
      pageOf([
        "Total Sales (Excluding GST) 57.50",
        "Total GST 3.45",
        "Total Sales 60.85",
        "CASH 60.95",
        "Change 0.00",
      ]),
    );
    expect(misread.total?.value).toBe(6085);
    expect(paid.total?.value).toBe(6095);
  });

  it("reads a grouped total with a 1 beside a comma without it where the arithmetic says so", () => {
    // A Mushak-6.3 totals row as Tesseract read it: 2,93,370.00 as `2,193,370.00`, VAT unreadable.
    const row = ["VAT 5%", "Total 2,79,400.00 50,590.00 2,193,370.00"];
    const f = extractFields(pageOf(row));
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([
      29_337_000, 27_940_000, 1_397_000,
    ]);
    // Nothing to confirm it: the figure is taken as read.
    expect(extractFields(pageOf(["Total 2,193,370.00"])).total?.value).toBe(219_337_000);
    // In millions grouped the Western way, any digit beside a comma (a printed bill, generated).
    const bill = ["বিল", "মোট ১,০৩,১৬০.০০", "ভ্যাট ৫% ৫,১৫৮.০০", "সর্বমোট TK ১,২০৮,৩১৮.০০"];
    expect(extractFields(pageOf(bill)).total?.value).toBe(10_831_800);
  });

  it("reads a thousands comma read as a 1 after three digits where the arithmetic says so", () => {
    // A handwritten bill (generated): `সর্বমোট ১২৮,৭০০.০০` read with its comma as a 1.
    const f = extractFields(pageOf(["মোট 128,700.00", "সর্বমোট 1281700.00"]));
    expect(f.total?.value).toBe(12_870_000);
  });

  it("reads a change above the cash tendered as having lost its decimal point", () => {
    // A generated receipt photo: `TOTAL 978.25` read `97625`, `Change 21.75` read `2175`.
    const receipt = ["Sub Total 910.00", "VAT 7.5% 68.25", "TOTAL 97625", "Cash 1000.00"];
    expect(extractFields(pageOf([...receipt, "Change 2175"])).total?.value).toBe(97825);
    // A change below the cash is taken as read.
    const asRead = [...receipt.slice(0, 3), "Cash 3000.00", "Change 2021.75"];
    expect(extractFields(pageOf(asRead)).total?.value).toBe(97825);
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

/** The values of the fields, without confidences and boxes. */
function valuesOf(f: ExtractedFields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
}

describe("extractFields on whole invoices", () => {
  it("reads a Bengali Mushak-6.3 with Bengali digits, lakh grouping and 15% VAT", () => {
    const f = extractFields(mushakPage);
    expect(valuesOf(f)).toEqual({
      documentType: "mushak_6_3",
      currency: "BDT",
      supplierName: "মেঘনা সিমেন্ট মিলস লিমিটেড",
      supplierBin: "0004567890101",
      supplierAddress: "12/3, কাওরান বাজার, ঢাকা-1215",
      supplierPhone: "01711223344",
      buyerName: "রহমান কনস্ট্রাকশন",
      buyerBin: "0012345670203",
      invoiceNumber: "000457",
      issueDate: "2026-03-18",
      lineItems: [
        {
          description: "পোর্টল্যান্ড সিমেন্ট",
          quantity: 200,
          unitPrice: 55_000,
          amount: 11_000_000,
          vatRate: 0.15,
        },
        {
          description: "এমএস রড 10 মিমি",
          quantity: 2,
          unitPrice: 8_500_000,
          amount: 17_000_000,
          vatRate: 0.15,
        },
      ],
      subtotal: 28_000_000,
      vat: 4_200_000,
      vatRate: 0.15,
      total: 32_200_000,
      amountInWords: 32_200_000,
    });
    // Items, subtotal, VAT at the printed rate, total and words all agree.
    for (const name of ["total", "subtotal", "vat"] as const) {
      expect(f[name]?.confidence).toBeGreaterThan(0.95);
    }
  });

  it("reads an English bill with Sub Total, VAT 7.5%, Grand Total, buyer and due date", () => {
    const f = extractFields(englishBill);
    expect(valuesOf(f)).toMatchObject({
      documentType: "bill",
      supplierName: "PADMA TRADERS LTD.",
      supplierAddress: "House 12, Road 5, Dhanmondi, Dhaka-1205",
      supplierPhone: "01711223344",
      supplierBin: "0001234560101",
      buyerName: "Karim Hardware",
      invoiceNumber: "PT-2026-0042",
      issueDate: "2026-03-18",
      dueDate: "2026-04-17",
      subtotal: 26_200_000,
      vat: 1_965_000,
      vatRate: 0.075,
      total: 28_165_000,
      amountInWords: 28_165_000,
    });
    expect(f.lineItems?.value.map((i) => [i.description, i.quantity, i.unitPrice])).toEqual([
      ["Cement 50kg bag", 100, 52_000],
      ["MS Rod 10mm", 2.5, 8_400_000],
    ]);
  });

  it("reads a Bengali cash memo with a discount, no VAT and the total in words", () => {
    const f = extractFields(cashMemo);
    expect(valuesOf(f)).toMatchObject({
      documentType: "cash_memo",
      supplierName: "মেসার্স রহিম ট্রেডার্স",
      supplierAddress: "12/3, কাওরান বাজার, ঢাকা-1215",
      supplierPhone: "01811556677",
      buyerName: "করিম উদ্দিন",
      invoiceNumber: "0457",
      issueDate: "2026-03-18",
      subtotal: 552_500,
      discount: 2_500,
      vat: 0,
      vatRate: 0,
      total: 550_000,
      amountInWords: 550_000,
    });
    expect(f.lineItems?.value).toHaveLength(3);
    expect(f.total?.confidence).toBeGreaterThan(0.95);
    // A bare "নং" is a weaker label than "Invoice No".
    expect(f.invoiceNumber?.confidence).toBeLessThan(0.7);
  });

  it("joins taka and paisa written in columns of their own", () => {
    const f = extractFields(
      pageOf([
        "ক্যাশ মেমো",
        [
          [20, "ক্রমিক"],
          [90, "মালের বিবরণ"],
          [400, "পরিমাণ"],
          [520, "দর"],
          [640, "টাকা"],
          [780, "পয়সা"],
        ],
        [
          [20, "১"],
          [90, "চিনি"],
          [400, "২.৫ কেজি"],
          [520, "১৪৫.০০"],
          [640, "৩৬২"],
          [790, "৫০"],
        ],
        [
          [20, "২"],
          [90, "লবণ"],
          [400, "২ কেজি"],
          [520, "৪০.০০"],
          [640, "৮০"],
          [790, "০০"],
        ],
        [
          [520, "মোট"],
          [640, "৪৪২"],
          [790, "৫০"],
        ],
        [
          [520, "সর্বমোট"],
          [640, "৪৪২"],
          [790, "৫০"],
        ],
      ]),
    );
    expect(f.lineItems?.value.map((i) => [i.quantity, i.amount])).toEqual([
      [2.5, 36_250],
      [2, 8_000],
    ]);
    expect(f.subtotal?.value).toBe(44_250);
    expect(f.total?.value).toBe(44_250);
  });

  it("reads a bill mixing English and Bengali labels and digits", () => {
    expect(valuesOf(extractFields(mixedBill))).toMatchObject({
      supplierName: "Sonali Enterprise",
      supplierPhone: "01911223344",
      buyerName: "আলম স্টোর",
      invoiceNumber: "SE/2026/11",
      issueDate: "2026-01-05",
      subtotal: 140_000,
      vat: 7_000,
      vatRate: 0.05,
      total: 147_000,
    });
  });

  it("reads a noisy page, with less confidence than a clean one", () => {
    const f = extractFields(noisyBill);
    expect(valuesOf(f)).toMatchObject({
      issueDate: "2026-02-12",
      subtotal: 139_500,
      vat: 20_925,
      vatRate: 0.15,
      total: 160_425,
    });
    expect(f.lineItems?.value.map((i) => i.amount)).toEqual([90_000, 49_500]);
    const clean = extractFields(englishBill);
    for (const name of ["total", "subtotal", "vat", "issueDate", "lineItems"] as const) {
      expect(f[name]?.confidence).toBeLessThan(clean[name]?.confidence ?? 0);
    }
    // Nothing on the page says what kind of document it is.
    expect(f.documentType?.confidence).toBeLessThan(0.5);
  });

  it("resolves conflicting totals by arithmetic", () => {
    const f = extractFields(conflictingTotals);
    expect(f.total?.value).toBe(1_150_000);
    const unchecked = extractFields(pageOf(["Total 17,500.00", "Total 11,500.00"]));
    expect(f.total?.confidence).toBeGreaterThan(unchecked.total?.confidence ?? 1);
  });

  it("trusts a total the words confirm, and doubts one they contradict", () => {
    const total = (words: string) =>
      extractFields(pageOf(["Karim Store", "Total Tk 1,190.00", `In words: ${words}`])).total;
    const agree = total("Taka One Thousand One Hundred Ninety Only");
    const disagree = total("Taka One Thousand Nine Hundred Only");
    expect(agree?.value).toBe(119_000);
    expect(agree?.confidence).toBeGreaterThan(disagree?.confidence ?? 1);
    expect(disagree?.confidence).toBeLessThan(0.7);
  });

  it("reads words in the cell beside an in-words label", () => {
    const f = extractFields(
      pageOf([
        "Total 1,500.00",
        [
          [20, "In words:"],
          [160, "One Thousand Five Hundred"],
        ],
      ]),
    );
    expect(f.amountInWords?.value).toBe(150_000);
  });

  it("takes the total from the words when no figure is labelled", () => {
    const f = extractFields(pageOf(["Karim Store", "Rice 500.00", "কথায়ঃ পাঁচশত টাকা মাত্র"]));
    expect(f.total?.value).toBe(50_000);
    expect(f.amountInWords?.value).toBe(50_000);
  });

  it("keeps every confidence within [0, 1] and gives a box for what it read", () => {
    for (const page of [mushakPage, englishBill, cashMemo, mixedBill, noisyBill]) {
      for (const [name, field] of Object.entries(extractFields(page))) {
        expect(field.confidence).toBeGreaterThanOrEqual(0);
        expect(field.confidence).toBeLessThanOrEqual(1);
        // Derived and assumed values (VAT 0, BDT, a guessed kind) point at nothing on the page.
        const derived = ["currency", "vat", "vatRate"].includes(name) || field.confidence < 0.5;
        if (!derived) expect(field.box, name).toBeDefined();
      }
    }
  });
  it("reads a label–value pair that OCR ran together with the next label on one line", () => {
    // Two columns of a cash memo and a bill, as Tesseract read them into single lines.
    const memo = extractFields(
      pageOf([
        "Bismillah Textile",
        "Mobile: 01778-163902",
        "No. 30674 Date: 15-05-2026",
        "Name: Anwar Hossain",
      ]),
    );
    expect(memo.invoiceNumber?.value).toBe("30674");
    expect(memo.issueDate?.value).toBe("2026-05-15");
    expect(memo.buyerName?.value).toBe("Anwar Hossain");
    // The date's label misread, the date itself still says what follows the number.
    const misread = pageOf(["Bismillah Textile", "No. ৫৯৭৫৯ তারিধ, ১২/১১/২০২৪"]);
    expect(extractFields(misread).invoiceNumber?.value).toBe("59759");
    // ... or the date garbled too: the label's colon still says a field follows.
    const garbled = pageOf(["তাজ ইলেকট্রিক", "নং ৬৮৮৪০ তারং: ২১১০২৫১১১১৬"]);
    expect(extractFields(garbled).invoiceNumber?.value).toBe("68840");
    const unlabelled = pageOf(["Bismillah Textile", "No. ৫৯৭৫৯ বাকি টাকা দেওয়া হবে ১২/১১/২০২৪"]);
    expect(extractFields(unlabelled).invoiceNumber).toBeUndefined();
    // A faint photo's "No." read as "Ne."; a word that only begins so is no label.
    const ne = pageOf(["M/S Star Pharmacy", "Ne. 86839 Date: 5 june, 2026"]);
    expect(extractFields(ne).invoiceNumber?.value).toBe("86839");
    // নং read as লং; a date's label garbled to a word and a point.
    const la = pageOf(["Haji Printers", "লং 84953 তারিখ: 13/03/2026"]);
    expect(extractFields(la).invoiceNumber?.value).toBe("84953");
    const point = pageOf(["গ্রীন অ্যান্ড সন্স", "নং ৯১৯৬৫ তারি. ১৭২ ২০২২০১৯০০০৬"]);
    expect(extractFields(point).invoiceNumber?.value).toBe("91965");
    // Specks between the number and the date's label, read as short words.
    const specks = pageOf(["Sabuj Bangla", "No 96839 eras ae Date: 02/12/2025"]);
    expect(extractFields(specks).invoiceNumber?.value).toBe("96839");
    const words = pageOf(["Sabuj Bangla", "No 96839 paid in full by cash Date: 02/12/2025"]);
    expect(extractFields(words).invoiceNumber).toBeUndefined();
    const word = pageOf(["Sonali Foods Ltd.", "negram1100"]);
    expect(extractFields(word).invoiceNumber).toBeUndefined();

    const bill = extractFields(
      pageOf(["কর্ণফুলী নিট কম্পোজিট", "বিল প্রাপক: বিল নং; ৮১৯১৩", "শাপলা ডেভেলপার্স তারিখ: ২৬/০৪/২০২৫"]),
    );
    expect(bill.invoiceNumber?.value).toBe("81913");
    expect(bill.buyerName?.value).toBe("শাপলা ডেভেলপার্স");
    expect(bill.issueDate?.value).toBe("2025-04-26");

    const mushak = extractFields(pageOf(["ক্রেতার নাম: রূপসা কনস্ট্রাকশন চালানপত্র নম্বর: ১২৩৪৫"]));
    expect(mushak.buyerName?.value).toBe("রূপসা কনস্ট্রাকশন");
    expect(mushak.invoiceNumber?.value).toBe("12345");

    // A speck between the label and the number, read as marks.
    const specked = pageOf(["Buyer's Name: Sunrise Garments Ltd. Invoice No: ~~ ATS/2025/1450"]);
    expect(extractFields(specked).invoiceNumber?.value).toBe("ATS/2025/1450");
    // A pen's stroke before it, read as a one (handwritten, as Tesseract read it).
    const stroked = pageOf(["Bill No: 1 B-99446", "Date: 26/10/2025"]);
    expect(extractFields(stroked).invoiceNumber?.value).toBe("B-99446");
    expect(extractFields(pageOf(["Bill No: 12 Date: 26/10/2025"])).invoiceNumber).toBeUndefined();
    // A space read after the hyphen is not in the number; one between words ends it.
    const spaced = pageOf(["Receipt Ne: R- 944785", "Date: 17/03/2025"]);
    expect(extractFields(spaced).invoiceNumber?.value).toBe("R-944785");
    expect(extractFields(pageOf(["Bill No: B-4521 77"])).invoiceNumber?.value).toBe("B-4521");
  });
  it("reads a total row's column sums across a table rule read as '|'", () => {
    const row = extractFields(pageOf(["মূসক-৬.৩", "সর্বমোট 9,360.00 | 702.00 10,062.00"]));
    expect(row.total?.value).toBe(1006200);
    expect(row.subtotal?.value).toBe(936000);
    expect(row.vat?.value).toBe(70200);
  });

  it("keeps a total row's column sums together across a speck read as marks", () => {
    // `Total 4,800/- 360/- 5,160/-` handwritten, the VAT's `0/-` read as `of-`.
    const row = extractFields(pageOf(["Tax Invoice", "Total 4,800/- 36 of- 5,160/-"]));
    expect(row.total?.value).toBe(516000);
  });

  it("takes the largest of a total row's column sums when the arithmetic cannot decide", () => {
    // A Mushak-6.3 table's total row: net, VAT, value with VAT; OCR garbled the net.
    const page = pageOf([
      "Tax Invoice",
      "Description Quantity Unit Price Total Price VAT Rate VAT Amount Value incl. VAT",
      "Total 53%,050.00 7,957.50 61,007.50",
    ]);
    expect(extractFields(page).total?.value).toBe(6100750);
  });
  it("reads a total row's sums in the cells after the label's own line", () => {
    // Tesseract ended the label's line at the net column; VAT and total came as lines of their own.
    const page = pageOf([
      "কর চালানপত্র",
      [
        [40, "সর্বমোট 74,100.00"],
        [700, "11,115.00 85,215.00"],
      ],
      "কথায়, পঁচাশি হাজার দুইশত পনেরো টাকা মাত্র",
    ]);
    const f = extractFields(page);
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([8521500, 7410000, 1111500]);
  });
  it("reads a thousands comma read as ১ back where the VAT rate confirms it", () => {
    // A Mushak total row as Tesseract read it: `২,২৬৮/-` and `২,৪৯৪.৮০` with their commas as ১
    // (the second's point as a comma). 21268 + 226.80 adds up too, but at no legal rate.
    const f = extractFields(pageOf(["কর চালানপত্র", "মূসক-৬.৩", "সর্বমোট ২১২৬৮/- ২২৬.৮০ ২১৪৯৪,৮০"]));
    expect([f.total?.value, f.subtotal?.value, f.vat?.value, f.vatRate?.value]).toEqual([
      249480, 226800, 22680, 0.1,
    ]);
    // A figure with no such misreading keeps its digits.
    const plain = extractFields(
      pageOf(["কর চালানপত্র", "মূসক-৬.৩", "সর্বমোট ২১২৬৮/- ২,১২৬.৮০ ২৩৩৯৪.৮০"]),
    );
    expect([plain.total?.value, plain.subtotal?.value, plain.vat?.value]).toEqual([
      2339480, 2126800, 212680,
    ]);
  });
  it("makes the total of net and VAT at their rate when the total read is less than the net", () => {
    // Handwritten, as Tesseract read it: the grand total's first digits lost under a scrawl.
    const f = extractFields(
      pageOf(["Invoice", "Sub Total 41,300.00", "VAT 15% 6,195.00", "Grand Total 18485¢.00"]),
    );
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([4749500, 4130000, 619500]);
    expect(f.total?.confidence).toBeLessThan(0.7);
  });
  it("takes no total of less than one taka: what OCR left of a figure", () => {
    // Faint pages read line by line: the grand total's digits lost but for its paisa or a zero.
    for (const total of [".80", "০০"]) {
      const f = extractFields(pageOf(["বিক্রয় রসিদ", "চাল ৫ কেজি ৪০০/-", `সর্বমোট ${total}`]));
      expect(f.total?.value ?? 0).toBeGreaterThanOrEqual(100);
      expect(f.total?.confidence ?? 0).toBeLessThan(0.7);
    }
  });
  it("doubts amounts that may all have lost their decimal points alike", () => {
    // Handwritten, as Tesseract read it: ৪০৮৪০০.০০, ৬১২৬০.০০ and ৪৬৯৬৬০.০০ without their points
    // add up at 15% just as well as they were printed.
    const lost = extractFields(
      pageOf(["বিল", "মোট ৪০৮৪০০০০", "ভ্যাট ১৫% ৬১২৬০০০", "সর্বমোট ৪৬৯৬৬০০০"]),
    );
    for (const field of [lost.total, lost.subtotal, lost.vat]) {
      expect(field?.confidence).toBeLessThan(0.9);
    }
    // With the points read, the same arithmetic is trusted.
    const read = extractFields(
      pageOf(["বিল", "মোট ৪০৮৪০০.০০", "ভ্যাট ১৫% ৬১২৬০.০০", "সর্বমোট ৪৬৯৬৬০.০০"]),
    );
    expect(read.total?.value).toBe(46_966_000);
    expect(read.vat?.confidence).toBeGreaterThan(0.9);
  });
  it("takes net and VAT at their rate over a total garbled with a sign, however sure the OCR was", () => {
    // A printed bill in Bengali digits as Tesseract read it: `৪,৪৩৩.২৫` as Latin `18,800.3¢` (0.75).
    const bill = (total: string) =>
      pageOf(["বিল", "মোট ৩,৮৫৫.০০", "ভ্যাট ১৫% ৫৭৮.২৫", [[20, `সর্বমোট ${total}`, 0.75]]]);
    const f = extractFields(bill("18,800.3¢"));
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([443325, 385500, 57825]);
    // The same figure read without the sign is taken at its word.
    expect(extractFields(bill("18,800.30")).total?.value).toBe(1880030);
  });
  it("guesses a row's sum as the total when the totals row lost its label", () => {
    // A Mushak-6.3 photographed (generated): its one item's row, the gross misread, and the
    // totals row under it. The net is printed most often, the gross is what adds up.
    const head = ["Tax Invoice", "Name of Registered Person: Haji Textile", "Date: 01.04.2025"];
    const rows = ["1 Cotton Fabric 2,66,000.00 15% 39,900.00 3.05,900.00"];
    const f = extractFields(pageOf([...head, ...rows, "2,66,000.00 39,900.00 3,05,900.00"]));
    expect(f.total?.value).toBe(30_590_000);
    expect(f.total?.confidence).toBeLessThan(0.5);
  });

  it("takes the scale the words say when every figure lost its point", () => {
    // Handwritten (generated): ৭,৭৮০.০০ + ১,১৬৭.০০ = ৳৮,৯৪৭.০০, the sign read as ৮, points lost.
    const bill = ["বিল", "মোট ৭৭৮০০০", "ভ্যাট ১৫% ১১৬৭০০", "সর্বমোট ৮৮৯৪৭০০"];
    const words = "কথায়: আট হাজার নয়শত সাতচল্লিশ টাকা মাত্র";
    const f = extractFields(pageOf([...bill, words]));
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([894700, 778000, 116700]);
    // Without the words a hundredfold reading adds up as well, and is only doubted.
    const bare = extractFields(pageOf(bill));
    expect(bare.total?.value).toBe(89470000);
    expect(bare.total?.confidence).toBeLessThan(0.9);
  });

  it("makes the total of net and VAT at its rate when the total printed is barely read", () => {
    // A scanned bill (generated), as Tesseract read it: ১২,২০৬.৬৩ garbled at 0.40, and words
    // naming paisa, their paisa misread; the VAT's ৮ may be a taka sign (51.63) as well.
    const page = pageOf([
      "বিল",
      "ক্রমিক বিবরণ পরিমাণ একক দর টাকা",
      "১ লিগ্যাল কাগজ ১৪ রিম ৬৯০.০০ ৯,৬৬০.০০",
      "২ এ৪কাগজ ৮০ গ্রাম ৩ রিম ৫৬৫.০০ ১,৬৯৫.০০",
      "মোট ১১,৩৫৫.০০",
      "ভ্যাট ৭.৫% ৮৫১.৬৩",
      [[20, "সর্বমোট 293,309.99", 0.4]],
      "কথায়: বারো হাজার দুইশত ছয় টাকা তেষষ্টি পয়সা মাত্র",
    ]);
    const f = extractFields(page);
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([1220663, 1135500, 85163]);
    expect(f.total?.confidence).toBeLessThan(0.9);
  });

  it("reads a totals row whose VAT was garbled past reading between its net and gross", () => {
    // A photographed Mushak-6.3 (generated): ৯,১১৪.০০ read `b,s8.00`.
    const f = extractFields(pageOf(["Tax Invoice", "Total ৬০,৭৬০.০০ b,s8.00 ৬৯,৮৭৪.০০"]));
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([
      6_987_400, 6_076_000, 911_400,
    ]);
  });

  it("takes the net for a grand total that lost its leading digits, nothing between them", () => {
    // A handwritten bill (generated), as Tesseract read it.
    const items = [
      "SL Description Qty Rate Amount",
      "1 Sand 1350 pcs 11.50 15,525/-",
      "2 Paint 4L 3 1,800/- 5,400/-",
      "3 MS Rod 10mm 135 kg 90/- 12,150/-",
      "4 Stone Chips 450 195/- 87,750/-",
    ];
    const bill = (grand: string) =>
      extractFields(pageOf(["Surma & Sons", ...items, "Total 1,20,825/-", `Grand Total ${grand}`]));
    expect(bill("20,8251-").total?.value).toBe(12_082_500);
    // Digits that are not the net's last: no telling which was misread.
    expect(bill("20,8351-").total?.value).not.toBe(12_082_500);
  });

  it("adds no lost VAT to a total the words say", () => {
    // A faint Mushak-6.3 (generated) whose labels were lost: one item at 15%, VAT included in
    // 506.00 as the words say; a 15% on top of it would make 581.90.
    const head: Cell[] = [
      [20, "SL"],
      [80, "Description"],
      [300, "Qty"],
      [400, "Rate"],
      [520, "Amount"],
    ];
    const page = pageOf([
      "Tax Invoice",
      head,
      [
        [20, "1"],
        [80, "Rice"],
        [300, "2"],
        [400, "220.00"],
        [460, "15%"],
        [520, "506.00"],
      ],
      [
        [20, "t"],
        [520, "506.00"],
      ],
      "In words: Taka Five Hundred Six Only",
    ]);
    expect(extractFields(page).total?.value).toBe(50_600);
  });

  it("takes the scale that leaves paisa when words too garbled to read name them", () => {
    // A handwritten Mushak-6.3 (generated), every point lost: ৫২,৮৯০.০০ + ৩,৯৬৬.৭৫ = ৫৬,৮৫৬.৭৫
    // adds up a hundredfold as well, but "পয়সা" after the টাকা says the total is not whole taka.
    const bill = ["বিল", "মোট ৫২৮৯০০০", "ভ্যাট ৭.৫% ৩৯৬৬৭৫", "সর্বমোট ৫৬৮৫৬৭৫"];
    const words = "কথায়: A হালার আটশত চছাষ্লার টাকা পচাভুর পয়সা মাত্র";
    const f = extractFields(pageOf([...bill, words]));
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([5685675, 5289000, 396675]);
    expect(extractFields(pageOf(bill)).total?.value).toBe(568567500);
  });

  it("doubts a figure after an unsure word that may hold its first digits", () => {
    // A faint bill as Tesseract read it: `২,৮২,১৯৮.৫০` as `wn, ১৯৮.৫০`, `wn,` at 0.46.
    const read = (lead: string, confidence: number) => {
      const page = pageOf(["বিল", `সর্বমোট ${lead} ১৯৮.৫০ টাকা`]);
      const word = page.lines[1]?.words[1];
      if (word) word.confidence = confidence;
      return extractFields(page).total;
    };
    const unsure = read("wn,", 0.46);
    expect(unsure?.value).toBe(19850);
    expect(unsure?.confidence).toBeLessThan(0.7);
    // Read sure, the word is what it says; an unsure Bengali word is no digits misread.
    expect(read("wn,", 0.95)?.confidence).toBeGreaterThan(0.8);
    expect(read("বাবদ", 0.46)?.confidence).toBeGreaterThan(0.8);
  });
  it("adds the VAT to a plain মোট when the grand total is barely read and does not fit", () => {
    // Handwritten, as Tesseract read it, unsure: the grand total's point lost and a digit misread.
    const page = pageOf([
      "৩০,৫০০/-",
      "৮১,০০০/-",
      "মোট ১,২১,১৩০/-",
      "ভ্যাট ১৫% ১৮,১৬৯.৫০",
      [[20, "সর্বমোট Tk ১৩৯,২৯১৫০", 0.3]],
    ]);
    const f = extractFields(page);
    expect([f.total?.value, f.subtotal?.value, f.vat?.value]).toEqual([
      13929950, 12113000, 1816950,
    ]);
    expect(f.total?.confidence).toBeLessThan(f.subtotal?.confidence ?? 0);
  });
  it("gives a page without VAT or discount its total as the amount before them", () => {
    const memo = extractFields(pageOf(["ক্যাশ মেমো", "চাল ১০ কেজি ৭০০/-", "সর্বমোট ৭০০/-"]));
    expect(memo.vat?.value).toBe(0);
    expect(memo.subtotal?.value).toBe(70000);
    expect(memo.subtotal?.confidence).toBeLessThanOrEqual(memo.total?.confidence ?? 0);
    const discounted = extractFields(pageOf(["ক্যাশ মেমো", "মোট ৭০০/-", "ছাড় ৫০/-", "সর্বমোট ৬৫০/-"]));
    expect(discounted.subtotal?.value).toBe(70000);
    expect(discounted.total?.value).toBe(65000);
  });
  it("finds decimal points the OCR lost only where the arithmetic confirms them", () => {
    // A handwritten Mushak-6.3 total row (net, VAT, with VAT) as Tesseract read it.
    const row = extractFields(pageOf(["মূসক-৬.৩", "VAT 15%", "সর্বমোট ১৫৬৪৪০০ ২৩৪৬.৬০ ১৭৯৯০৬০"]));
    expect(row.total?.value).toBe(1799060);
    expect(row.subtotal?.value).toBe(1564400);
    expect(row.vat?.value).toBe(234660);
    const pointed = extractFields(
      pageOf(["মূসক-৬.৩", "VAT 15%", "সর্বমোট ১৫৬৪৪.০০ ২৩৪৬.৬০ ১৭৯৯০.৬০"]),
    );
    expect(pointed.total?.value).toBe(1799060);
    expect(row.total?.confidence).toBeLessThan(pointed.total?.confidence ?? 0);
    // Whole taka that nothing contradicts stay whole taka.
    expect(extractFields(pageOf(["Total 1799060 ৳"])).total?.value).toBe(179906000);
    const memo = extractFields(pageOf(["Sub Total 4500", "VAT 15% 675", "Total 5175"]));
    expect(memo.total?.value).toBe(517500);
    expect(memo.subtotal?.value).toBe(450000);
    // The point lost before a currency word, the amount in words saying where it was.
    const words = extractFields(
      pageOf(["ভ্যাট ৭.৫% ৮১২২৫", "সর্বমোট ১১৬৪২২৫ টাকা", "কথায়: এগারো হাজার ছয়শত বিয়াল্লিশ টাকা পঁচিশ পয়সা মাত্র"]),
    );
    expect(words.total?.value).toBe(1164225);
    expect(words.vat?.value).toBe(81225);
  });
  it("reads a taka sign taken for ৮ off a figure where the arithmetic confirms it", () => {
    // A handwritten memo (generated): `৳৫৫০৫/-` read `৮৫৫০৫/-`, the cash and change confirm 5,505.
    const memo = ["ক্যাশ মেমো", "Sub Total ৫,৫০৫/-", "TOTAL ৮৫৫০৫/-", "Cash ৬,০০০/-", "Change ৪৯৫/-"];
    expect(extractFields(pageOf(memo)).total?.value).toBe(550500);
    // Nothing confirms it: the ৮ stays a digit.
    expect(extractFields(pageOf(["ক্যাশ মেমো", "TOTAL ৮৫৫০৫/-"])).total?.value).toBe(8550500);
    // Before Latin digits it can only be the sign: no figure is written in two scripts.
    const bill = ["মোট 25435.00", "ভ্যাট 15% 3815.25", "সর্বমোট ৮29250.25"];
    expect(extractFields(pageOf(bill)).total?.value).toBe(2925025);
  });

  it("reads a taka sign taken for other digits off a figure where the arithmetic confirms it", () => {
    // Generated receipts: the bold total's ৳ read as `1`, as `৭৬` and as a Latin 7.
    const latin = ["Sub Total 20,345/-", "VAT 15%", "TOTAL 123,396.75"];
    expect(extractFields(pageOf(latin)).total?.value).toBe(2339675);
    const twice = ["মোট ৬,২১০.০০", "সর্বমোট ৭৬৬,২১০.০০", "নগদ ৬,৫০০.০০", "ফেরত ২৯০.০০"];
    expect(extractFields(pageOf(twice)).total?.value).toBe(621000);
    const mixed = ["ক্যাশ মেমো", "মোট ২৭৫০০/-", "সর্বমোট 7২৭,৫০০/-", "নগদ ৩০,০০০/-", "ফেরত ২,৫০০/-"];
    expect(extractFields(pageOf(mixed)).total?.value).toBe(2750000);
    // A space OCR put inside the figure (handwritten): the arithmetic joins it again.
    const split = [
      "Sub Total 650/-",
      "VAT 15% 97.50",
      "Less: Discount 50/-",
      "Grand Total 69 7.50",
    ];
    expect(extractFields(pageOf(split)).total?.value).toBe(69750);
    expect(extractFields(pageOf(["Grand Total 69 7.50"])).total?.value).not.toBe(69750);
    // A Mushak totals row (generated): 4,38,900/- split before its last two digits, VAT 10% inside.
    const row = extractFields(pageOf(["Tax Invoice", "Total হ?০০৭- 39900/- 4389 00/-"]));
    expect([row.total?.value, row.vat?.value]).toEqual([43_890_000, 3_990_000]);
    // A figure that only begins with 1 keeps it when nothing says otherwise.
    expect(extractFields(pageOf(["Sub Total 1,234.00", "TOTAL 12,340.00"])).total?.value).toBe(
      1234000,
    );
  });

  it("gives a clearly read receipt that names no tax VAT 0, and a barely read one no VAT", () => {
    const receipt = [...receiptHead, "Extension Cable 2 480.00 960.00", "Total 960.00"];
    const clear = extractFields(pageOf(receipt));
    expect(clear.vat?.value).toBe(0);
    expect(clear.vatRate?.value).toBe(0);
    expect(clear.vat?.confidence).toBeLessThan(0.7);
    // A VAT line elsewhere on the page, or too little read to have seen one: no VAT claimed.
    expect(
      extractFields(pageOf([...receipt.slice(0, 7), "VAT 7.5% 72.00", "Total 1,032.00"])).vat
        ?.value,
    ).toBe(7200);
    expect(extractFields(pageOf(["Islam Electronics", "Total 960.00"])).vat).toBeUndefined();
  });
  it("tells items misread short of the total from VAT left unlabelled on them", () => {
    const receipt = (...rows: string[]) =>
      extractFields(pageOf([...receiptHead, "Item Qty Rate Amount", ...rows]));
    // 2,160.00 read as 160.00: the 2,000 missing is no VAT on 1,760.
    const misread = receipt(
      "Extension Cable 2 800.00 1,600.00",
      "Circuit Breaker 1 160.00",
      "Total 3,760.00",
    );
    expect([misread.vat?.value, misread.subtotal?.value]).toEqual([0, 376000]);
    // 1,760 + 15% = 2,024: VAT on the items, its label unread.
    const unlabelled = receipt(
      "Extension Cable 2 800.00 1,600.00",
      "Circuit Breaker 1 160.00",
      "Total 2,024.00",
    );
    expect(unlabelled.vat?.value).not.toBe(0);
  });
});
