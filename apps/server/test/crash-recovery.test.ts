import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, dbTargets } from "./databases";
import { freePort } from "./free-port";
import { renderInvoiceImage } from "./render-invoice";
import { startSmtpSink } from "./smtp-sink";
import { spawnServer } from "./spawn-chalan";

describe.each(dbTargets())("SIGKILL during uploads, $name PostgreSQL", (target) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it("finishes every accepted invoice after restart and emails each exactly once", async () => {
    const smtp = await startSmtpSink();
    cleanup.push(smtp.close);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      PORT: String(port),
      HOST: "127.0.0.1",
      CHALAN_DATA_DIR: await mkdtemp(path.join(tmpdir(), "chalan-crash-")),
      CHALAN_PG_PORT: String(await freePort()),
      SMTP_URL: smtp.url,
      // The embedded run uses the server's own PostgreSQL in its data folder, as `npm start` does.
      ...(target.name === "embedded" ? {} : { DATABASE_URL: await createDatabase(target) }),
    };

    let server = await spawnServer(env);
    const signup = await fetch(`${base}/api/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        orgName: "Crash Test Ltd",
        name: "Owner",
        email: "owner@crash.test",
        password: "long enough pw",
      }),
    });
    const { token } = (await signup.json()) as { token: string };

    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        renderInvoiceImage({
          supplierName: `Supplier ${i + 1} Traders`,
          invoiceNumber: `CR-${i + 1}`,
          issueDate: "2026-03-18",
          lines: [{ description: "Goods", qty: i + 1, unitPrice: 12_345 }],
          vatRate: 0.15,
          format: "jpeg",
        }),
      ),
    );
    const uploads = pages.map(async (p, i) => {
      const form = new FormData();
      form.append("name", `Clerk ${i}`);
      form.append("email", `clerk${i}@crash.test`);
      form.append("file", new Blob([new Uint8Array(p.bytes)], { type: "image/jpeg" }), `p${i}.jpg`);
      const res = await fetch(`${base}/upload-invoice`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (res.status !== 202) throw new Error(`upload ${i}: ${res.status}`);
      return ((await res.json()) as { id: string }).id;
    });
    // Kill once a few uploads are acknowledged and the rest are still in flight or being read.
    await Promise.race([
      Promise.all(uploads.slice(0, 5)),
      new Promise((r) => setTimeout(r, 15_000)),
    ]);
    // Handlers first: the uploads in flight fail while the server dies.
    const settling = Promise.allSettled(uploads);
    await server.kill();
    const settled = await settling;
    const accepted = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    expect(accepted.length).toBeGreaterThanOrEqual(5);

    server = await spawnServer(env);
    cleanup.push(async () => {
      server.child.kill("SIGTERM");
      await new Promise((r) => server.child.once("exit", r));
    });

    // Every invoice the server knows of (accepted, or committed just before the kill) gets read.
    const listAll = async () =>
      (
        (await (
          await fetch(`${base}/api/invoices`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as {
          invoices: { id: string; status: string; submitter: { email: string } }[];
        }
      ).invoices;
    const deadline = Date.now() + 240_000;
    let invoices = await listAll();
    while (invoices.some((i) => i.status === "captured") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      invoices = await listAll();
    }
    const ids = new Set(invoices.map((i) => i.id));
    console.log(
      `${accepted.length}/20 uploads acknowledged before SIGKILL; ${ids.size} invoices after restart`,
    );
    for (const id of accepted) expect(ids.has(id)).toBe(true);
    for (const inv of invoices) expect(["extracted", "needs_review"]).toContain(inv.status);

    await smtp.waitFor(invoices.length, 120_000);
    await new Promise((r) => setTimeout(r, 3000));
    const perInvoice = new Map<string, number>();
    for (const m of smtp.messages) {
      const id =
        /<invoice-received\.([0-9a-f-]+)@chalan>/.exec(m.parsed.messageId ?? "")?.[1] ?? "?";
      perInvoice.set(id, (perInvoice.get(id) ?? 0) + 1);
    }
    expect([...perInvoice.keys()].sort()).toEqual([...ids].sort());
    expect([...perInvoice.values()].every((n) => n === 1)).toBe(true);
    for (const inv of invoices) {
      const mail = smtp.messages.find((m) => m.parsed.messageId?.includes(inv.id));
      expect(mail?.envelopeTo).toEqual([inv.submitter.email]);
    }
  }, 420_000);
});
