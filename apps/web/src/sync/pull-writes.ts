import { type FieldWriteMessage, PullResponse, parseHlc } from "@chalan/core";
import type { ChalanDb, LocalInvoice } from "../store/db";
import { deviceId } from "../store/device";
import { observe, withWrites } from "../store/field-writes";
import { afterReview } from "../store/invoices";
import type { Session } from "../store/session";

/** The person last signed in on each device, as the server named them. */
export type DeviceNames = Record<string, string>;

/** An invoice another device captured, known here by its fields until its pages are fetched. */
function fromElsewhere(id: string, first: FieldWriteMessage): LocalInvoice {
  const at = parseHlc(first.at).wall;
  return {
    id,
    capturedAt: at,
    updatedAt: at,
    status: "extracted",
    reviewReasons: [],
    fields: {},
    logs: {},
    boxes: {},
    pageCount: 0,
    pagesRead: 0,
    reading: "done",
    place: "server",
  };
}

/**
 * Pulls the writes every device (and the server) made since this device's cursor and merges them
 * (docs/sync.md): page by page, each page with its cursor in one transaction, so a pull cut short
 * resumes where it stopped. Returns false when the server could not be reached.
 */
export async function pullWrites(
  db: ChalanDb,
  session: Session,
  fetchFn: typeof fetch,
): Promise<boolean> {
  const device = await deviceId(db);
  let since = ((await db.settings.get("pullCursor"))?.value as number | undefined) ?? 0;
  for (;;) {
    let page: PullResponse;
    try {
      const res = await fetchFn(`/api/sync/pull?since=${since}&limit=500&device=${device}`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      if (!res.ok) return false;
      page = PullResponse.parse(await res.json());
    } catch {
      return false;
    }
    const byInvoice = new Map<string, FieldWriteMessage[]>();
    for (const { write } of page.writes) {
      byInvoice.set(write.invoiceId, [...(byInvoice.get(write.invoiceId) ?? []), write]);
    }
    // Who made the writes, by device, so a conflict can say whose value is whose.
    const names = ((await db.settings.get("deviceNames"))?.value ?? {}) as DeviceNames;
    for (const { write, by } of page.writes) if (by) names[write.device] = by;
    await db.transaction("rw", [db.invoices, db.settings], async () => {
      await db.settings.put({ key: "deviceNames", value: names });
      for (const [id, writes] of byInvoice) {
        const before =
          (await db.invoices.get(id)) ?? fromElsewhere(id, writes[0] as FieldWriteMessage);
        const after = withWrites(before, writes);
        await db.invoices.put({ ...after, ...afterReview(before, after), updatedAt: Date.now() });
        for (const w of writes) await observe(db, device, w.at);
      }
      await db.settings.put({ key: "pullCursor", value: page.cursor });
    });
    since = page.cursor;
    if (!page.more) return true;
  }
}
