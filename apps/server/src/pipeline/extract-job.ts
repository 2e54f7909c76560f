import { type ExtractedFields, mostConfidentFields, type PagePrint } from "@chalan/core";
import type pg from "pg";
import type { PgBoss } from "pg-boss";
import type { BlobStore } from "../blobs/blob-store";
import { withTransaction } from "../db/transaction";
import { findInvoice, keepPagePrints, markFailed, recordEvent } from "../invoices/invoice-repo";
import { type ExtractJob, enqueueInTransaction, QUEUES } from "../queue/boss";
import { lockOrgSync, settleInvoice, writeHere } from "../sync/field-writes-repo";
import { oweNotification } from "./notification-repo";

/** What one stored page gave: its fields, and its print where its image was read. */
export interface PageReading {
  fields: ExtractedFields;
  print?: PagePrint;
}

/** Reads one stored page (image or PDF). Throws `UnreadablePageError` for bad input. */
export type PageReader = (bytes: Buffer, mime: string) => Promise<PageReading>;

/** The page itself is the problem (corrupt, unreadable): retrying cannot help. */
export class UnreadablePageError extends Error {}

export interface ExtractDeps {
  pool: pg.Pool;
  boss: PgBoss;
  blobs: BlobStore;
  readPage: PageReader;
}

/**
 * Reads an invoice's pages and stores the fields. Idempotent: a job redelivered after a crash finds
 * the invoice no longer `captured` and does nothing, and the notification it owes was enqueued in
 * the same transaction that stored the fields.
 */
export async function runExtractJob(
  deps: ExtractDeps,
  job: ExtractJob,
  attempt: { retryCount: number; retryLimit: number },
): Promise<void> {
  const before = await findInvoice(deps.pool, job.orgId, job.invoiceId);
  if (before?.status !== "captured") return;
  let readings: PageReading[];
  try {
    readings = [];
    for (const page of before.pages) {
      readings.push(await deps.readPage(await deps.blobs.get(page.sha256), page.mime));
    }
  } catch (e) {
    const last = attempt.retryCount >= attempt.retryLimit;
    if (!(e instanceof UnreadablePageError) && !last) throw e;
    const reason =
      e instanceof UnreadablePageError ? e.message : `reading failed: ${(e as Error).message}`;
    await withTransaction(deps.pool, async (tx) => {
      const inv = await findInvoice(tx, job.orgId, job.invoiceId, { forUpdate: true });
      if (inv?.status === "captured") await markFailed(tx, job.orgId, job.invoiceId, reason);
    });
    return;
  }
  await withTransaction(deps.pool, async (tx) => {
    await lockOrgSync(tx, job.orgId);
    const inv = await findInvoice(tx, job.orgId, job.invoiceId, { forUpdate: true });
    if (inv?.status !== "captured") return;
    // Prints first: the checks that follow look for the same paper among other invoices.
    await keepPagePrints(
      tx,
      job.orgId,
      job.invoiceId,
      before.pages.map((p, i) => ({ pageNo: p.pageNo, ...readings[i] })),
    );
    // The reading becomes the server's writes, which devices pull; a person's value stays on top.
    await writeHere(
      tx,
      job.orgId,
      null,
      job.invoiceId,
      mostConfidentFields(readings.map((r) => r.fields)),
      "server_ocr",
    );
    await settleInvoice(tx, job.orgId, job.invoiceId, { read: true });
    const read = await findInvoice(tx, job.orgId, job.invoiceId);
    await recordEvent(tx, job.orgId, job.invoiceId, "system", "extracted", {
      status: read?.status,
      reviewReasons: read?.reviewReasons,
    });
    const owed = await oweNotification(tx, {
      orgId: job.orgId,
      invoiceId: job.invoiceId,
      kind: "invoice-received",
      recipient: inv.submitterEmail,
    });
    if (owed) await enqueueInTransaction(deps.boss, tx, QUEUES.notify, job);
  });
}
