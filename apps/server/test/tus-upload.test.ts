import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";
import { renderInvoiceImage } from "./render-invoice";

const meta = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString("base64")}`)
    .join(",");

describe.each(dbTargets())("resumable (tus) upload on $name PostgreSQL", (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const tus = (token: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    "tus-resumable": "1.0.0",
    ...extra,
  });

  async function create(token: string, length: number, fields: Record<string, string>) {
    const res = await fetch(`${server.url}/api/uploads`, {
      method: "POST",
      headers: tus(token, { "upload-length": String(length), "upload-metadata": meta(fields) }),
    });
    expect(res.status).toBe(201);
    return new URL(res.headers.get("location") as string, server.url).toString();
  }

  const patch = (token: string, url: string, offset: number, chunk: Buffer) =>
    fetch(url, {
      method: "PATCH",
      headers: tus(token, {
        "upload-offset": String(offset),
        "content-type": "application/offset+octet-stream",
      }),
      body: new Uint8Array(chunk),
    });

  it("resumes from the acknowledged offset and ends in the same pipeline", async () => {
    const token = await server.signup();
    const invoice = await renderInvoiceImage({
      supplierName: "Surma Electric",
      invoiceNumber: "SE-44",
      issueDate: "2026-04-02",
      lines: [{ description: "Cable 10 m", qty: 5, unitPrice: 75_000 }],
      vatRate: 0.15,
      format: "jpeg",
    });
    const url = await create(token, invoice.bytes.length, {
      name: "Rina",
      email: "rina@example.com",
      filename: "bill.jpg",
    });
    // The link drops after the first part: the server keeps what it acknowledged.
    const half = Math.floor(invoice.bytes.length / 2);
    expect((await patch(token, url, 0, invoice.bytes.subarray(0, half))).status).toBe(204);
    const head = await fetch(url, { method: "HEAD", headers: tus(token) });
    const offset = Number(head.headers.get("upload-offset"));
    expect(offset).toBe(half);

    const done = await patch(token, url, offset, invoice.bytes.subarray(offset));
    expect(done.status).toBe(200);
    const { id, status } = (await done.json()) as { id: string; status: string };
    expect(status).toBe("captured");
    const inv = await server.waitForInvoice(token, id, (i) => i.status !== "captured");
    expect(inv.fields.total?.value).toBe(invoice.total);
  });

  it("refuses another organisation's upload and a missing token", async () => {
    const alice = await server.signup();
    const bob = await server.signup();
    const url = await create(alice, 10, { name: "A", email: "a@example.com" });
    expect((await fetch(url, { method: "HEAD", headers: tus(bob) })).status).toBe(404);
    expect((await patch(bob, url, 0, Buffer.from("0123456789"))).status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/uploads`, {
      method: "POST",
      headers: { "tus-resumable": "1.0.0", "upload-length": "10" },
    });
    expect(anonymous.status).toBe(401);
  });

  it("rejects a finished upload that is not an invoice image, leaving no invoice", async () => {
    const token = await server.signup();
    const text = Buffer.from("just some text, not a photo");
    const url = await create(token, text.length, {
      name: "A",
      email: "a@example.com",
      filename: "x.jpg",
    });
    const res = await patch(token, url, 0, text);
    expect(res.status).toBe(415);
    expect(((await res.json()) as { detail: string }).detail).toMatch(
      /not a JPEG, PNG, WebP or PDF/,
    );
    const list = (await (await server.api("GET", "/api/invoices", token)).json()) as {
      invoices: unknown[];
    };
    expect(list.invoices).toEqual([]);
  });
});
