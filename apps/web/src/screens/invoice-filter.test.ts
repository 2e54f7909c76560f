import { describe, expect, it } from "vitest";
import type { LocalInvoice } from "../store/db";
import { filterInvoices, noFilter } from "./invoice-filter";

const inv = (id: string, over: Partial<LocalInvoice>): LocalInvoice => ({
  id,
  capturedAt: Date.UTC(2026, 2, 18, 20, 0), // 02:00 on the 19th in Dhaka
  updatedAt: 0,
  status: "extracted",
  reviewReasons: [],
  fields: {},
  logs: {},
  boxes: {},
  pageCount: 1,
  pagesRead: 1,
  reading: "done",
  place: "device",
  ...over,
});

const all = [
  inv("a", {
    capturedAt: 1,
    fields: { supplierName: { value: "Rahim Traders", confidence: 1, provenance: "human" } },
  }),
  inv("b", { status: "needs_review" }),
  inv("c", {
    capturedAt: 2,
    fields: { issueDate: { value: "2026-04-02", confidence: 0.9, provenance: "local_ocr" } },
  }),
];

describe("the invoice list's filters", () => {
  it("lists newest first", () => {
    expect(filterInvoices(all, noFilter).map((i) => i.id)).toEqual(["b", "c", "a"]);
  });

  it("filters by status, review and supplier", () => {
    expect(filterInvoices(all, { ...noFilter, needsReview: true }).map((i) => i.id)).toEqual(["b"]);
    expect(filterInvoices(all, { ...noFilter, status: "extracted" })).toHaveLength(2);
    expect(filterInvoices(all, { ...noFilter, supplier: "rahim" }).map((i) => i.id)).toEqual(["a"]);
  });

  it("filters by the invoice's date, or the Dhaka day it was captured", () => {
    const march19 = { ...noFilter, from: "2026-03-19", to: "2026-03-19" };
    expect(filterInvoices(all, march19).map((i) => i.id)).toEqual(["b"]);
    const april = { ...noFilter, from: "2026-04-01", to: "2026-04-30" };
    expect(filterInvoices(all, april).map((i) => i.id)).toEqual(["c"]);
  });
});
