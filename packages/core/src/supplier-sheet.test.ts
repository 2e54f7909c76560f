import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { readSupplierSheet } from "./supplier-sheet";

describe("readSupplierSheet", () => {
  it("reads English and Bengali headings, Bengali digits, +880 numbers and rates written any way", () => {
    const sheet = readSupplierSheet(
      parseCsv(
        [
          "নাম,Bangla Name,BIN,মোবাইল,VAT %,Aliases,Notes",
          "Meghna Stores,মেঘনা স্টোর্স,০০১২৩৪৫৬৭০১০১,+880 1711-223344,৭.৫%,M/S Meghna; Meghna Store,pays late",
          "Padma Traders,,0098765430101,01811223344,15,,",
          "Jamuna Hardware,,,,0.05,,",
        ].join("\n"),
      ),
    );
    expect(sheet.ignoredColumns).toEqual(["Notes"]);
    expect(sheet.rows).toEqual([
      {
        line: 2,
        errors: [],
        supplier: {
          name: "Meghna Stores",
          nameBn: "মেঘনা স্টোর্স",
          bin: "0012345670101",
          phone: "01711223344",
          usualVatRate: 0.075,
          aliases: ["M/S Meghna", "Meghna Store"],
        },
      },
      {
        line: 3,
        errors: [],
        supplier: {
          name: "Padma Traders",
          bin: "0098765430101",
          phone: "01811223344",
          usualVatRate: 0.15,
          aliases: [],
        },
      },
      {
        line: 4,
        errors: [],
        supplier: { name: "Jamuna Hardware", usualVatRate: 0.05, aliases: [] },
      },
    ]);
  });

  it("reports each bad row by line and cell, and a BIN used twice on the later line", () => {
    const sheet = readSupplierSheet(
      parseCsv(
        [
          "name,bin,phone,vat",
          "Meghna Stores,0012345670101,,15",
          ",0012345670102,,",
          "Surma Foods,12345,123,fifteen",
          "",
          "Titas Traders,0012345670101,,",
        ].join("\n"),
      ),
    );
    expect(sheet.rows.map((r) => [r.line, r.supplier?.name ?? null, r.errors])).toEqual([
      [2, "Meghna Stores", []],
      [3, null, ["name: is required"]],
      [
        4,
        null,
        [
          'vat: "fifteen" is not a rate (write 15, 15% or 0.15)',
          "bin: a BIN is 13 digits",
          "phone: a Bangladeshi number such as 01711223344",
        ],
      ],
      [6, null, ["bin: 0012345670101 is already on line 2"]],
    ]);
  });

  it("asks for headings when the sheet has no name column", () => {
    expect(readSupplierSheet([["Meghna Stores", "0012345670101"]]).rows[0]?.errors[0]).toMatch(
      /no "name" column/,
    );
  });
});
