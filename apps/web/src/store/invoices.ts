import {
  applyHumanEdit,
  type ExtractedFields,
  type FieldName,
  InvoicePatch,
  statusAfterExtraction,
  uuidv7,
} from "@chalan/core";
import type { ChalanDb, LocalInvoice, LocalPage, Mutation } from "./db";
import { deviceId } from "./device";
import { conflictsOf, writeFields } from "./field-writes";

/** A page ready to keep: downscaled, hashed, not yet tied to an invoice. */
export type NewPage = Omit<LocalPage, "invoiceId" | "n" | "onServer">;

/** What the device reads of a page: the image, or a PDF's first page drawn. */
export const readableImage = (p: NewPage): Blob | undefined =>
  p.mime.startsWith("image/") ? p.bytes : p.preview;

function mutation(
  device: string,
  invoiceId: string,
  rest: Omit<Mutation, "id" | "deviceId" | "at" | "invoiceId" | "pushed">,
): Mutation {
  return { id: uuidv7(), deviceId: device, at: Date.now(), invoiceId, pushed: 0, ...rest };
}

const pageRefs = (pages: LocalPage[]) =>
  pages.map((p) => ({ n: p.n, sha256: p.sha256, original: p.original.sha256 }));

/**
 * Keeps a new invoice with its pages, all or nothing: a tab killed half-way leaves no invoice
 * without its pages and no page without its invoice.
 */
export async function captureInvoice(db: ChalanDb, pages: NewPage[]): Promise<string> {
  if (pages.length === 0) throw new Error("an invoice needs at least one page");
  const device = await deviceId(db);
  const id = uuidv7();
  const now = Date.now();
  const stored = pages.map((p, i) => ({ ...p, invoiceId: id, n: i + 1, onServer: false }));
  await db.transaction("rw", [db.invoices, db.pages, db.mutations], async () => {
    await db.invoices.add({
      id,
      capturedAt: now,
      updatedAt: now,
      status: "captured",
      reviewReasons: [],
      fields: {},
      logs: {},
      boxes: {},
      pageCount: stored.length,
      pagesRead: 0,
      reading: "waiting",
      place: "device",
    });
    await db.pages.bulkAdd(stored);
    await db.mutations.add(
      mutation(device, id, { kind: "capture", provenance: "human", pages: pageRefs(stored) }),
    );
  });
  return id;
}

/** Adds pages to an invoice already kept; they are read like the first ones. */
export async function addPages(db: ChalanDb, invoiceId: string, pages: NewPage[]): Promise<void> {
  const device = await deviceId(db);
  await db.transaction("rw", [db.invoices, db.pages, db.mutations], async () => {
    const inv = await mustGet(db, invoiceId);
    const stored = pages.map((p, i) => ({
      ...p,
      invoiceId,
      n: inv.pageCount + i + 1,
      onServer: false,
    }));
    await db.pages.bulkAdd(stored);
    await db.invoices.update(invoiceId, {
      pageCount: inv.pageCount + stored.length,
      updatedAt: Date.now(),
      place: "device",
      reading: "waiting",
    });
    await db.mutations.add(
      mutation(device, invoiceId, {
        kind: "add_page",
        provenance: "human",
        pages: pageRefs(stored),
      }),
    );
  });
}

/**
 * A person's edit, validated by the same schema the server uses; `null` clears a field. Returns
 * the invoice as saved. Throws (writing nothing) when a value is not valid.
 */
export async function editFields(
  db: ChalanDb,
  invoiceId: string,
  fields: InvoicePatch["fields"],
): Promise<LocalInvoice> {
  const patch = InvoicePatch.parse({ fields });
  const device = await deviceId(db);
  return db.transaction("rw", [db.invoices, db.mutations, db.settings], async () => {
    const inv = await mustGet(db, invoiceId);
    const { changes } = applyHumanEdit(inv.fields, patch);
    if (changes.length === 0) return inv;
    const values = Object.fromEntries(
      changes.map((c) => [c.field, { value: c.to, confidence: 1 }]),
    );
    const written = await writeFields(db, inv, device, values, "human");
    const boxes = { ...inv.boxes };
    for (const c of changes) delete boxes[c.field];
    const updated: LocalInvoice = {
      ...written.inv,
      boxes,
      ...afterReview(inv, written.inv),
      updatedAt: Date.now(),
    };
    await db.invoices.put(updated);
    await db.mutations.add(
      mutation(device, invoiceId, { kind: "fields", provenance: "human", writes: written.writes }),
    );
    return updated;
  });
}

