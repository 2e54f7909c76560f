import { describe, expect, it } from "vitest";
import { supplierKey, supplierMatchKey } from "./supplier-names";

describe("supplierKey", () => {
  it("ignores the form of business, case, punctuation and spacing", () => {
    const key = supplierKey("Meghna Stores");
    for (const v of [
      "M/S. Meghna Stores Ltd.",
      "MEGHNA  STORES LIMITED",
      "Meghna-Stores (Pvt.) Ltd",
    ]) {
      expect(supplierKey(v)).toBe(key);
    }
    expect(supplierKey("M/S Rahman & Sons Co.")).toBe(supplierKey("Rahman & Sons"));
    expect(supplierKey("Rahman Enterprise")).not.toBe(supplierKey("Rahman Traders"));
  });

  it("does the same for Bengali names, and keeps different names apart", () => {
    expect(supplierKey("মেসার্স পদ্মা ট্রেডার্স লিঃ")).toBe(supplierKey("পদ্মা ট্রেডার্স"));
    expect(supplierKey("Padma Traders")).not.toBe(supplierKey("Meghna Traders"));
    // Words that only contain a form word are kept whole.
    expect(supplierKey("Coco Cola Depot")).toBe("cococoladepot");
  });

  it("spells a Bengali name in Latin letters for fuzzy matching, as it is written in English", () => {
    expect(supplierMatchKey("মেসার্স পদ্মা ট্রেডার্স লিঃ")).toBe("padmatredars");
    expect(supplierMatchKey("M/S. Padma Traders Ltd.")).toBe("padmatraders");
    expect(supplierMatchKey("করিম হার্ডওয়্যার")).toBe("karimhardoyyar");
  });
});
