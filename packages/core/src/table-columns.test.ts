import { describe, expect, it } from "vitest";
import { headingsIn } from "./table-columns";

const kinds = (text: string) => headingsIn(text.normalize("NFC")).map((h) => h.kind);

describe("headingsIn", () => {
  it("reads English and Bengali item-table headings", () => {
    expect(kinds("SL Description Qty Rate Amount")).toEqual([
      "serial",
      "description",
      "quantity",
      "unitPrice",
      "amount",
    ]);
    expect(kinds("ক্রমিক মালের বিবরণ পরিমাণ দর টাকা পয়সা")).toEqual([
      "serial",
      "description",
      "quantity",
      "unitPrice",
      "amount",
      "paisa",
    ]);
  });

  it("reads the Mushak-6.3 headings whole, where one holds another's word", () => {
    expect(
      kinds(
        "ক্রমিক সংখ্যা পণ্য বা সেবার বর্ণনা সরবরাহের একক পরিমাণ একক মূল্য (টাকায়) মোট মূল্য " +
          "মূসকের হার মূসকের পরিমাণ সকল প্রকার শুল্ক ও করসহ মূল্য",
      ),
    ).toEqual([
      "serial",
      "description",
      "unit",
      "quantity",
      "unitPrice",
      "amount",
      "vatRate",
      "vatAmount",
      "gross",
    ]);
    expect(kinds("Unit Price VAT Rate VAT Amount Value incl. all Duties and Taxes")).toEqual([
      "unitPrice",
      "vatRate",
      "vatAmount",
      "gross",
    ]);
  });

  it("gives where each heading is", () => {
    const text = "Item Qty Price";
    expect(headingsIn(text).map((h) => text.slice(h.start, h.end))).toEqual([
      "Item",
      "Qty",
      "Price",
    ]);
  });
});
