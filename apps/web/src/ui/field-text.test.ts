import { describe, expect, it } from "vitest";
import { fieldText, parseFieldText } from "./field-text";

describe("what a clerk types into a field", () => {
  it("reads amounts in Bengali or Latin digits, with lakh grouping and the taka sign, as poisha", () => {
    expect(parseFieldText("total", "১১,৯০,০০০.৫০")).toEqual({ ok: true, value: 119_000_050 });
    expect(parseFieldText("total", "Tk 1,190")).toEqual({ ok: true, value: 119_000 });
    expect(parseFieldText("vat", "৳ ১৫৫.২৫")).toEqual({ ok: true, value: 15_525 });
    expect(parseFieldText("total", "12.345")).toEqual({ ok: false, reason: "money" });
    expect(parseFieldText("total", "১১৯০ টাকা মাত্র")).toEqual({ ok: false, reason: "money" });
  });

  it("reads day-first dates in either script and refuses impossible ones", () => {
    expect(parseFieldText("issueDate", "১৮/০৩/২০২৬")).toEqual({ ok: true, value: "2026-03-18" });
    expect(parseFieldText("issueDate", "18-03-26")).toEqual({ ok: true, value: "2026-03-18" });
    expect(parseFieldText("issueDate", "31/02/2026")).toEqual({ ok: false, reason: "date" });
  });

  it("reads a VAT rate in percent, a BIN and a phone number", () => {
    expect(parseFieldText("vatRate", "৭.৫")).toEqual({ ok: true, value: 0.075 });
    expect(parseFieldText("vatRate", "15%")).toEqual({ ok: true, value: 0.15 });
    expect(parseFieldText("vatRate", "150")).toEqual({ ok: false, reason: "rate" });
    expect(parseFieldText("supplierBin", "০০০১২৩৪৫৬-৭৮৯১")).toEqual({
      ok: true,
      value: "0001234567891",
    });
    expect(parseFieldText("supplierBin", "12345")).toEqual({ ok: false, reason: "bin" });
    expect(parseFieldText("supplierPhone", "+880 1711-223344")).toEqual({
      ok: true,
      value: "01711223344",
    });
  });

  it("clears a field left empty and keeps text (even markup) as typed", () => {
    expect(parseFieldText("total", "  ")).toEqual({ ok: true, value: null });
    expect(parseFieldText("supplierName", " <b>Rahim</b> & Sons ")).toEqual({
      ok: true,
      value: "<b>Rahim</b> & Sons",
    });
  });

  it("shows stored values in the chosen script, and reads back what it shows", () => {
    expect(fieldText("total", 119_000_050, "bn")).toBe("১১,৯০,০০০.৫০");
    expect(fieldText("issueDate", "2026-03-18", "en")).toBe("18/03/2026");
    expect(fieldText("vatRate", 0.075, "bn")).toBe("৭.৫");
    for (const [field, value] of [
      ["total", 119_000_050],
      ["issueDate", "2026-03-18"],
      ["vatRate", 0.075],
      ["supplierBin", "0001234567891"],
    ] as const) {
      for (const lang of ["en", "bn"] as const) {
        expect(parseFieldText(field, fieldText(field, value, lang))).toEqual({ ok: true, value });
      }
    }
  });
});
