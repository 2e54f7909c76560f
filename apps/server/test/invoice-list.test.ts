import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";
import { renderInvoiceImage } from "./render-invoice";

describe.each(dbTargets())("listing invoices on $name PostgreSQL", (target) => {
  let server: TestServer;
  let token: string;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(target);
    token = await server.signup();
    for (const [i, date] of ["2026-01-15", "2026-02-10", "2026-03-05"].entries()) {
      const { bytes } = await renderInvoiceImage({
        supplierName: `Supplier ${i}`,
        invoiceNumber: `L-${i}`,
        issueDate: date,
        lines: [{ description: "x", qty: 1, unitPrice: 10_000 * (i + 1) }],
        vatRate: 0,
      });
      const res = await server.upload(token, [{ bytes, name: `${i}.png`, type: "image/png" }]);
      const { id } = (await res.json()) as { id: string };
      ids.push(id);
      // Issue dates fixed by a clerk, so the filters do not depend on OCR.
      await server.api("PATCH", `/api/invoices/${id}`, token, { fields: { issueDate: date } });
    }
    for (const id of ids) await server.waitForInvoice(token, id, (i) => i.status !== "captured");
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const list = async (query: string) => {
    const res = await server.api("GET", `/api/invoices${query}`, token);
    expect(res.status).toBe(200);
    return ((await res.json()) as { invoices: { id: string; status: string }[] }).invoices.map(
      (i) => i.id,
    );
  };

  it("filters by the invoice's date range, inclusive", async () => {
    expect(await list("?from=2026-02-01&to=2026-03-05")).toEqual([ids[2], ids[1]]);
    expect(await list("?to=2026-01-31")).toEqual([ids[0]]);
    expect(await list("")).toEqual([...ids].reverse());
  });

  it("filters by status", async () => {
    const all = (await (await server.api("GET", "/api/invoices", token)).json()) as {
      invoices: { id: string; status: string }[];
    };
    const status = all.invoices[0]?.status as string;
    const expected = all.invoices.filter((i) => i.status === status).map((i) => i.id);
    expect(await list(`?status=${status}`)).toEqual(expected);
    expect(await list("?status=posted")).toEqual([]);
  });

  it("rejects impossible dates and unknown statuses with a clear problem", async () => {
    for (const q of [
      "?from=2026-02-30",
      "?status=paid",
      "?from=2026-03-01&to=2026-02-01",
      "?limit=0",
    ]) {
      const res = await server.api("GET", `/api/invoices${q}`, token);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("problem+json");
    }
  });
});
