import { formatHlc, ReviewState, uuidv7 } from "@chalan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { type ApiInvoice, startTestServer, type TestServer } from "./harness";
import { photograph } from "./photograph";
import { renderInvoiceImage } from "./render-invoice";

describe.each(dbTargets())("checks on the server on $name PostgreSQL", (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const read = (token: string, id: string) =>
    server.waitForInvoice(token, id, (inv) => inv.status !== "captured");
  const upload = async (token: string, bytes: Buffer, id = uuidv7()) => {
    const res = await server.upload(token, [{ bytes, name: "memo.jpg" }], {
      id,
      name: "Karim",
      email: "k@example.com",
    });
    expect(res.status).toBe(202);
    return id;
  };

  it("catches the same invoice sent from two devices, naming the one already in", async () => {
    const token = await server.signup();
    const { bytes } = await renderInvoiceImage({
      supplierName: "Meghna Stores",
      invoiceNumber: "MS-2026-118",
      issueDate: "2026-11-02",
      format: "jpeg",
    });
    const phone = await upload(token, bytes);
    const desk = await upload(token, bytes);
    const [a, b] = [await read(token, phone), await read(token, desk)];
    const flagged = [a, b].filter((inv) => inv.checks.some((c) => c.check === "duplicate-number"));
    expect(flagged).toHaveLength(1);
    const [dup] = flagged as [ApiInvoice];
    const first = dup.id === phone ? desk : phone;
    expect(dup.status).toBe("needs_review");
    expect(dup.reviewReasons.join(" ")).toContain(`already in Chalan (${first})`);
    expect(dup.checks.find((c) => c.check === "duplicate-number")?.message.bn).toContain(first);
  });

  it("flags the copy captured later even when it reaches the server and is read first", async () => {
    const token = await server.signup();
    const { bytes } = await renderInvoiceImage({
      supplierName: "Rupsha Fish Traders",
      invoiceNumber: "RF-0091",
      issueDate: "2026-11-12",
      format: "jpeg",
    });
    // The phone captured first (the smaller id) but was offline; the desk's copy arrived first.
    const [phone, desk] = [uuidv7(), uuidv7()];
    const early = await read(token, await upload(token, bytes, desk));
    expect(early.checks.map((c) => c.check)).not.toContain("duplicate-number");
    const first = await read(token, await upload(token, bytes, phone));
    expect(first.checks.map((c) => c.check)).not.toContain("duplicate-number");
    const again = await server.api("GET", `/api/invoices/${desk}`, token);
    const copy = (await again.json()) as ApiInvoice;
    expect(copy.checks.find((c) => c.check === "duplicate-number")?.message.en).toContain(phone);
    expect(copy.status).toBe("needs_review");
  });

  it("catches a second photo of the same paper invoice, taken askew on a desk", async () => {
    const token = await server.signup();
    const scan = await renderInvoiceImage({
      supplierName: "Karnaphuli Paper Mills",
      invoiceNumber: "KPM-5531",
      issueDate: "2026-10-14",
      lines: [{ description: "Newsprint 48 gsm (ream)", qty: 12, unitPrice: 215_000 }],
      format: "jpeg",
    });
    const first = await upload(token, scan.bytes);
    await read(token, first);
    const { photo } = await photograph(scan.bytes, { degrees: 3, shadow: 0.25 });
    const again = await read(token, await upload(token, photo));
    expect(again.fields.invoiceNumber?.value).toBe("KPM-5531");
    expect(again.checks.find((c) => c.check === "duplicate-number")?.message.en).toContain(first);
    expect(again.status).toBe("needs_review");
  });

  it("catches a re-photo of a memo with no number by its page, and leaves another memo of the same layout alone", async () => {
    const token = await server.signup();
    const memo = (lines: { description: string; qty: number; unitPrice: number }[]) =>
      renderInvoiceImage({
        supplierName: "Padma Hardware",
        invoiceNumber: "",
        issueDate: "2026-11-05",
        lines,
        format: "jpeg",
      });
    const paper = await memo([{ description: "GI wire 18 gauge (kg)", qty: 6, unitPrice: 18_500 }]);
    const first = await upload(token, (await photograph(paper.bytes, { degrees: 2 })).photo);
    await read(token, first);
    const retaken = await photograph(paper.bytes, { degrees: -3, shadow: 0.3, contrast: 0.8 });
    const again = await read(token, await upload(token, retaken.photo));
    expect(again.fields.invoiceNumber).toBeUndefined();
    const found = again.checks.find((c) => c.check === "duplicate-page");
    expect(found?.severity).toBe("error");
    expect(found?.message.en).toContain(first);
    expect(again.status).toBe("needs_review");

    const next = await memo([
      { description: "Padlock 50 mm", qty: 4, unitPrice: 32_000 },
      { description: "Hinge 4 inch (pair)", qty: 10, unitPrice: 9_000 },
    ]);
    const other = await read(
      token,
      await upload(token, (await photograph(next.bytes, { degrees: 1 })).photo),
    );
    expect(other.checks.map((c) => c.check)).not.toContain("duplicate-page");
  });

  it("compares the BIN and VAT rate with the supplier's, matched by any of its names", async () => {
    const token = await server.signup();
    const supplierId = uuidv7();
    await server.api("PUT", `/api/suppliers/${supplierId}`, token, {
      name: "Jamuna Hardware",
      nameBn: "যমুনা হার্ডওয়্যার",
      aliases: ["M/S Jamuna Hardware & Sons"],
      bin: "0012345670101",
      usualVatRate: 0.075,
    });
    const { bytes } = await renderInvoiceImage({
      supplierName: "Jamuna Hardware",
      invoiceNumber: "JH-7",
      issueDate: "2026-11-02",
      format: "jpeg",
    });
    const id = await upload(token, bytes);
    const inv = await read(token, id);
    expect(inv.supplierId).toBe(supplierId);
    expect(inv.checks.map((c) => [c.check, c.severity])).toContainEqual([
      "vat-rate-usual",
      "warning",
    ]);

    const res = await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { supplierBin: "0098765430101" },
    });
    const patched = (await res.json()) as ApiInvoice;
    expect(patched.checks.find((c) => c.check === "bin-matches-supplier")).toMatchObject({
      severity: "error",
      fields: ["supplierBin"],
    });
    expect(patched.status).toBe("needs_review");

    // Approval: errors must be fixed first, warnings accepted by name (and who did is kept).
    const approve = (body: unknown) =>
      server.api("POST", `/api/invoices/${id}/approve`, token, body);
    const blocked = await approve({});
    expect(blocked.status).toBe(409);
    expect(((await blocked.json()) as { detail: string }).detail).toMatch(
      /^Fix these before approving: The BIN/,
    );
    await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { supplierBin: "0012345670101" },
    });
    const warned = await approve({});
    expect(warned.status).toBe(409);
    expect(((await warned.json()) as { warnings: { en: string }[] }).warnings[0]?.en).toMatch(
      /usually charges 7\.5% VAT/,
    );
    const approved = await approve({ acceptWarnings: true });
    expect(approved.status).toBe(200);
    // The answer is what the web app parses: core's ReviewState.
    const done = ReviewState.parse(await approved.json());
    expect(done.status).toBe("approved");
    expect(done.approval?.by).toMatch(/^[0-9a-f-]{36}$/);
    expect(done.approval?.byName).toBe("Karim Rahman");
    expect(done.approval?.acceptedWarnings.map((w) => w.check)).toEqual(["vat-rate-usual"]);
  });

  it("learns a spelling as an alias once a reviewer names the supplier, and matches it next time", async () => {
    const token = await server.signup();
    const supplierId = uuidv7();
    await server.api("PUT", `/api/suppliers/${supplierId}`, token, {
      name: "Chittagong Steel Mills",
      bin: "0012345670101",
    });
    const render = (invoiceNumber: string) =>
      renderInvoiceImage({ supplierName: "CSM Rod Depot", invoiceNumber, format: "jpeg" });
    const first = await read(token, await upload(token, (await render("R-1")).bytes));
    expect(first.supplierId).toBeNull();

    const res = await server.api("POST", `/api/invoices/${first.id}/supplier`, token, {
      supplierId,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ApiInvoice).supplierId).toBe(supplierId);
    const { suppliers } = (await (await server.api("GET", "/api/suppliers", token)).json()) as {
      suppliers: { id: string; aliases: string[] }[];
    };
    expect(suppliers[0]?.aliases).toEqual([first.fields.supplierName?.value]);

    const second = await read(token, await upload(token, (await render("R-2")).bytes));
    expect(second.supplierId).toBe(supplierId);
    const unknown = await server.api("POST", `/api/invoices/${first.id}/supplier`, token, {
      supplierId: uuidv7(),
    });
    expect(unknown.status).toBe(404);
  });

  it("keeps a disputed total disputed when another field is edited", async () => {
    const token = await server.signup();
    const { bytes } = await renderInvoiceImage({ supplierName: "Surma Foods", format: "jpeg" });
    const id = await upload(token, bytes);
    await read(token, id);
    let wall = Date.UTC(2026, 11, 2, 5);
    const write = (device: string, value: number) => ({
      id: uuidv7(),
      invoiceId: id,
      field: "total",
      value,
      provenance: "human",
      confidence: 1,
      at: formatHlc({ wall: ++wall, counter: 0, node: device }),
      device,
      replaces: [],
    });
    await server.api("POST", "/api/sync/push", token, {
      device: "a",
      writes: [write("a", 100_00)],
    });
    await server.api("POST", "/api/sync/push", token, {
      device: "b",
      writes: [write("b", 200_00)],
    });
    const res = await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { notes: "paid in cash" },
    });
    const inv = (await res.json()) as ApiInvoice;
    expect(inv.status).toBe("needs_review");
    expect(inv.reviewReasons[0]).toMatch(/^total edited on two devices/);
  });
});
