import { readdir } from "node:fs/promises";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";
import { renderInvoiceImage } from "./render-invoice";
import { startSmtpSink } from "./smtp-sink";

describe.each(dbTargets())("upload → extract → email on $name PostgreSQL", (target) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(target, { SMTP_URL: smtp.url, MAX_UPLOAD_MB: "25" });
  });
  afterAll(async () => {
    await server?.chalan.stop();
    await smtp?.close();
  });

  it("reads a rendered invoice, stores its total and emails the submitter", async () => {
    const token = await server.signup();
    const invoice = await renderInvoiceImage({
      supplierName: "Padma Traders Ltd",
      invoiceNumber: "PT-2026-0318",
      issueDate: "2026-03-18",
      lines: [
        { description: "Rice (Miniket) 50 kg", qty: 4, unitPrice: 320_000 },
        { description: "Soybean oil 5 L", qty: 10, unitPrice: 86_000 },
      ],
      vatRate: 0.15,
      format: "jpeg",
    });
    const res = await server.upload(token, [{ bytes: invoice.bytes, name: "memo.jpg" }], {
      name: "Nasrin Akter",
      email: "nasrin@example.com",
    });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { id: string; status: string };
    expect(accepted.status).toBe("captured");

    const inv = await server.waitForInvoice(token, accepted.id, (i) => i.status !== "captured");
    expect(inv.status).toBe("extracted");
    expect(inv.fields.total).toMatchObject({ value: invoice.total, provenance: "server_ocr" });
    expect(inv.fields.issueDate?.value).toBe("2026-03-18");

    const [mail] = await smtp.waitFor(1);
    expect(mail?.envelopeTo).toEqual(["nasrin@example.com"]);
    const taka = (invoice.total / 100).toLocaleString("en-IN", { minimumFractionDigits: 2 });
    expect(mail?.parsed.subject).toBe(
      `Invoice received: ${inv.fields.supplierName?.value ?? "Unknown supplier"} ৳${taka}`,
    );

    const page = await server.api("GET", inv.pages[0]?.url ?? "", token);
    expect(page.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await page.arrayBuffer()).equals(invoice.bytes)).toBe(true);
  });

  it("records a human edit with human provenance", async () => {
    const token = await server.signup();
    const { bytes } = await renderInvoiceImage({
      supplierName: "Meghna Stores",
      invoiceNumber: "M-7",
      issueDate: "2026-02-01",
      lines: [{ description: "Sugar 1 kg", qty: 3, unitPrice: 14_000 }],
      vatRate: 0.05,
    });
    const { id } = (await (
      await server.upload(token, [{ bytes, name: "a.png", type: "image/png" }])
    ).json()) as {
      id: string;
    };
    const res = await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { total: 1_190_000, issueDate: "2026-03-18" },
    });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as {
      fields: Record<string, { value: unknown; provenance: string }>;
    };
    expect(edited.fields.total).toMatchObject({ value: 1_190_000, provenance: "human" });
    // The reader finishing afterwards must not overwrite what the person typed.
    const done = await server.waitForInvoice(token, id, (i) => i.status !== "captured");
    expect(done.fields.total).toMatchObject({ value: 1_190_000, provenance: "human" });
    expect(done.fields.issueDate).toMatchObject({ value: "2026-03-18", provenance: "human" });
  });

  it("keeps the pages of a multi-page invoice in order", async () => {
    const token = await server.signup();
    const first = await renderInvoiceImage({ supplierName: "Page One Ltd" });
    const second = await renderInvoiceImage({ supplierName: "Page Two Ltd", format: "jpeg" });
    const res = await server.upload(token, [
      { bytes: first.bytes, name: "1.png", type: "image/png" },
      { bytes: second.bytes, name: "2.jpg" },
    ]);
    const { id } = (await res.json()) as { id: string };
    const inv = await server.waitForInvoice(token, id, (i) => i.status !== "captured");
    expect(inv.pages.map((p) => [p.n, p.mime])).toEqual([
      [1, "image/png"],
      [2, "image/jpeg"],
    ]);
    const page2 = await server.api("GET", `/api/invoices/${id}/pages/2`, token);
    expect(Buffer.from(await page2.arrayBuffer()).equals(second.bytes)).toBe(true);
    expect((await server.api("GET", `/api/invoices/${id}/pages/3`, token)).status).toBe(404);
  });

  it("accepts WebP photos and PDFs, and reads a PDF's text layer", async () => {
    const token = await server.signup();
    const invoice = await renderInvoiceImage({ supplierName: "Webp Traders" });
    const webp = await sharp(invoice.bytes).webp({ quality: 90 }).toBuffer();
    const resWebp = await server.upload(token, [
      { bytes: webp, name: "photo.webp", type: "image/webp" },
    ]);
    expect(resWebp.status).toBe(202);
    const { id: webpId } = (await resWebp.json()) as { id: string };
    const readWebp = await server.waitForInvoice(token, webpId, (i) => i.status !== "captured");
    expect(readWebp.fields.total?.value).toBe(invoice.total);

    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText("Total: Tk 1,150.00", { x: 50, y: 700 });
    const pdf = Buffer.from(await doc.save());
    const resPdf = await server.upload(token, [
      { bytes: pdf, name: "bill.pdf", type: "application/pdf" },
    ]);
    expect(resPdf.status).toBe(202);
    const { id: pdfId } = (await resPdf.json()) as { id: string };
    const readPdf = await server.waitForInvoice(token, pdfId, (i) => i.status !== "captured");
    expect(readPdf.fields.total?.value).toBe(115_000);
    // A total alone is not a whole invoice: a person completes the rest.
    expect(readPdf.status).toBe("needs_review");
    expect(readPdf.pages[0]?.mime).toBe("application/pdf");
  });

  it("treats a retried upload with the same device id as the same invoice", async () => {
    const token = await server.signup();
    const { bytes } = await renderInvoiceImage({
      supplierName: "Jamuna Hardware",
      invoiceNumber: "J-1",
      issueDate: "2026-01-05",
      lines: [{ description: "Cement bag", qty: 2, unitPrice: 55_000 }],
      vatRate: 0.15,
    });
    const id = "0190b7e4-5a3c-7d2e-8f00-123456789abc";
    const fields = { id, name: "Rafiq", email: "rafiq@example.com" };
    const first = await server.upload(token, [{ bytes, name: "p.png", type: "image/png" }], fields);
    const again = await server.upload(token, [{ bytes, name: "p.png", type: "image/png" }], fields);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(((await again.json()) as { id: string }).id).toBe(id);
    const list = (await (await server.api("GET", "/api/invoices", token)).json()) as {
      invoices: { id: string }[];
    };
    expect(list.invoices.map((i) => i.id)).toEqual([id]);
  });

  describe("bad input gets a clear problem and leaves nothing behind", () => {
    let token: string;
    const invoiceCount = async () =>
      Number(
        (await server.chalan.pool.query("SELECT count(*) AS n FROM invoices")).rows[0].n as string,
      );
    const blobCount = async () => {
      const root = path.join(server.config.dataDir, "blobs");
      const top = await readdir(root).catch(() => [] as string[]);
      let n = 0;
      for (const a of top.filter((d) => d !== "tmp")) {
        for (const b of await readdir(path.join(root, a)))
          n += (await readdir(path.join(root, a, b))).length;
      }
      return n;
    };

    beforeAll(async () => {
      token = await server.signup();
    });

    const rejects = async (
      files: { bytes: Buffer; name: string; type?: string }[],
      status: number,
      detail: RegExp,
      fields?: Record<string, string>,
    ) => {
      const before = [await invoiceCount(), await blobCount()];
      const res = await server.upload(token, files, fields);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await res.json()) as { detail: string; status: number };
      expect(problem.status).toBe(status);
      expect(problem.detail).toMatch(detail);
      expect([await invoiceCount(), await blobCount()]).toEqual(before);
    };

    it("0-byte file", () =>
      rejects([{ bytes: Buffer.alloc(0), name: "empty.jpg" }], 400, /empty.jpg is empty/));

    it("truncated JPEG", async () => {
      const { bytes } = await renderInvoiceImage({ format: "jpeg" });
      await rejects(
        [{ bytes: bytes.subarray(0, Math.floor(bytes.length / 2)), name: "half.jpg" }],
        422,
        /damaged or incomplete/,
      );
    });

    it("PDF with no pages", async () => {
      const pdf = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
      await rejects(
        [{ bytes: pdf, name: "blank.pdf", type: "application/pdf" }],
        422,
        /has no pages/,
      );
    });

    it("text file renamed .jpg", () =>
      rejects(
        [{ bytes: Buffer.from("Total: 500 Tk\nthis is not a photo\n"), name: "memo.jpg" }],
        415,
        /not a JPEG, PNG, WebP or PDF/,
      ));

    it("60 MB upload", async () => {
      const big = Buffer.alloc(60 * 1024 * 1024, 0x41);
      big.set([0xff, 0xd8, 0xff, 0xe0]);
      await rejects([{ bytes: big, name: "huge.jpg" }], 413, /at most 25 MB/);
    });

    it("missing email", async () => {
      const { bytes } = await renderInvoiceImage();
      await rejects([{ bytes, name: "a.png", type: "image/png" }], 400, /email is required/, {
        name: "Karim",
      });
      await rejects([{ bytes, name: "a.png", type: "image/png" }], 400, /not a valid email/, {
        name: "Karim",
        email: "karim@",
      });
    });

    it("HEIC photo (cannot be decoded here) says what to do instead", () => {
      const heic = Buffer.concat([
        Buffer.from([0, 0, 0, 24]),
        Buffer.from("ftypheic"),
        Buffer.alloc(200, 1),
      ]);
      return rejects(
        [{ bytes: heic, name: "IMG_0001.HEIC", type: "image/heic" }],
        415,
        /Most compatible/,
      );
    });

    it("a bad page among good ones stores none of them", async () => {
      const { bytes } = await renderInvoiceImage();
      await rejects(
        [
          { bytes, name: "page1.png", type: "image/png" },
          {
            bytes: Buffer.from("%!PS-Adobe not a pdf"),
            name: "page2.pdf",
            type: "application/pdf",
          },
        ],
        415,
        /page2.pdf is not a JPEG/,
      );
    });

    it("no file at all", () => rejects([], 400, /at least one invoice page/));
  });

  describe("API errors", () => {
    it("malformed JSON", async () => {
      const token = await server.signup();
      const res = await server.api(
        "PATCH",
        "/api/invoices/0190b7e4-5a3c-7d2e-8f00-000000000000",
        token,
        "{total: 5",
      );
      expect(res.status).toBe(400);
      expect(((await res.json()) as { title: string }).title).toBe("Malformed JSON");
      const signup = await server.api("POST", "/api/signup", undefined, '{"orgName": ');
      expect(signup.status).toBe(400);
    });

    it("invalid field values name the field", async () => {
      const token = await server.signup();
      const { bytes } = await renderInvoiceImage();
      const { id } = (await (
        await server.upload(token, [{ bytes, name: "a.png", type: "image/png" }])
      ).json()) as {
        id: string;
      };
      for (const fields of [
        { total: 12.5 },
        { issueDate: "2026-02-30" },
        { total: "<script>" },
        { nope: 1 },
      ]) {
        const res = await server.api("PATCH", `/api/invoices/${id}`, token, { fields });
        expect(res.status).toBe(400);
        const p = (await res.json()) as { errors: { field: string }[] };
        expect(p.errors.length).toBeGreaterThan(0);
      }
      const supplier = "'); DROP TABLE invoices; -- <b>বাবু</b>";
      const ok = await server.api("PATCH", `/api/invoices/${id}`, token, {
        fields: { supplierName: supplier },
      });
      expect(
        ((await ok.json()) as { fields: { supplierName: { value: string } } }).fields.supplierName
          .value,
      ).toBe(supplier);
    });

    it("unknown invoice id and a non-UUID id", async () => {
      const token = await server.signup();
      expect(
        (await server.api("GET", "/api/invoices/0190b7e4-5a3c-7d2e-8f00-000000000000", token))
          .status,
      ).toBe(404);
      expect((await server.api("GET", "/api/invoices/1%20OR%201=1", token)).status).toBe(404);
    });

    it("absent, malformed and expired tokens", async () => {
      expect((await server.api("GET", "/api/invoices")).status).toBe(401);
      expect((await server.api("GET", "/api/invoices", "x".repeat(43))).status).toBe(401);
      const token = await server.signup();
      expect((await server.api("GET", "/api/invoices", token)).status).toBe(200);
      await server.chalan.pool.query(
        "UPDATE sessions SET expires_at = now() - interval '1 second'",
      );
      const res = await server.api("GET", "/api/invoices", token);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/Bearer/);
    });
  });
});
