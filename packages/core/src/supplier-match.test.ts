import { describe, expect, it } from "vitest";
import type { Supplier } from "./supplier";
import { matchSupplier, rankSuppliers } from "./supplier-match";

const suppliers: Supplier[] = [
  {
    id: "s-meghna",
    name: "Meghna Stores",
    nameBn: "মেঘনা স্টোর্স",
    aliases: ["Meghna Store Ctg"],
    bin: "001234567-0101",
  },
  { id: "s-padma", name: "Padma Hardware & Sons", aliases: [] },
  { id: "s-kushiyara", name: "Kushiyara Hossain Hardware", aliases: [] },
];

describe("matching a supplier on the device", () => {
  it("takes the BIN first, whatever the name says", () => {
    expect(matchSupplier({ bin: "001234567-0101", name: "Padma" }, suppliers)).toEqual({
      supplier: suppliers[0],
      score: 1,
    });
  });

  it("matches slips, M/S and Ltd., and Bengali written for English", () => {
    const id = (name: string) => matchSupplier({ name }, suppliers)?.supplier.id;
    expect(id("M/S. Meghna Stors Ltd.")).toBe("s-meghna");
    expect(id("মেঘনা স্টোর")).toBe("s-meghna");
    expect(id("M/S Padma Hardware and Sons")).toBe("s-padma");
    expect(id("Padma Hardwre & Sons")).toBe("s-padma");
    // Too far from every name: a person is asked.
    expect(id("Jamuna Electric")).toBeUndefined();
  });

  it("ranks every supplier a name could be, best first, for a person to pick from", () => {
    const ranked = rankSuppliers("Hardware", suppliers).map((s) => s.supplier.id);
    expect(ranked.slice(0, 2).sort()).toEqual(["s-kushiyara", "s-padma"]);
    expect(rankSuppliers("", suppliers)).toEqual([]);
  });
});
