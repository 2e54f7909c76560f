import { describe, expect, it } from "vitest";
import { extractFields } from "./extract-fields";
import { readingSureness } from "./reading-sureness";
import { pageOf } from "./test-pages";

describe("readingSureness", () => {
  const clear = [
    "Meghna Traders",
    "Invoice No: INV-2041",
    "Date: 18/03/2026",
    "Sub Total 1,000.00",
    "VAT 15% 150.00",
    "Total 1,150.00",
  ];

  it("rates a reading whose figures add up above one whose figures were misread", () => {
    const misread = clear.map((l) => l.replace("150.00", "I5O.0").replace("1,150.00", "1,1S0"));
    const good = readingSureness(extractFields(pageOf(clear)));
    expect(good).toBeGreaterThan(readingSureness(extractFields(pageOf(misread))));
    expect(good).toBeGreaterThan(4);
  });

  it("adds nothing for fields not found", () => {
    expect(readingSureness({})).toBe(0);
    const fields = extractFields(pageOf(clear));
    const { total, ...rest } = fields;
    expect(readingSureness(rest)).toBeCloseTo(readingSureness(fields) - (total?.confidence ?? 0));
  });
});
