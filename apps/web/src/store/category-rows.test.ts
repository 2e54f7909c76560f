import { LedgerMapping } from "@chalan/core";
import { describe, expect, it } from "vitest";
import { categoryRows, fromCategoryRows } from "./category-rows";

const row = (category: string, ledger = "", vds = "", ait = "") => ({ category, ledger, vds, ait });

describe("category rows of the ledger mapping", () => {
  it("lists each category once with its ledger and withholding in percent, and reads them back", () => {
    const mapping = LedgerMapping.parse({
      categoryLedgers: { Rent: "Rent Expense", Packaging: "Packing Materials" },
      withholding: { Rent: { vdsShare: 1, aitRate: 0.05 }, Security: { vdsShare: 0.5 } },
    });
    const rows = categoryRows(mapping);
    expect(rows).toEqual([
      row("Rent", "Rent Expense", "100", "5"),
      row("Packaging", "Packing Materials"),
      row("Security", "", "50"),
    ]);
    expect(fromCategoryRows(rows)).toEqual({
      categoryLedgers: mapping.categoryLedgers,
      withholding: mapping.withholding,
    });
  });

  it("takes Bengali digits, a % sign and fractions of a percent; drops empty rows", () => {
    expect(fromCategoryRows([row(" ভাড়া ", "", "১০০", "৭.৫%"), row("")])).toEqual({
      categoryLedgers: {},
      withholding: { ভাড়া: { vdsShare: 1, aitRate: 0.075 } },
    });
  });

  it("refuses a category with nothing set, a setting without a category, and a bad percentage", () => {
    expect(fromCategoryRows([row("Rent")])).toEqual({ problem: "incomplete" });
    expect(fromCategoryRows([row("", "Rent Expense")])).toEqual({ problem: "incomplete" });
    expect(fromCategoryRows([row("Rent", "", "150")])).toEqual({ problem: "percent" });
    expect(fromCategoryRows([row("Rent", "", "", "five")])).toEqual({ problem: "percent" });
  });
});
