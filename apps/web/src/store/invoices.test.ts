import { describe, expect } from "vitest";
import {
  addPages,
  captureInvoice,
  editFields,
  type NewPage,
  readableImage,
  saveReading,
} from "./invoices";
import { it } from "./test-db";

function page(mime = "image/jpeg", text = "page"): NewPage {
  return {
    bytes: new Blob([text], { type: mime }),
    mime,
    width: 1200,
    height: 1600,
    sha256: "a".repeat(64),
    original: { name: "photo.jpg", bytes: 3_000_000, sha256: "b".repeat(64) },
  };
}

describe("the invoices kept on the device", () => {
  it("keeps a captured invoice with all its pages and logs the capture", async ({ db }) => {
    const id = await captureInvoice(db, [page(), page("image/jpeg", "second")]);
    const inv = await db.invoices.get(id);
    expect(inv).toMatchObject({
      status: "captured",
      reading: "waiting",
      pageCount: 2,
      place: "device",
    });
    const pages = await db.pages.where("invoiceId").equals(id).sortBy("n");
    expect(pages.map((p) => p.n)).toEqual([1, 2]);
    expect(await pages[1]?.bytes.text()).toBe("second");
    const log = await db.mutations.toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: "capture", invoiceId: id, pushed: 0 });
    expect(log[0]?.pages).toHaveLength(2);
  });

  it("writes nothing when a page cannot be stored", async ({ db }) => {
    const bad = {
      ...page(),
      width: undefined as unknown as number,
      bytes: Symbol("x") as unknown as Blob,
    };
    await expect(captureInvoice(db, [page(), bad])).rejects.toThrow();
    expect(await db.invoices.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    expect(await db.mutations.count()).toBe(0);
  });

  it("reads a PDF on the device by its first page drawn, and sends the PDF itself", async ({
    db,
  }) => {
    const pdf = { ...page("application/pdf", "%PDF-1.7"), preview: new Blob(["drawn"]) };
    const id = await captureInvoice(db, [pdf]);
    expect((await db.invoices.get(id))?.reading).toBe("waiting");
    const stored = await db.pages.get([id, 1]);
    expect(await stored?.bytes.text()).toBe("%PDF-1.7");
    expect(await (stored && readableImage(stored))?.text()).toBe("drawn");
  });

  it("numbers added pages after the existing ones and reads them", async ({ db }) => {
    const id = await captureInvoice(db, [page()]);
    await saveReading(db, id, 1, {}, 10);
    await addPages(db, id, [page()]);
    const inv = await db.invoices.get(id);
    expect(inv).toMatchObject({ pageCount: 2, pagesRead: 1, reading: "waiting" });
    expect((await db.pages.where("invoiceId").equals(id).toArray()).map((p) => p.n)).toEqual([
      1, 2,
    ]);
  });

  it("lays the machine reading over the invoice with where each field was read", async ({ db }) => {
    const id = await captureInvoice(db, [page()]);
    const box = { x0: 1, y0: 2, x1: 3, y1: 4 };
    await saveReading(
      db,
      id,
      1,
      {
        total: { value: 119_000, confidence: 0.95, box },
        issueDate: { value: "2026-03-18", confidence: 0.9 },
      },
      1234,
    );
    const inv = await db.invoices.get(id);
    expect(inv?.fields.total).toEqual({
      value: 119_000,
      confidence: 0.95,
      provenance: "local_ocr",
    });
    expect(inv?.boxes.total).toEqual({ page: 1, box });
    expect(inv).toMatchObject({ reading: "done", status: "extracted", readingMs: 1234 });
    const log = await db.mutations.orderBy("seq").toArray();
    expect(log.map((m) => [m.kind, m.provenance])).toEqual([
      ["capture", "human"],
      ["fields", "local_ocr"],
    ]);
  });

  it("sends an invoice whose total was not read surely to review", async ({ db }) => {
    const id = await captureInvoice(db, [page()]);
    await saveReading(db, id, 1, { total: { value: 100, confidence: 0.2 } }, 5);
    const inv = await db.invoices.get(id);
    expect(inv?.status).toBe("needs_review");
    expect(inv?.reviewReasons).toEqual(["total uncertain (20% sure)", "invoice date not read"]);
  });

  it("records a person's edit as human, and a later machine reading never overwrites it", async ({
    db,
  }) => {
    const id = await captureInvoice(db, [page(), page()]);
    await saveReading(db, id, 1, { total: { value: 100, confidence: 0.4 } }, 5);
    await editFields(db, id, { total: 119_000, issueDate: "2026-03-18" });
    await saveReading(db, id, 2, { total: { value: 5, confidence: 0.99 } }, 5);
    const inv = await db.invoices.get(id);
    expect(inv?.fields.total).toEqual({ value: 119_000, confidence: 1, provenance: "human" });
    expect(inv?.status).toBe("extracted");
    const edit = (await db.mutations.toArray()).find(
      (m) => m.kind === "fields" && m.provenance === "human",
    );
    expect(edit?.writes?.map((w) => [w.field, w.value, w.provenance])).toEqual([
      ["issueDate", "2026-03-18", "human"],
      ["total", 119_000, "human"],
    ]);
    // The person's total replaced the machine's reading they had in front of them.
    const reading = (await db.mutations.toArray()).find((m) => m.provenance === "local_ocr");
    const total = edit?.writes?.find((w) => w.field === "total");
    expect(total?.replaces).toEqual([reading?.writes?.[0]?.id]);
  });

  it("writes no draft over the server's reading already pulled here", async ({ db }) => {
    const id = await captureInvoice(db, [page()]);
    const inv = await db.invoices.get(id);
    await db.invoices.put({
      ...(inv as NonNullable<typeof inv>),
      fields: { total: { value: 500, confidence: 0.6, provenance: "server_ocr" } },
    });
    await saveReading(db, id, 1, { total: { value: 7, confidence: 0.99 } }, 5);
    expect((await db.invoices.get(id))?.fields.total?.value).toBe(500);
    expect((await db.mutations.toArray()).map((m) => m.kind)).toEqual(["capture"]);
  });

  it("refuses an impossible value and writes nothing", async ({ db }) => {
    const id = await captureInvoice(db, [page()]);
    await expect(editFields(db, id, { issueDate: "2026-02-30" })).rejects.toThrow(/calendar date/);
    await expect(editFields(db, id, { total: -5 })).rejects.toThrow();
    await expect(
      editFields(db, id, { supplierName: "<script>x</script>'; DROP TABLE invoices;--" }),
    ).resolves.toMatchObject({ fields: { supplierName: { provenance: "human" } } });
    expect(await db.mutations.count()).toBe(2);
  });

  it("keeps one device id for all of this browser's changes", async ({ db }) => {
    await captureInvoice(db, [page()]);
    await captureInvoice(db, [page()]);
    const devices = new Set((await db.mutations.toArray()).map((m) => m.deviceId));
    expect(devices.size).toBe(1);
  });
});
