import { describe, expect, it } from "vitest";
import { applyHumanEdit, mostConfidentFields, statusAfterExtraction } from "./field-updates";
import type { InvoiceFields } from "./invoice";

describe("applyHumanEdit", () => {
  it("records human provenance and the before/after of each change", () => {
    const existing: InvoiceFields = {
      total: { value: 100, confidence: 0.4, provenance: "server_ocr" },
    };
    const { fields, changes } = applyHumanEdit(existing, {
      fields: { total: 1_190_000, issueDate: "2026-03-18" },
    });
    expect(fields.total).toEqual({ value: 1_190_000, confidence: 1, provenance: "human" });
    expect(changes).toEqual([
      { field: "total", from: 100, to: 1_190_000 },
      { field: "issueDate", from: null, to: "2026-03-18" },
    ]);
  });

  it("clears a field with null", () => {
    const existing: InvoiceFields = { notes: { value: "x", confidence: 1, provenance: "human" } };
    const { fields, changes } = applyHumanEdit(existing, { fields: { notes: null } });
    expect(fields.notes).toBeUndefined();
    expect(changes).toEqual([{ field: "notes", from: "x", to: null }]);
  });
});

describe("statusAfterExtraction", () => {
  it("is extracted when total and date are read with confidence", () => {
    expect(
      statusAfterExtraction({
        total: { value: 1, confidence: 0.9, provenance: "server_ocr" },
        issueDate: { value: "2026-01-01", confidence: 0.6, provenance: "server_ocr" },
      }),
    ).toEqual({ status: "extracted", reviewReasons: [] });
  });

  it("needs review, saying why, when a required field is missing or doubtful", () => {
    expect(
      statusAfterExtraction({ total: { value: 1, confidence: 0.9, provenance: "server_ocr" } }),
    ).toEqual({
      status: "needs_review",
      reviewReasons: ["invoice date not read"],
    });
    expect(
      statusAfterExtraction({
        total: { value: 1, confidence: 0.2, provenance: "server_ocr" },
        issueDate: { value: "2026-01-01", confidence: 0.9, provenance: "server_ocr" },
      }),
    ).toEqual({ status: "needs_review", reviewReasons: ["total uncertain (20% sure)"] });
  });

  it("says when nothing at all was found", () => {
    expect(statusAfterExtraction({})).toEqual({
      status: "needs_review",
      reviewReasons: ["no invoice found on the page"],
    });
  });

  it("trusts a person's value whatever its confidence", () => {
    expect(
      statusAfterExtraction({
        total: { value: 1, confidence: 0.1, provenance: "human" },
        issueDate: { value: "2026-01-01", confidence: 0.9, provenance: "server_ocr" },
      }).status,
    ).toBe("extracted");
  });
});

describe("mostConfidentFields", () => {
  it("keeps, per field, the page that read it most surely", () => {
    const merged = mostConfidentFields([
      {
        total: { value: 100, confidence: 0.4 },
        issueDate: { value: "2026-03-01", confidence: 0.9 },
      },
      { total: { value: 1_190_000, confidence: 0.95 } },
    ]);
    expect(merged.total?.value).toBe(1_190_000);
    expect(merged.issueDate?.value).toBe("2026-03-01");
  });
});
