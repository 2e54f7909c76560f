import { type SupplierPullResponse, uuidv7 } from "@chalan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";

describe.each(dbTargets())("suppliers and their sync on $name PostgreSQL", (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const pull = async (token: string, since = 0, limit = 500) =>
    (await (
      await server.api("GET", `/api/sync/suppliers?since=${since}&limit=${limit}`, token)
    ).json()) as SupplierPullResponse;

  const meghna = {
    name: "Meghna Stores",
    nameBn: "মেঘনা স্টোর্স",
    aliases: ["M/S Meghna Store"],
    bin: "0012345670101",
    phone: "01711223344",
    payment: "bKash 01711223344",
    usualVatRate: 0.075,
  };

  it("keeps a supplier as given and hands every change to devices in order, removals too", async () => {
    const token = await server.signup();
    const id = uuidv7();
    const put = await server.api("PUT", `/api/suppliers/${id}`, token, meghna);
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ id, ...meghna });

    const renamed = { ...meghna, name: "Meghna Stores Ltd", usualVatRate: 0.15 };
    await server.api("PUT", `/api/suppliers/${id}`, token, renamed);
    const other = uuidv7();
    await server.api("PUT", `/api/suppliers/${other}`, token, {
      name: "<b>Padma</b>'; DROP TABLE suppliers;--",
    });
    expect(
      (
        (await (await server.api("GET", "/api/suppliers", token)).json()) as {
          suppliers: { name: string }[];
        }
      ).suppliers.map((s) => s.name),
    ).toEqual(["<b>Padma</b>'; DROP TABLE suppliers;--", "Meghna Stores Ltd"]);

    // A device that never synced gets each supplier once, as it is now.
    const first = await pull(token);
    expect(first.suppliers.map((s) => [s.supplier.id, s.supplier.name, s.deleted])).toEqual([
      [id, "Meghna Stores Ltd", false],
      [other, "<b>Padma</b>'; DROP TABLE suppliers;--", false],
    ]);
    expect(first.suppliers[0]?.supplier.usualVatRate).toBe(0.15);

    expect((await server.api("DELETE", `/api/suppliers/${other}`, token)).status).toBe(204);
    expect((await server.api("DELETE", `/api/suppliers/${other}`, token)).status).toBe(404);
    const next = await pull(token, first.cursor);
    expect(next.suppliers.map((s) => [s.supplier.id, s.deleted])).toEqual([[other, true]]);
    expect(next.cursor).toBeGreaterThan(first.cursor);
    const paged = await pull(token, 0, 1);
    expect(paged).toMatchObject({ more: true, cursor: first.suppliers[0]?.seq });
  });

  it("refuses a bad BIN, TIN or phone by name and stores nothing", async () => {
    const token = await server.signup();
    const id = uuidv7();
    const res = await server.api("PUT", `/api/suppliers/${id}`, token, {
      name: "Jamuna",
      bin: "১২৩",
      tin: "12",
      phone: "12345",
    });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { field: string }[] };
    expect(errors.map((e) => e.field).sort()).toEqual(["bin", "phone", "tin"]);
    expect((await server.api("PUT", `/api/suppliers/${id}`, token, "{not json")).status).toBe(400);
    expect((await pull(token)).suppliers).toEqual([]);
  });

  it("shows one business none of another's suppliers", async () => {
    const alice = await server.signup();
    const bob = await server.signup();
    const id = uuidv7();
    await server.api("PUT", `/api/suppliers/${id}`, alice, meghna);
    expect((await pull(bob)).suppliers).toEqual([]);
    expect((await server.api("DELETE", `/api/suppliers/${id}`, bob)).status).toBe(404);
    expect(
      (await server.api("GET", "/api/suppliers", bob).then((r) => r.json())) as unknown,
    ).toEqual({
      suppliers: [],
    });
  });
});
