import { describe, expect, it } from "vitest";
import { partyLabel } from "./party-labels";

describe("partyLabel", () => {
  it.each([
    ["ক্রেতার নাম: রহিম", { party: "buyer", field: "name" }],
    ["ক্রেতার বিআইএন: ০০১২৩৪৫৬৭০১০১", { party: "buyer", field: "bin" }],
    ["Buyer's BIN: 0012345670101", { party: "buyer", field: "bin" }],
    ["Bill To:", { party: "buyer", field: "name" }],
    ["বিল প্রাপক:", { party: "buyer", field: "name" }],
    ["বিল প্রাপক / Bill To:", { party: "buyer", field: "name" }],
    ["নিবন্ধিত ব্যক্তির নাম / Name of Registered Person:", { party: "supplier", field: "name" }],
    ["Customer Name: Karim", { party: "buyer", field: "name" }],
    ["গ্রহীতা: করিম", { party: "buyer", field: "name" }],
    ["সরবরাহের গন্তব্যস্থল: মিরপুর", { party: "buyer", field: "address" }],
    ["নিবন্ধিত ব্যক্তির নাম: সোনালী লিমিটেড", { party: "supplier", field: "name" }],
    ["নিবন্ধিত ব্যাক্তির নাম: Rupali Textile", { party: "supplier", field: "name" }],
    // As Tesseract read a handwritten Mushak-6.3.
    ["নিবস্কিত ব্যক্তির নাম: বিসমিল্লাহ জেনারেল", { party: "supplier", field: "name" }],
    // A faint photo's নিবন্ধিত read as Latin letters.
    ["fale ব্যাক্তির নাম: Surma Food Court", { party: "supplier", field: "name" }],
    ["সিবস্কিত ব্যক্তির লাম: হাজী স্টিল মিলস লিমিটেড", { party: "supplier", field: "name" }],
    ["Name of Registered Person: Padma Ltd", { party: "supplier", field: "name" }],
    ["BIN of Registered Person: 000123456-0101", { party: "supplier", field: "bin" }],
    ["চালানপত্র ইস্যুর ঠিকানা: ঢাকা", { party: "supplier", field: "address" }],
    ["BIN: 000123456-0101", { field: "bin" }],
    // A faint hand's BIN, its I lost.
    ["BN:0011672040202", { field: "bin" }],
    ["বিআইএনঃ ০০০১২৩৪৫৬-০১০১", { field: "bin" }],
    ["Mobile: 01711-223344", { field: "phone" }],
    ["নাম: করিম", { field: "name" }],
    ["ঠিকানা: মিরপুর", { field: "address" }],
  ])("reads %j", (text, expected) => {
    const label = partyLabel(text);
    expect(label).toMatchObject(expected);
    expect(label?.party).toBe((expected as { party?: string }).party);
  });

  it("gives where the label ends", () => {
    const text = "ক্রেতার নাম: রহিম";
    expect(text.slice(partyLabel(text)?.end).trim()).toBe("রহিম");
    expect(partyLabel("BIN 0012345670101")?.end).toBe(3);
    // A scan's নাম read as Latin, its colon unseen.
    const scan = "নিবন্ধিত ব্যক্তির am. সোনালী পেপার হাউস";
    expect(scan.slice(partyLabel(scan)?.end).trim()).toBe("সোনালী পেপার হাউস");
    expect(partyLabel("No. 123")?.field).toBeUndefined();
    expect(partyLabel("BNS Traders Road 12")).toBeUndefined();
  });

  it.each([
    "Name of Authorised Person: Rahim",
    "Customer's Signature",
    "ক্রেতার স্বাক্ষর",
    "Product Name",
    "Customer ID: 42",
    "Date of Issue: 18/03/2026",
    "Karim Traders, Phone: 01711223344",
  ])("is not fooled by %j", (text) => {
    expect(partyLabel(text)).toBeUndefined();
  });
});
