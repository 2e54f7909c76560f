import { describe, expect, it } from "vitest";
import { extractParties } from "./extract-parties";
import { textLines } from "./page-layout";
import { pageOf } from "./test-pages";

const partiesOf = (rows: Parameters<typeof pageOf>[0]) => extractParties(textLines(pageOf(rows)));
const values = (rows: Parameters<typeof pageOf>[0]) =>
  Object.fromEntries(Object.entries(partiesOf(rows)).map(([k, v]) => [k, v.value]));

describe("extractParties", () => {
  it("tells the supplier's BIN from the buyer's by their labels", () => {
    expect(
      values([
        "নিবন্ধিত ব্যক্তির বিআইএনঃ ০০০৪৫৬৭৮৯-০১০১",
        "ক্রেতার নামঃ রহমান কনস্ট্রাকশন",
        "ক্রেতার বিআইএনঃ ০০১২৩৪৫৬৭০২০৩",
      ]),
    ).toEqual({
      supplierBin: "0004567890101",
      buyerName: "রহমান কনস্ট্রাকশন",
      buyerBin: "0012345670203",
    });
  });

  it("reads English labels, BINs with spaces or O for 0, and a value in the next cell", () => {
    expect(
      values([
        [
          [20, "Business Identification Number:"],
          [420, "0O0 123 456 0101"],
        ],
        [
          [20, "Buyer's BIN:"],
          [420, "001234567-0203"],
        ],
      ]),
    ).toEqual({ supplierBin: "0001234560101", buyerBin: "0012345670203" });
  });

  it("reads a BIN past the marks OCR makes of specks after its label", () => {
    // A generated Mushak-6.3 photographed, as Tesseract read it.
    const rows = ["BIN of Registered Person: ~~ 0040004650102", "Buyer's BIN: | 0088712030101"];
    expect(values(rows)).toEqual({ supplierBin: "0040004650102", buyerBin: "0088712030101" });
  });

  it("reads a BIN after a comma for its colon, and its 1s read as strokes", () => {
    // Handwritten pages (generated), as Tesseract read them.
    expect(values(["বিআইএন, ০০৮৯৩০৪৫৬০২০২"]).supplierBin).toBe("0089304560202");
    expect(values(["BIN of Registered Person: 005810399 0)o]"]).supplierBin).toBe("0058103990101");
    // Its first digit is never a stroke: `|` there is a speck before it.
    expect(values(["BIN: |0058103990101"]).supplierBin).toBe("0058103990101");
  });

  it("gives a plain label the party of the label above it", () => {
    expect(
      values([
        "Karim Traders",
        "Mobile: 01711-223344",
        "নামঃ করিম উদ্দিন",
        "মোবাইলঃ ০১৯১১-০০০১১১",
        "ঠিকানাঃ মিরপুর ১০, ঢাকা",
      ]),
    ).toEqual({ supplierPhone: "01711223344", buyerName: "করিম উদ্দিন" });
  });

  it("reads the name under a Bill To label, not the cell beside it", () => {
    const p = partiesOf([
      [
        [20, "Bill To:"],
        [700, "Bill No:"],
        [820, "PT-42"],
      ],
      [[20, "Karim Hardware"]],
      [[20, "Mobile: 01811-556677"]],
    ]);
    expect(p.buyerName?.value).toBe("Karim Hardware");
    // The buyer's phone is not the supplier's.
    expect(p.supplierPhone).toBeUndefined();
  });

  it("finds an unlabelled BIN in its 9+4 form and an unlabelled phone near the top", () => {
    const body = ["Soap 20.00", "Rice 30.00", "Oil 40.00", "Salt 10.00", "Total 100.00"];
    const p = partiesOf(["Karim Traders", "000123456-0101", "01711-223344", ...body]);
    expect(p.supplierBin?.value).toBe("0001234560101");
    expect(p.supplierPhone?.value).toBe("01711223344");
    const labelled = partiesOf(["Karim Traders", "BIN: 000123456-0101"]);
    expect(p.supplierBin?.confidence).toBeLessThan(labelled.supplierBin?.confidence ?? 0);
  });

  it("does not take a signatory for a party", () => {
    expect(values(["Name of Authorised Person: Abdul Karim", "Customer's Signature"])).toEqual({});
  });
});