/**
 * A person settles a conflict: their pick is written even when it equals the value shown, so it
 * replaces every value in the conflict, here and, once synced, on every device.
 */
export async function pickValue(
  db: ChalanDb,
  invoiceId: string,
  field: FieldName,
  value: unknown,
): Promise<void> {
  const device = await deviceId(db);
  await db.transaction("rw", [db.invoices, db.mutations, db.settings], async () => {
    const inv = await mustGet(db, invoiceId);
    const written = await writeFields(
      db,
      inv,
      device,
      { [field]: { value, confidence: 1 } },
      "human",
    );
    await db.invoices.put({
      ...written.inv,
      ...afterReview(inv, written.inv),
      updatedAt: Date.now(),
    });
    await db.mutations.add(
      mutation(device, invoiceId, { kind: "fields", provenance: "human", writes: written.writes }),
    );
  });
}

/**
 * The status an invoice gets from what is now known of it: approved and posted ones keep theirs; one
 * still being read waits; a conflict between two people, or a missing or unsure required field,
 * sends it to review.
 */
export function afterReview(before: LocalInvoice, after: LocalInvoice) {
  if (before.status === "approved" || before.status === "posted") return {};
  if (before.status === "captured" && before.reading !== "done") return {};
  const known = statusAfterExtraction(after.fields);
  const conflicts = Object.keys(conflictsOf(after)).map((f) => `${f} changed on two devices`);
  return conflicts.length === 0
    ? known
    : { status: "needs_review" as const, reviewReasons: [...conflicts, ...known.reviewReasons] };
}

/** The on-device reading of one page: never overwrites what a person typed. */
export async function saveReading(
  db: ChalanDb,
  invoiceId: string,
  page: number,
  extracted: ExtractedFields,
  ms: number,
): Promise<void> {
  const device = await deviceId(db);
  await db.transaction("rw", [db.invoices, db.mutations, db.settings], async () => {
    const inv = await mustGet(db, invoiceId);
    // A later page only adds what earlier pages did not read as surely; a person's value, and the
    // server's reading once pulled, outrank this draft and stay.
    const better = Object.fromEntries(
      Object.entries(extracted).filter(([name, f]) => {
        const have = inv.fields[name as FieldName];
        return f && (!have || (have.provenance === "local_ocr" && f.confidence > have.confidence));
      }),
    ) as ExtractedFields;
    const written = await writeFields(db, inv, device, better, "local_ocr");
    const fields = written.inv.fields;
    const boxes = { ...inv.boxes };
    for (const [name, f] of Object.entries(better)) {
      if (f?.box) boxes[name as FieldName] = { page, box: f.box };
    }
    const last = page >= inv.pageCount;
    await db.invoices.put({
      ...written.inv,
      boxes,
      pagesRead: page,
      reading: last ? "done" : "reading",
      readingMs: (inv.readingMs ?? 0) + ms,
      ...(last && inv.status === "captured" && statusAfterExtraction(fields)),
      updatedAt: Date.now(),
    });
    if (written.writes.length > 0) {
      await db.mutations.add(
        mutation(device, invoiceId, {
          kind: "fields",
          provenance: "local_ocr",
          writes: written.writes,
        }),
      );
    }
  });
}

/** A reading that could not finish: the invoice still goes to the server to be read there. */
export async function failReading(db: ChalanDb, invoiceId: string, error: string): Promise<void> {
  await db.invoices.update(invoiceId, { reading: "failed", readingError: error });
}

export async function mustGet(db: ChalanDb, id: string): Promise<LocalInvoice> {
  const inv = await db.invoices.get(id);
  if (!inv) throw new Error(`invoice ${id} is not on this device`);
  return inv;
}
