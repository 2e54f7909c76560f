import { sniffFileKind, UUID_PATTERN, uuidv7 } from "@chalan/core";
import type pg from "pg";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import type { AuthContext } from "../auth/tokens";
import type { BlobStore } from "../blobs/blob-store";
import { withTransaction } from "../db/transaction";
import { Problem } from "../http/problem";
import { findInvoice, insertInvoice, type PageRecord } from "../invoices/invoice-repo";
import { enqueueInTransaction, QUEUES } from "../queue/boss";
import { lockOrgSync, settleInvoice } from "../sync/field-writes-repo";
import { checkPageReadable } from "./check-page";

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

export const Submitter = z.object({
  name: z.string().trim().min(1, "name is required").max(200),
  email: z.string().trim().toLowerCase().email("email is not a valid email address").max(320),
});

export interface IngestDeps {
  pool: pg.Pool;
  boss: PgBoss;
  blobs: BlobStore;
}

/** Refuses an empty, unknown, torn or corrupt page with a reason a clerk can act on; returns its MIME type. */
export async function checkUploadedFile(bytes: Buffer, label: string): Promise<string> {
  if (bytes.length === 0) throw new Problem(400, "Empty file", `${label} is empty (0 bytes).`);
  const kind = sniffFileKind(bytes);
  if (!kind) {
    throw new Problem(
      415,
      "Unsupported file type",
      `${label} is not a JPEG, PNG, WebP or PDF (its content was checked, not its name).`,
    );
  }
  await checkPageReadable(bytes, kind.kind, label);
  return kind.mime;
}

/**
 * Accepts one invoice (one or more pages). Every page is checked and stored durably before the
 * invoice row and its extract job commit together, so a crash leaves either nothing or an invoice
 * that will be read. An `id` chosen on the device makes a retried upload a no-op.
 */
export async function ingestInvoice(
  deps: IngestDeps,
  auth: AuthContext,
  input: { id?: string | undefined; name: unknown; email: unknown; files: UploadedFile[] },
): Promise<{ id: string; status: string; duplicate: boolean }> {
  const submitter = Submitter.safeParse({ name: input.name, email: input.email });
  if (!submitter.success) {
    const detail = submitter.error.issues
      .map((i) => (i.code === "invalid_type" ? `${String(i.path[0])} is required` : i.message))
      .join("; ");
    throw new Problem(400, "Invalid submitter", detail);
  }
  if (input.id !== undefined && !UUID_PATTERN.test(input.id)) {
    throw new Problem(400, "Invalid id", "id must be a UUID generated on the device.");
  }
  if (input.files.length === 0) {
    throw new Problem(400, "No file", "Attach at least one invoice page as a `file` part.");
  }
  const mimes: string[] = [];
  for (const [i, f] of input.files.entries()) {
    mimes.push(await checkUploadedFile(f.bytes, f.filename || `file ${i + 1}`));
  }
  // Only pages that all passed are stored: a bad third page leaves no blobs of the first two.
  const pages: PageRecord[] = [];
  for (const [i, f] of input.files.entries()) {
    const { sha256 } = await deps.blobs.put(f.bytes);
    pages.push({ pageNo: i + 1, sha256, mime: mimes[i] as string, byteSize: f.bytes.length });
  }
  const id = input.id?.toLowerCase() ?? uuidv7();
  return withTransaction(deps.pool, async (tx) => {
    // Serialises two concurrent retries of the same device-chosen id.
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
      `${auth.orgId}/${id}`,
    ]);
    await lockOrgSync(tx, auth.orgId);
    const existing = await findInvoice(tx, auth.orgId, id);
    if (existing) {
      const same =
        existing.pages.length === pages.length &&
        existing.pages.every((p, i) => p.sha256 === pages[i]?.sha256);
      if (!same) {
        throw new Problem(409, "Id already used", `Invoice ${id} already exists with other pages.`);
      }
      return { id, status: existing.status, duplicate: true };
    }
    await insertInvoice(tx, {
      orgId: auth.orgId,
      id,
      submitterName: submitter.data.name,
      submitterEmail: submitter.data.email,
      uploadedBy: auth.userId,
      pages,
    });
    // Edits a device pushed before the pages arrived apply from the start.
    await settleInvoice(tx, auth.orgId, id, { read: false });
    await enqueueInTransaction(deps.boss, tx, QUEUES.extract, { orgId: auth.orgId, invoiceId: id });
    return { id, status: "captured", duplicate: false };
  });
}
