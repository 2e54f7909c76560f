import { createHash } from "node:crypto";
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

  const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
  const held = (token: string, sha256: string) =>
    server.api("GET", `/api/sync/pages/${sha256}`, token).then((r) => r.status);

  async function uploadPage(token: string, bytes: Buffer, filename: string, sha256 = sha(bytes)) {
    const url = await create(token, bytes.length, { sha256, filename });
    return patch(token, url, 0, bytes);
  }

  it("takes an invoice's pages one by one, resumed, and commits them in order under the device's id", async () => {
    const token = await server.signup();
    const [first, second] = await Promise.all(
      ["Padma Hardware", "Padma Hardware p2"].map((supplierName) =>
        renderInvoiceImage({ supplierName, format: "jpeg" }).then((r) => r.bytes),
      ),
    );
    const [a, b] = [first as Buffer, second as Buffer];
    expect(await held(token, sha(a))).toBe(404);

    const url = await create(token, a.length, { sha256: sha(a), filename: "p1.jpg" });
    expect((await patch(token, url, 0, a.subarray(0, 1000))).status).toBe(204);
    const offset = Number(
      (await fetch(url, { method: "HEAD", headers: tus(token) })).headers.get("upload-offset"),
    );
    const done = await patch(token, url, offset, a.subarray(offset));
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ sha256: sha(a), size: a.length });
    expect((await uploadPage(token, b, "p2.jpg")).status).toBe(200);
    expect(await held(token, sha(a))).toBe(200);

    const id = "0192f5a4-7c1e-7000-8000-00000000a001";
    const commit = {
      id,
      name: "Rina",
      email: "rina@example.com",
      pages: [
        { sha256: sha(a), filename: "p1.jpg" },
        { sha256: sha(b), filename: "p2.jpg" },
      ],
    };
    const res = await server.api("POST", "/api/sync/invoices", token, commit);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ id, status: "captured" });
    // The answer was lost and the device commits again: still one invoice.
    expect((await server.api("POST", "/api/sync/invoices", token, commit)).status).toBe(202);
    const list = (await (await server.api("GET", "/api/invoices", token)).json()) as {
      invoices: { id: string; pages: { sha256: string }[] }[];
    };
    expect(list.invoices.map((i) => [i.id, i.pages.map((p) => p.sha256)])).toEqual([
      [id, [sha(a), sha(b)]],
    ]);
  });

  it("names the pages it does not hold, and never lets a SHA-256 stand in for another organisation's page", async () => {
    const alice = await server.signup();
    const bob = await server.signup();
    const page = (await renderInvoiceImage({ supplierName: "Bob's Stationery", format: "jpeg" }))
      .bytes;
    expect((await uploadPage(bob, page, "b.jpg")).status).toBe(200);
    expect(await held(bob, sha(page))).toBe(200);
    expect(await held(alice, sha(page))).toBe(404);

    const res = await server.api("POST", "/api/sync/invoices", alice, {
      id: "0192f5a4-7c1e-7000-8000-00000000a002",
      name: "Alice",
      email: "alice@example.com",
      pages: [{ sha256: sha(page), filename: "b.jpg" }],
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { missing: string[] }).missing).toEqual([sha(page)]);
    const list = (await (await server.api("GET", "/api/invoices", alice)).json()) as {
      invoices: unknown[];
    };
    expect(list.invoices).toEqual([]);
  });

  it("refuses a page that arrived damaged or is not an image, and keeps neither", async () => {
    const token = await server.signup();
    const page = (await renderInvoiceImage({ supplierName: "Karnaphuli", format: "jpeg" })).bytes;
    const damaged = Buffer.from(page);
    const mid = damaged.length >> 1;
    damaged[mid] = (damaged[mid] as number) ^ 0xff;
    const res = await uploadPage(token, damaged, "k.jpg", sha(page));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/k\.jpg arrived damaged/);
    expect(await held(token, sha(page))).toBe(404);
    expect(await held(token, sha(damaged))).toBe(404);

    const torn = page.subarray(0, 2000);
    const tornRes = await uploadPage(token, torn, "torn.jpg");
    expect(tornRes.status).toBe(422);
    expect(await held(token, sha(torn))).toBe(404);

    const bad = await fetch(`${server.url}/api/uploads`, {
      method: "POST",
      headers: tus(token, { "upload-length": "10", "upload-metadata": meta({ sha256: "abc" }) }),
    });
    expect(bad.status).toBe(400);
    const commit = await server.api("POST", "/api/sync/invoices", token, {
      id: "not-a-uuid",
      name: "A",
      email: "a@example.com",
      pages: [],
    });
    expect(commit.status).toBe(400);
  });
});
