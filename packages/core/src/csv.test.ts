import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted commas, doubled quotes, line breaks in cells, a BOM and CRLF", () => {
    const text =
      '\uFEFFname,address\r\n"Meghna Stores, Ltd.","12 ""Kawran"" Bazar\nDhaka"\r\nপদ্মা ট্রেডার্স,\r\n';
    expect(parseCsv(text)).toEqual([
      ["name", "address"],
      ["Meghna Stores, Ltd.", '12 "Kawran" Bazar\nDhaka'],
      ["পদ্মা ট্রেডার্স", ""],
    ]);
  });

  it("keeps blank lines as rows and a last line without a line end", () => {
    expect(parseCsv("a,b\n\nc,d")).toEqual([["a", "b"], [""], ["c", "d"]]);
  });
});

describe("toCsv", () => {
  it("quotes what must be quoted, defuses formulas, and reads back", () => {
    const rows = [
      ["supplier", "note", "amount"],
      ["Meghna, Ltd.", '=HYPERLINK("x")', "22011.05"],
      ["মেঘনা", "two\nlines", "-x"],
    ];
    const text = toCsv(rows);
    expect(text).toBe(
      'supplier,note,amount\r\n"Meghna, Ltd.","\'=HYPERLINK(""x"")",22011.05\r\nমেঘনা,"two\nlines",\'-x\r\n',
    );
    expect(parseCsv(text).slice(0, 3)).toEqual([
      rows[0],
      ["Meghna, Ltd.", '\'=HYPERLINK("x")', "22011.05"],
      ["মেঘনা", "two\nlines", "'-x"],
    ]);
  });
});
