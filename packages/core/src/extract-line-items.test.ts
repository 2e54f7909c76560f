import { describe, expect, it } from "vitest";
import { extractLineItems } from "./extract-line-items";
import { textLines } from "./page-layout";
import { cashMemo, englishBill, mushakPage, noisyBill } from "./test-invoices";
import { type Cell, pageOf } from "./test-pages";

const itemsOf = (page: Parameters<typeof textLines>[0]) => extractLineItems(textLines(page));
// A memo's table heading: serial, description, quantity, rate, amount.
const head: Cell[] = [
  [20, "SL"],
  [80, "Description"],
  [300, "Qty"],
  [400, "Rate"],
  [520, "Amount"],
];

describe("extractLineItems", () => {
  it("reads a Mushak-6.3 table with wrapped headings, serial and unit columns and a VAT rate", () => {
    const items = itemsOf(mushakPage);
    expect(items?.field.value).toEqual([
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
    ]);
    expect(items?.sum).toBe(28_000_000);
    expect(items?.rates.map((r) => r.value)).toEqual([1500, 1500]);
  });

  it("reads prices and amounts whose points a hand lost where the rows multiply out so", () => {
    // A handwritten memo (generated): 655.00, 840.00, 322.00 and 265.00 read without their points.
    const row = (sl: string, what: string, qty: string, rate: string, amount: string): Cell[] => [
      [20, sl],
      [80, what],
      [300, qty],
      [400, rate],
      [520, amount],
    ];
    const items = itemsOf(
      pageOf([
        head,
        row("1", "Legal Paper", "6", "65500", "3930.00"),
        row("2", "Marker Pen", "12", "70.00", "84000"),
        row("3", "File Cover", "H", "2300", "32200"),
        row("4", "Ball Pen", "6", "26500", "1590.00"),
      ]),
    );
    expect(items?.field.value.map((i) => [i.unitPrice, i.amount])).toEqual([
      [65_500, 393_000],
      [7_000, 84_000],
      [2_300, 32_200],
      [26_500, 159_000],
    ]);
    expect(items?.sum).toBe(668_200);
    // Rows that multiply out as written keep their figures.
    const written = itemsOf(pageOf([head, row("1", "Rice", "20", "65500", "1310000")]));
    expect(written?.field.value[0]?.amount).toBe(131_000_000);
  });

  it("takes a % with a digit right after it for a misread price, not the row's VAT rate", () => {
    const row = (price: string): Cell[] => [
      [20, "1"],
      [80, "Circuit breaker"],
      [300, "4"],
      [400, price],
      [520, "3,280/-"],
    ];
    const rates = (price: string) =>
      itemsOf(pageOf([head, row(price), "Total 3,280/-"]))?.rates.map((r) => r.value);
    expect(rates("8%0/-")).toEqual([]);
    expect(rates("8%")).toEqual([800]);
  });

  it("stops at an amount alone that the rows above add up to: their total, its label misread", () => {
    const rows: Cell[][] = [
      [
        [20, "1"],
        [80, "Shirting Fabric"],
        [300, "16.5"],
        [400, "160.00"],
        [520, "2,640.00"],
      ],
      [
        [20, "2"],
        [80, "Lungi"],
        [300, "5"],
        [400, "560.00"],
        [520, "2,800.00"],
      ],
    ];
    const total = (label: string): Cell[] => [
      [20, label],
      [520, "5,440.00"],
    ];
    // `Total` read `IE`: the row is not an item.
    expect(itemsOf(pageOf([head, ...rows, total("IE")]))?.sum).toBe(544_000);
    // An item of its own amount after rows that do not add up to it stays an item.
    const other = [...rows, [[80, "Saree"] as Cell, [520, "5,000.00"] as Cell]];
    expect(itemsOf(pageOf([head, ...other]))?.field.value).toHaveLength(3);
    // Under one item, a totals row repeating its amount with the label misread (`t`).
    const one = rows.slice(0, 1);
    expect(
      itemsOf(
        pageOf([
          head,
          ...one,
          [
            [20, "t"],
            [520, "2,640.00"],
          ],
        ]),
      )?.sum,
    ).toBe(264_000);
  });

  it("reads quantities with units and stops at the totals", () => {
    const items = itemsOf(cashMemo);
    expect(items?.field.value.map((i) => [i.description, i.quantity, i.amount])).toEqual([
      ["চাল (মিনিকেট)", 50, 360_000],
      ["মসুর ডাল", 10, 110_000],
      ["সয়াবিন তেল", 5, 82_500],
    ]);
    expect(itemsOf(englishBill)?.field.value.map((i) => i.quantity)).toEqual([100, 2.5]);
  });

  it("reads amounts the OCR garbled, trusting them less", () => {
    const noisy = itemsOf(noisyBill);
    expect(noisy?.field.value.map((i) => i.amount)).toEqual([90_000, 49_500]);
    expect(noisy?.field.confidence).toBeLessThan(itemsOf(englishBill)?.field.confidence ?? 0);
  });

  it("finds quantity × price = amount where the columns are not where the headings are", () => {
    const items = itemsOf(
      pageOf([
        "ক্রমিক বিবরণ পরিমাণ দর টাকা",
        "১ রড ১০ মিমি ১২ টন ৮৬,২৩১.৯২ ১০,৩৪,৭৮৩.০৫",
        "মোট ১০,৩৪,৭৮৩.০৫",
      ]),
    );
    expect(items?.field.value).toEqual([
      { description: "রড 10 মিমি", quantity: 12, unitPrice: 8_623_192, amount: 103_478_305 },
    ]);
  });

  it("joins a description wrapped onto the next row, and doubts rows that do not multiply out", () => {
    const page = pageOf([
      [
        [20, "Description"],
        [400, "Qty"],
        [520, "Rate"],
        [700, "Amount"],
      ],
      [
        [20, "Portland cement"],
        [400, "10"],
        [520, "500.00"],
        [700, "5,000.00"],
      ],
      [[20, "(50 kg bags)"]],
      [
        [20, "Delivery"],
        [400, "1"],
        [520, "300.00"],
        [700, "350.00"],
      ],
      [
        [520, "Total"],
        [700, "5,350.00"],
      ],
    ]);
    const items = itemsOf(page);
    expect(items?.field.value.map((i) => i.description)).toEqual([
      "Portland cement (50 kg bags)",
      "Delivery",
    ]);
    expect(items?.field.value[1]).toMatchObject({ quantity: 1, unitPrice: 30_000, amount: 35_000 });
    const clean = itemsOf(
      pageOf([
        [
          [20, "Item"],
          [400, "Qty"],
          [520, "Rate"],
          [700, "Amount"],
        ],
        [
          [20, "Tea"],
          [400, "2"],
          [520, "10.00"],
          [700, "20.00"],
        ],
      ]),
    );
    expect(items?.field.confidence).toBeLessThan(clean?.field.confidence ?? 0);
  });

  it("finds no table on a page without item headings", () => {
    expect(itemsOf(pageOf(["Karim Store", "Total 500.00"]))).toBeUndefined();
  });
});
