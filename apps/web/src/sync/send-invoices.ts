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

  let again = false;
  /** One pass at a time; in several tabs, one tab syncs at a time (Web Locks). */
  async function pass(): Promise<void> {
    const locks = globalThis.navigator?.locks;
    if (!locks) return sendAll();
    await locks.request("chalan-send", { ifAvailable: true }, async (lock) => {
      if (lock) await sendAll();
    });
  }

  /** Starts a pass unless one is running; a change made during a pass gets another one after. */
  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    const current = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => {
      running = null;
    });
    running = current;
    return current;
  }

  return {
    kick,
    /** Sends an invoice the server refused once more (after the clerk fixed what it said). */
    async retry(id: string): Promise<void> {
      await db.invoices.update(id, { sendError: undefined });
      await kick();
    },
    /** A change was made here: sync soon, when there is a connection. */
    nudge(): void {
      if (globalThis.navigator?.onLine !== false) void kick();
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
