import { type FieldWriteMessage, formatHlc, uuidv7 } from "@chalan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { type ApiInvoice, startTestServer, type TestServer } from "./harness";
import { renderInvoiceImage } from "./render-invoice";

describe.each(dbTargets())("sync push and pull on $name PostgreSQL", (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  let wall = Date.UTC(2026, 11, 2, 4);
  const write = (
    device: string,
    invoiceId: string,
    over: Partial<FieldWriteMessage> = {},
  ): FieldWriteMessage => ({
    id: uuidv7(),
    invoiceId,
    field: "total",
    value: 100_000,
    provenance: "human",
    confidence: 1,
    at: formatHlc({ wall: ++wall, counter: 0, node: device }),
    device,
    replaces: [],
    ...over,
  });
  const push = async (token: string, device: string, writes: unknown[]) => {
    const res = await server.api("POST", "/api/sync/push", token, { device, writes });
    expect(res.status).toBe(200);
    return (await res.json()) as { accepted: string[]; rejected: { id: string; reason: string }[] };
  };
  const pull = async (token: string, since = 0, limit = 500) =>
    (await (
      await server.api("GET", `/api/sync/pull?since=${since}&limit=${limit}`, token)
    ).json()) as {
      writes: { seq: number; write: FieldWriteMessage; by: string | null }[];
      cursor: number;
      more: boolean;
    };
  const invoice = async (token: string, id: string) =>
    (await (await server.api("GET", `/api/invoices/${id}`, token)).json()) as ApiInvoice;

  it("keeps two devices' different totals as a conflict until a person resolves it", async () => {
    const token = await server.signup();
    const id = uuidv7();
    const { bytes } = await renderInvoiceImage({ supplierName: "Meghna Stores", format: "jpeg" });
    await server.upload(token, [{ bytes, name: "memo.jpg" }], {
      id,
      name: "Karim",
      email: "k@example.com",
    });
    await server.waitForInvoice(token, id, (inv) => inv.status !== "captured");

    const a = write("phone-a", id, { value: 100_000 });
    const b = write("desk-b", id, { value: 120_000 });
    expect((await push(token, "phone-a", [a])).accepted).toEqual([a.id]);
    expect((await push(token, "desk-b", [b])).accepted).toEqual([b.id]);
    let inv = await invoice(token, id);
    expect(inv.status).toBe("needs_review");
    expect(inv.reviewReasons[0]).toBe("total edited on two devices: 120000 or 100000");
    expect(inv.fields.total).toEqual({ value: 120_000, confidence: 1, provenance: "human" });

    // The phone never heard back and sends again: nothing changes, nothing doubles.
    expect((await push(token, "phone-a", [a])).accepted).toEqual([a.id]);
    // The server's own reading is there too, as writes from "server", before the two edits.
    const all = await pull(token);
    const read = all.writes.filter((w) => w.write.device === "server");
    expect(read.length).toBeGreaterThan(3);
    expect(new Set(read.map((w) => w.write.provenance))).toEqual(new Set(["server_ocr"]));
    expect(all.writes.slice(read.length).map((w) => w.write.id)).toEqual([a.id, b.id]);
    // Each write names who was signed in where it was made, so a conflict can say whose value is whose.
    expect(new Set(read.map((w) => w.by))).toEqual(new Set([null]));
    expect(all.writes.slice(read.length).map((w) => w.by)).toEqual([
      "Karim Rahman",
      "Karim Rahman",
    ]);
    expect(all.writes.map((w) => w.seq)).toEqual(all.writes.map((_, i) => i + 1));
    expect(all).toMatchObject({ cursor: all.writes.length, more: false });
    const first = await pull(token, 0, 1);
    expect(first).toMatchObject({ cursor: 1, more: true });
    expect((await pull(token, all.cursor - 1)).writes.map((w) => w.write.id)).toEqual([b.id]);
    // A device is not sent its own writes back; its cursor still moves past them.
    const forPhone = (await (
      await server.api("GET", "/api/sync/pull?since=0&device=phone-a", token)
    ).json()) as typeof all;
    expect(forPhone.writes.map((w) => w.write.id)).toEqual(
      all.writes.filter((w) => w.write.device !== "phone-a").map((w) => w.write.id),
    );
    expect(forPhone.cursor).toBe(all.cursor);
    const ownOnly = (await (
      await server.api(
        "GET",
        `/api/sync/pull?since=${all.cursor - 2}&limit=1&device=phone-a`,
        token,
      )
    ).json()) as typeof all;
    expect(ownOnly).toEqual({ writes: [], cursor: all.cursor - 1, more: true });

    // A person picks 1,100.00 having seen both; a machine reading afterwards does not undo it.
    await push(token, "phone-a", [
      write("phone-a", id, { value: 110_000, replaces: [a.id, b.id] }),
    ]);
    await push(token, "phone-a", [
      write("phone-a", id, { value: 5, provenance: "local_ocr", confidence: 0.99 }),
    ]);
    inv = await invoice(token, id);
    expect(inv.fields.total).toEqual({ value: 110_000, confidence: 1, provenance: "human" });
    expect(inv.reviewReasons.some((r) => r.includes("two devices"))).toBe(false);
    // What stays is the checks' word: 1,100.00 does not add up with the subtotal and VAT read.
    expect(inv.checks.map((c) => c.check)).toContain("total-adds-up");
    expect(inv.reviewReasons).toContain(
      inv.checks.find((c) => c.check === "total-adds-up")?.message.en,
    );

    // An edit through the API is a write like any other: devices pull it.
    const cursor = (await pull(token)).cursor;
    const patched = await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { notes: "নগদ" },
    });
    expect(patched.status).toBe(200);
    expect((await pull(token, cursor)).writes.map((w) => w.write)).toMatchObject([
      { field: "notes", value: "নগদ", provenance: "human", device: "server" },
    ]);

    // The history: who changed the total, on which device, when, from what to what.
    const history = (await (
      await server.api("GET", `/api/invoices/${id}/history`, token)
    ).json()) as {
      changes: {
        field: string;
        from: unknown[];
        to: unknown;
        device: string;
        by: string | null;
        provenance: string;
        at: string;
      }[];
    };
    const totals = history.changes.filter(
      (c) => c.field === "total" && c.provenance !== "server_ocr",
    );
    expect(totals.map((c) => [c.device, c.by, c.from, c.to])).toEqual([
      ["phone-a", "Karim Rahman", [], 100_000],
      ["desk-b", "Karim Rahman", [], 120_000],
      ["phone-a", "Karim Rahman", [100_000, 120_000], 110_000],
      ["phone-a", "Karim Rahman", [], 5],
    ]);
    expect(totals[0]?.at).toBe(new Date(Number(a.at.slice(0, 16))).toISOString());
    expect(history.changes.find((c) => c.field === "notes")).toMatchObject({
      device: "server",
      by: "Karim Rahman",
      to: "নগদ",
    });
    const stranger = await server.signup();
    expect((await server.api("GET", `/api/invoices/${id}/history`, stranger)).status).toBe(404);
  });

  it("applies edits pushed before the pages from the start, and still reads an invoice they dispute", async () => {
    const token = await server.signup();
    const id = uuidv7();
    const a = write("phone-a", id, { value: 150_000 });
    const b = write("desk-b", id, { value: 160_000 });
    const name = write("phone-a", id, { field: "supplierName", value: "পদ্মা ট্রেডার্স" });
    await push(token, "phone-a", [a, name]);
    await push(token, "desk-b", [b]);
    expect((await server.api("GET", `/api/invoices/${id}`, token)).status).toBe(404);

    const { bytes } = await renderInvoiceImage({
      supplierName: "Padma Traders",
      invoiceNumber: "PT-77",
      format: "jpeg",
    });
    await server.upload(token, [{ bytes, name: "memo.jpg" }], {
      id,
      name: "Karim",
      email: "k@example.com",
    });
    const created = await invoice(token, id);
    expect(created.status).toBe("captured");
    expect(created.fields.supplierName?.value).toBe("পদ্মা ট্রেডার্স");

    // The two totals conflict, yet the server reads the page; then the conflict sends it to review.
    const read = await server.waitForInvoice(token, id, (inv) => inv.status !== "captured");
    expect(read.status).toBe("needs_review");
    expect(read.reviewReasons[0]).toMatch(/^total edited on two devices/);
    expect(read.fields.invoiceNumber).toMatchObject({ value: "PT-77", provenance: "server_ocr" });
    expect(read.fields.supplierName).toEqual({
      value: "পদ্মা ট্রেডার্স",
      confidence: 1,
      provenance: "human",
    });
  });

  it("refuses a bad write with its reason and takes the good ones of the same batch", async () => {
    const token = await server.signup();
    const laterInvoice = uuidv7();
    const good = write("phone-a", laterInvoice, {
      field: "notes",
      value: "<b>paid</b>; DROP TABLE x",
    });
    const bad = write("phone-a", laterInvoice, { field: "issueDate", value: "2026-02-30" });
    const result = await push(token, "phone-a", [good, bad, { nonsense: true }]);
    expect(result.accepted).toEqual([good.id]);
    expect(result.rejected).toEqual([
      { id: bad.id, reason: "value: issueDate: not a real calendar date" },
      { id: "#2", reason: expect.stringContaining("id:") },
    ]);
    // The invoice's pages have not arrived yet: its writes wait on the server for other devices,
    // and are laid over the server's reading once the pages come.
    expect((await pull(token)).writes.map((w) => w.write.value)).toEqual([
      "<b>paid</b>; DROP TABLE x",
    ]);
    const total = write("phone-a", laterInvoice, { value: 4_200_000 });
    await push(token, "phone-a", [total]);
    const { bytes } = await renderInvoiceImage({ supplierName: "Titas Traders", format: "jpeg" });
    await server.upload(token, [{ bytes, name: "late.jpg" }], {
      id: laterInvoice,
      name: "Karim",
      email: "k@example.com",
    });
    const read = await server.waitForInvoice(
      token,
      laterInvoice,
      (inv) => inv.status !== "captured",
    );
    expect(read.fields.total).toEqual({ value: 4_200_000, confidence: 1, provenance: "human" });
    expect(read.fields.notes?.value).toBe("<b>paid</b>; DROP TABLE x");
    expect(read.fields.supplierName?.provenance).toBe("server_ocr");

    const other = await server.signup();
    expect((await pull(other)).writes).toEqual([]);
    const malformed = await server.api("POST", "/api/sync/push", token, "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toContain("application/problem+json");
  });
});
