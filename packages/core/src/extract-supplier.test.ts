import { describe, expect, it } from "vitest";
import { extractSupplier } from "./extract-supplier";
import { textLines } from "./page-layout";
import { pageOf } from "./test-pages";

/** The rows given head a page whose body is items and a total, as on a real receipt. */
const body = Array.from({ length: 8 }, (_, i) => `Item ${i + 1} ${(i + 1) * 10}.00`);
const supplier = (...rows: Parameters<typeof pageOf>[0]) =>
  extractSupplier(textLines(pageOf([...rows, ...body, "Total 360.00", "Thank you"])));

describe("extractSupplier", () => {
  it("prefers a line with a legal form to a name-like line above it", () => {
    const s = supplier(
      "TAN WOON YANN",
      "BOOK TA .K (TAMAN DAYA) SDN BHD",
      "789417-W",
      "NO.53, JALAN SAGU 18,",
    );
    expect(s?.value).toBe("BOOK TA .K (TAMAN DAYA) SDN BHD");
    expect(s?.confidence).toBeGreaterThan(0.7);
  });

  it("skips titles, addresses, phones, registration numbers and dates", () => {
    const s = supplier(
      "TAX INVOICE",
      "House 12, Road 5, Dhanmondi",
      "Tel: 01711-223344",
      "BIN: 000123456-0101",
      "18/03/2026",
      "Karim Hardware",
    );
    expect(s?.value).toBe("Karim Hardware");
  });

  it("skips a title whose words OCR ran together", () => {
    expect(supplier("CASHMEMO a", "Chowdhury Fabrics", "Kawran Bazar, Dhaka-1215")?.value).toBe(
      "Chowdhury Fabrics",
    );
  });

  it("falls back to the first plain line with low confidence", () => {
    const s = supplier("Cash Memo", "Shapla", "Kawran Bazar, Dhaka-1215");
    expect(s?.value).toBe("Shapla");
    expect(s?.confidence).toBeLessThan(0.5);
  });

  it("reads Bengali business names", () => {
    expect(supplier("ক্যাশ মেমো", "মেসার্স রহিম ট্রেডার্স", "মোবাইল: ০১৭১১-২২৩৩৪৪")?.value).toBe(
      "মেসার্স রহিম ট্রেডার্স",
    );
    expect(supplier("চালানপত্র", "সোনালী এন্টারপ্রাইজ লিমিটেড")?.value).toBe("সোনালী এন্টারপ্রাইজ লিমিটেড");
  });

  it("drops the registration number written after the name", () => {
    expect(supplier("99 SPEED MART S/B (519537-X)")?.value).toBe("99 SPEED MART S/B");
    expect(supplier("KING'S CONFECTIONERY S/B 273500-U (KSB)")?.value).toBe(
      "KING'S CONFECTIONERY S/B",
    );
    expect(supplier("DION REALTIES SDN BHD (CO. NO:20154-T)")?.value).toBe("DION REALTIES SDN BHD");
    // As OCR read it: S/B as 5/B (no legal form left), the bracket as a brace, X as 1.
    expect(supplier("99 SPEED MART 5/B {519537-1) .")?.value).toBe("99 SPEED MART 5/B");
  });

  it("joins a name printed over two or three lines", () => {
    expect(supplier("POPULAR BOOK", "CO. (M) SDN BHD", "(CO. NO. 113825-W)")?.value).toBe(
      "POPULAR BOOK CO. (M) SDN BHD",
    );
    expect(supplier("HOME MASTER HARDWARE &", "ELECTRICAL", "NO.113G, JALAN SETIA")?.value).toBe(
      "HOME MASTER HARDWARE & ELECTRICAL",
    );
    expect(
      supplier("AIK HUAT HARDWARE", "ENTERPRISE (SETIA", "ALAM) SDN BHD", "822737-X")?.value,
    ).toBe("AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD");
  });

  it("takes the shop's name over the company said to own it", () => {
    expect(
      supplier("SANYU STATIONERY SHOP", "TAX INVOICE", "OWNED BY :", "SANYU SUPPLY SDN BHD")?.value,
    ).toBe("SANYU STATIONERY SHOP");
  });

  it("ignores a bracketed note under the name", () => {
    expect(supplier("TONYMOLY VIVA CITY", "(TONYMOLY SHOP (95874))")?.value).toBe(
      "TONYMOLY VIVA CITY",
    );
  });

  it("finds nothing on a page without a name", () => {
    expect(
      extractSupplier(textLines(pageOf(["18/03/2026", "Tel: 01711-223344", "1,190.00"]))),
    ).toBeUndefined();
  });
});

describe("extractSupplier and a garbled '& Sons'", () => {
  it.each([
    "পদ্মা WS সম্স",
    "মেসার্স তাজ WTS সঙ্গ",
    "মদিনা SIS সন্প",
    "সুরমা আ্যান্ড SH",
    "হোসেন আ্যান্ড সম্ম",
    "ইসলাম আমন্ড সন্ম",
  ])("reads %s with অ্যান্ড সন্স", (garbled) => {
    const name = garbled.split(" ").slice(0, -2).join(" ");
    expect(supplier(garbled)?.value).toBe(`${name} অ্যান্ড সন্স`);
  });

  it("repairs it after a supplier's label too, the box on the name as read", () => {
    const found = supplier("নিবন্ধিত ব্যক্তির নাম: ইসলাম আমন্ড সন্ম");
    expect(found?.value).toBe("ইসলাম অ্যান্ড সন্স");
    expect(found?.box).toBeDefined();
  });

  it("leaves Latin names and a Bengali name's other words alone", () => {
    expect(supplier("Rahim & Sons")?.value).toBe("Rahim & Sons");
    expect(supplier("সোনালী ট্রেডার্স")?.value).toBe("সোনালী ট্রেডার্স");
    expect(supplier("Rahim AB সম্স")?.value).toBe("Rahim AB সম্স");
    expect(supplier("Rahim Traders BD LTD")?.value).toBe("Rahim Traders BD LTD");
  });
});

describe("extractSupplier on a Mushak-6.3", () => {
  const mushak = (name: string) =>
    supplier(
      "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার Mushak-6.3",
      "National Board of Revenue",
      `নিবন্ধিত ব্যক্তির নাম: ${name}`,
      "BIN of Registered Person: 009146129-0201",
      "চালানপত্র ইস্যুর ঠিকানা: বাড়ি নং 60, চকবাজার, ঢাকা-1211",
    );

  it("reads the name after the registered person's label", () => {
    expect(mushak("Teesta Agro Industries")?.value).toBe("Teesta Agro Industries");
  });

  it("takes no stamp over the field for the name", () => {
    // A heavily degraded Mushak-6.3 (generated): the name lost, a PAID stamp read in its place.
    expect(mushak("PAID")?.value).not.toBe("PAID");
    expect(supplier("PAID", "Karim Hardware")?.value).toBe("Karim Hardware");
  });

  it("takes no two letters left of a garbled name for it", () => {
    // A handwritten `M/S Nur Fabrics` as Tesseract read it.
    expect(mushak("NS Noe 07৮95")?.value).not.toBe("NS");
  });

  it("never takes the next label's line for a name read as nothing", () => {
    // Handwriting read as `72 4০702`: no name, and not `BIN of Registered Person: 009146129`.
    expect(mushak("72 4০702")).toBeUndefined();
  });
});
