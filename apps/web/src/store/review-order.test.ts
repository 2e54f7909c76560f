import { addWrite, emptyLog, type FieldWrite, type Finding, uuidv7 } from "@chalan/core";
import { describe, expect, it } from "vitest";
import type { LocalInvoice } from "./db";
import { reviewOrder } from "./review-order";

const human = (device: string, value: number, ms: number): FieldWrite => ({
  id: uuidv7(),
  field: "total",
  value,
  provenance: "human",
  confidence: 1,
  at: `${String(ms).padStart(16, "0")}-00000-${device}`,
  device,
  replaces: [],
});

function invoice(total: number, capturedAt: number, conflicting: number[] = []): LocalInvoice {
  const writes = conflicting.map((v, i) => human(`device-${i}`, v, capturedAt + i));
  return {
    id: uuidv7(),
    capturedAt,
    updatedAt: capturedAt,
    status: "needs_review",
    reviewReasons: [],
    fields: { total: { value: total, confidence: 1, provenance: "human" } },
    logs: writes.length ? { total: writes.reduce(addWrite, emptyLog) } : {},
    boxes: {},
    pageCount: 1,
    pagesRead: 1,
    reading: "done",
    place: "server",
  };
}

describe("reviewOrder", () => {
  it("puts conflicts first, then the most money at stake, then the oldest", () => {
    const small = invoice(5_000_00, 1);
    const large = invoice(90_000_00, 2);
    // The total shown is small, but one of the conflicting values is a lakh and a half.
    const disputed = invoice(1_000_00, 3, [1_000_00, 1_50_000_00]);
    const disputedSmall = invoice(2_000_00, 4, [2_000_00, 2_500_00]);
    const olderLarge = invoice(90_000_00, 0);
    const order = reviewOrder([small, large, disputedSmall, disputed, olderLarge]);
    expect(order.map((i) => i.inv.id)).toEqual(
      [disputed, disputedSmall, olderLarge, large, small].map((i) => i.id),
    );
    expect(order[0]?.stake).toBe(1_50_000_00);
    expect(order[0]?.conflicts.map(([f, ws]) => [f, ws.map((w) => w.value).sort()])).toEqual([
      ["total", [1_000_00, 1_50_000_00]],
    ]);
    expect(order[4]?.conflicts).toEqual([]);
  });

  it("takes in invoices the checks found errors in, and leaves out approved ones", () => {
    const error = (id: string): Finding => ({
      check: "duplicate-number",
      severity: "error",
      fields: ["invoiceNumber"],
      message: { en: `already in Chalan (${id})`, bn: `আগেই চালানে আছে (${id})` },
    });
    const warning: Finding = { ...error("x"), check: "duplicate-amount-date", severity: "warning" };
    const settled = { ...invoice(10_000_00, 1), status: "extracted" as const };
    const duplicate = { ...invoice(3_000_00, 2), status: "extracted" as const };
    const doubtful = { ...invoice(50_000_00, 3), status: "extracted" as const };
    const approved = { ...invoice(70_000_00, 4), status: "approved" as const };
    const review = invoice(1_000_00, 5);
    const findings = new Map([
      [duplicate.id, [error(settled.id)]],
      [doubtful.id, [warning]],
      [approved.id, [error(settled.id)]],
    ]);
    const order = reviewOrder([settled, duplicate, doubtful, approved, review], findings);
    expect(order.map((i) => i.inv.id)).toEqual([duplicate.id, review.id]);
    expect(order[0]?.errors).toEqual([error(settled.id)]);
  });
});
