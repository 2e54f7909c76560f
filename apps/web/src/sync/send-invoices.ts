import type { ChalanDb, LocalInvoice } from "../store/db";
import { currentSession, type Session } from "../store/session";
import { pullWrites } from "./pull-writes";
import { pushWrites } from "./push-writes";

type Outcome = "sent" | "refused" | "stop";

/**
 * Sends the invoices kept only on this device to the server, each with all its pages and the id
 * made here (so a resend after a dropped connection is the same invoice, not a second one). Pages
 * count as on the server, and so may be cleaned up here, only once it answered 202: it answers so
 * after they are on its disk, and for a resend only when it holds exactly these pages.
 * Field writes (edits, on-device readings) are pushed first and everyone's pulled (docs/sync.md).
 */
export function invoiceSender(db: ChalanDb, fetchFn: typeof fetch = fetch) {
  let running: Promise<void> | null = null;

  async function sendAll(): Promise<void> {
    const session = await currentSession(db);
    if (!session) return;
    // Metadata first: the edits are small and matter most; then others' edits; pages follow.
    if (!(await pushWrites(db, session, fetchFn))) return;
    if (!(await pullWrites(db, session, fetchFn))) return;
    const waiting = await db.invoices
      .filter((inv) => inv.place !== "server" && inv.sendError === undefined)
      .sortBy("capturedAt");
    for (const inv of waiting) {
      if ((await sendOne(db, session, inv, fetchFn)) === "stop") return;
    }
  }

  return {
    /** Sends an invoice the server refused once more (after the clerk fixed what it said). */
    async retry(id: string): Promise<void> {
      await db.invoices.update(id, { sendError: undefined });
      await this.kick();
    },
    /** Starts a pass unless one is running; in several tabs, one tab sends at a time. */
    kick(): Promise<void> {
      if (running) return running;
      const locks = globalThis.navigator?.locks;
      const pass: Promise<void> = locks
        ? locks
            .request("chalan-send", { ifAvailable: true }, async (lock) => {
              if (lock) await sendAll();
            })
            .then(() => {})
        : sendAll();
      const current = pass.finally(() => {
        running = null;
      });
      running = current;
      return current;
    },
  };
}

async function sendOne(
  db: ChalanDb,
  session: Session,
  inv: LocalInvoice,
  fetchFn: typeof fetch,
): Promise<Outcome> {
  const auth = { authorization: `Bearer ${session.token}` };
  await db.invoices.update(inv.id, { place: "syncing" });
  try {
    const pages = await db.pages.where("invoiceId").equals(inv.id).sortBy("n");
    const form = new FormData();
    form.set("id", inv.id);
    form.set("name", session.name);
    form.set("email", session.email);
    for (const p of pages) form.append("file", p.bytes, p.original.name);
    const res = await fetchFn("/upload-invoice", { method: "POST", headers: auth, body: form });
    if (res.status === 401) return await back(db, inv.id, "stop");
    if (res.status >= 400 && res.status < 500) {
      const problem = await res.json().catch(() => null);
      await db.invoices.update(inv.id, {
        place: "device",
        sendError: problem?.detail ?? `HTTP ${res.status}`,
      });
      return "refused";
    }
    if (!res.ok) return await back(db, inv.id, "stop");
    await db.transaction("rw", [db.invoices, db.pages, db.mutations], async () => {
      await db.pages.bulkUpdate(
        pages.map((p) => ({ key: [inv.id, p.n], changes: { onServer: true } })),
      );
      await db.invoices.update(inv.id, { place: "server" });
      // The capture has reached the server; edits wait for the op-log sync.
      await db.mutations
        .where("invoiceId")
        .equals(inv.id)
        .filter((m) => m.kind === "capture")
        .modify({ pushed: 1 });
    });
    return "sent";
  } catch {
    // No connection, or it dropped mid-request: the invoice waits for the next pass.
    return back(db, inv.id, "stop");
  }
}

async function back(db: ChalanDb, id: string, outcome: Outcome): Promise<Outcome> {
  await db.invoices.update(id, { place: "device" });
  return outcome;
}
