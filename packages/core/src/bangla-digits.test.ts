import { describe, expect, it } from "vitest";
import { toAsciiDigits, toBanglaDigits } from "./bangla-digits";

describe("toAsciiDigits", () => {
  it("maps every Bengali digit to its ASCII digit", () => {
    expect(toAsciiDigits("০১২৩৪৫৬৭৮৯")).toBe("0123456789");
  });

  it("keeps letters, punctuation and ASCII digits", () => {
    expect(toAsciiDigits("মোট: ১১,৯০,০০০.৫০ Tk 42")).toBe("মোট: 11,90,000.50 Tk 42");
  });
});

describe("toBanglaDigits", () => {
  it("maps every ASCII digit to its Bengali digit", () => {
    expect(toBanglaDigits("0123456789")).toBe("০১২৩৪৫৬৭৮৯");
  });

  it("round-trips with toAsciiDigits", () => {
    expect(toAsciiDigits(toBanglaDigits("৳11,90,000.50"))).toBe("৳11,90,000.50");
    expect(toBanglaDigits("৳11,90,000.50")).toBe("৳১১,৯০,০০০.৫০");
  });
});
