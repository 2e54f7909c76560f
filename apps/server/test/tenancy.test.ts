import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";
import { renderInvoiceImage } from "./render-invoice";

describe.each(dbTargets())("tenancy on $name PostgreSQL", (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  it("never shows, edits or serves another organisation's invoice", async () => {
    const alice = await server.signup();
    const bob = await server.signup();
    const { bytes } = await renderInvoiceImage({ supplierName: "Secret Supplier" });
    const { id } = (await (
      await server.upload(alice, [{ bytes, name: "a.png", type: "image/png" }])
    ).json()) as {
      id: string;
    };
    expect((await server.api("GET", `/api/invoices/${id}`, alice)).status).toBe(200);

    expect((await server.api("GET", `/api/invoices/${id}`, bob)).status).toBe(404);
    expect((await server.api("GET", `/api/invoices/${id}/pages/1`, bob)).status).toBe(404);
    const patch = await server.api("PATCH", `/api/invoices/${id}`, bob, { fields: { total: 1 } });
    expect(patch.status).toBe(404);
    const list = (await (await server.api("GET", "/api/invoices", bob)).json()) as {
      invoices: unknown[];
    };
    expect(list.invoices).toEqual([]);

    // Bob re-using Alice's id for his own upload is refused, not merged into her invoice.
    const clash = await server.upload(bob, [{ bytes, name: "b.png", type: "image/png" }], {
      id,
      name: "Bob",
      email: "bob@example.com",
    });
    expect(clash.status).toBe(202);
    const mine = (await (await server.api("GET", `/api/invoices/${id}`, alice)).json()) as {
      submitter: { email: string };
    };
    expect(mine.submitter.email).toBe("karim@example.com");
  });
});
