import { describe, expect, it } from "vitest";
import { formatHlc } from "./hlc";
import { uuidv7 } from "./ids";
import { FieldWriteMessage, PullQuery, PushRequest } from "./sync-protocol";

const write = (over: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  invoiceId: uuidv7(),
  field: "total",
  value: 119_000,
  provenance: "human",
  confidence: 1,
  at: formatHlc({ wall: Date.UTC(2026, 11, 2), counter: 0, node: "phone-1" }),
  device: "phone-1",
  replaces: [],
  ...over,
});

const problems = (input: unknown) => {
  const r = FieldWriteMessage.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("sync messages", () => {
  it("accept a field write whose value fits its field, or null to clear it", () => {
    expect(problems(write())).toEqual([]);
    expect(problems(write({ field: "issueDate", value: "2026-03-18" }))).toEqual([]);
    expect(problems(write({ field: "total", value: null }))).toEqual([]);
    // Markup and SQL are text like any other; they are escaped where shown, bound where stored.
    expect(problems(write({ field: "notes", value: "<b>x</b>'; DROP TABLE invoices;--" }))).toEqual(
      [],
    );
    expect(problems(write({ field: "supplierName", value: "রহিম ট্রেডার্স & Sons" }))).toEqual([]);
  });

  it("refuse values the field cannot hold, with the field named", () => {
    expect(problems(write({ value: -5 }))).toEqual([
      "value: total: Too small: expected number to be >=0",
    ]);
    expect(problems(write({ field: "issueDate", value: "2026-02-30" }))).toEqual([
      "value: issueDate: not a real calendar date",
    ]);
    expect(problems(write({ field: "total", value: 12.5 }))).toEqual([
      "value: total: money is whole poisha",
    ]);
  });

  it("refuse unknown fields, bad timestamps, ids not made as UUIDs and extra keys", () => {
    expect(problems(write({ field: "password" }))).toHaveLength(1);
    expect(problems(write({ at: "yesterday" }))[0]).toMatch(/^at: a hybrid logical timestamp/);
    expect(problems(write({ replaces: ["1; DROP TABLE"] }))[0]).toMatch(/^replaces\.0: /);
    expect(problems({ ...write(), extra: 1 })).toHaveLength(1);
  });

  it("bound a push to 500 writes and a pull page to 1000", () => {
    const many = Array.from({ length: 501 }, () => write());
    // Each write is checked on its own by the server; the batch only bounds their number.
    expect(PushRequest.safeParse({ device: "phone-1", writes: many }).success).toBe(false);
    expect(PushRequest.safeParse({ device: "phone-1", writes: many.slice(1) }).success).toBe(true);
    expect(PullQuery.parse({})).toEqual({ since: 0, limit: 500 });
    expect(PullQuery.parse({ since: "42", limit: "10" })).toEqual({ since: 42, limit: 10 });
    expect(PullQuery.safeParse({ limit: "5000" }).success).toBe(false);
  });
});
