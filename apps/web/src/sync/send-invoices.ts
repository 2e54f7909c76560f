import { retryDelayMs } from "@chalan/core";
import type { ChalanDb, LocalInvoice, LocalPage } from "../store/db";
import { currentSession, type Session } from "../store/session";
import { fetchPages } from "./fetch-pages";
import { pullSuppliers } from "./pull-suppliers";
import { pullWrites } from "./pull-writes";
import { pushWrites } from "./push-writes";
import { uploadPage } from "./upload-page";

type Outcome = "sent" | "refused" | "stop";

/** What the sender is doing, for the status bar: "12 of 480 invoices, 3.1 of 96 MB". */
export interface SyncProgress {
  state: "idle" | "syncing" | "waiting";
  invoices: { done: number; total: number };
  bytes: { done: number; total: number };
  /** When `waiting`: the instant (ms since the epoch) of the next try. */
  retryAt?: number;
  /** When `waiting`: passes in a row that got nothing through (the back-off grows with it). */
  failures?: number;
}

export interface SenderOptions {
  fetchFn?: typeof fetch;
  random?: () => number;
  /** Failures in a row before giving up until the next nudge (tests and the benchmark raise it). */
  maxAttempts?: number;
}

const idle: SyncProgress = {
  state: "idle",
  invoices: { done: 0, total: 0 },
  bytes: { done: 0, total: 0 },
};

/**
 * Sends what this device holds to the server (docs/sync.md): field writes pushed first and
 * everyone's pulled, then each waiting invoice's pages (resumable uploads, each page once by its
 * SHA-256) and the invoice itself under the id made here, so a resend after a dropped connection is
 * the same invoice, not a second one; last, the pages of invoices other devices captured. Pages count as on the server, and so may be cleaned up here,
 * only once it answered 202 to the invoice: it answers so after they are on its disk.
 * A pass that could not reach the server is tried again after an exponential, jittered delay.
 */
export function invoiceSender(db: ChalanDb, opts: SenderOptions = {}) {
  const fetchFn = opts.fetchFn ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const random = opts.random ?? Math.random;
  const maxAttempts = opts.maxAttempts ?? Number.POSITIVE_INFINITY;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let progress = idle;
  const listeners = new Set<(p: SyncProgress) => void>();
  const report = (p: SyncProgress) => {
    progress = p;
    for (const l of listeners) l(p);
  };

  /** Whether the pass under way has moved anything (page bytes, an invoice) onto the server. */
  let moved = false;

  /** One pass; true when everything it tried reached the server (refusals included). */
  async function sendAll(): Promise<boolean> {
    const session = await currentSession(db);
    if (!session) return true;
    // Metadata first: the edits are small and matter most; then others' edits and the suppliers;
    // pages follow.
    if (!(await pushWrites(db, session, fetchFn))) return false;
    if (!(await pullWrites(db, session, fetchFn))) return false;
    if (!(await pullSuppliers(db, session, fetchFn))) return false;
    const waiting = await db.invoices
      .filter((inv) => inv.place !== "server" && inv.sendError === undefined)
      .sortBy("capturedAt");
    const pagesOf = new Map<string, LocalPage[]>();
    let totalBytes = 0;
    for (const inv of waiting) {
      const pages = await db.pages.where("invoiceId").equals(inv.id).sortBy("n");
      pagesOf.set(inv.id, pages);
      for (const p of pages) totalBytes += p.uploaded ? 0 : p.bytes.size;
    }
    let now = {
      state: "syncing" as const,
      invoices: { done: 0, total: waiting.length },
      bytes: { done: 0, total: totalBytes },
    };
    report(now);
    const queue = [...waiting];
    let stopped = false;
    // Two invoices on their way at once: while one waits for an answer (a round trip on a slow
    // link can be a second), the other's bytes keep the link busy.
    const worker = async () => {
      for (let inv = queue.shift(); inv && !stopped; inv = queue.shift()) {
        const pages = pagesOf.get(inv.id) ?? [];
        const outcome = await sendOne(db, session, inv, pages, fetchFn, (bytes) => {
          moved ||= bytes > 0;
          now = { ...now, bytes: { ...now.bytes, done: now.bytes.done + bytes } };
          report(now);
        });
        if (outcome === "stop") stopped = true;
        else {
          moved = true;
          now = { ...now, invoices: { ...now.invoices, done: now.invoices.done + 1 } };
          report(now);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    if (stopped) return false;
    // Last: other devices' pages, only wanted for looking at.
    return fetchPages(db, session, fetchFn);
  }

  /** One pass at a time; in several tabs, one tab syncs at a time (Web Locks). */
  async function pass(): Promise<boolean> {
    const locks = globalThis.navigator?.locks;
    if (!locks) return sendAll();
    return locks.request("chalan-send", { ifAvailable: true }, async (lock) =>
      lock ? sendAll() : true,
    );
  }

  function schedule(): void {
    clearTimeout(timer);
    if (failures >= maxAttempts || stopped) {
      report(idle);
      return;
    }
    const delay = retryDelayMs(failures - 1, random());
    report({ ...progress, state: "waiting", retryAt: Date.now() + delay, failures });
    timer = setTimeout(() => void kick(), delay);
  }

  /** Starts a pass unless one is running; a change made during a pass gets another one after. */
  function kick(): Promise<void> {
    clearTimeout(timer);
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    const current = (async () => {
      let ok = true;
      moved = false;
      do {
        again = false;
        ok = await pass().catch(() => false);
      } while (again && ok);
      // A long send cut by an outage after it got somewhere starts the back-off afresh: the wait
      // grows only while nothing gets through.
      failures = ok ? 0 : moved ? 1 : failures + 1;
      if (ok) report(idle);
      else schedule();
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
      failures = 0;
      await kick();
    },
    /** A change was made here, or the connection came back: sync now, when there is one. */
    nudge(): void {
      failures = 0;
      if (globalThis.navigator?.onLine !== false) void kick();
    },
    progress: () => progress,
    subscribe(listener: (p: SyncProgress) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /**
     * For good (a test's or the benchmark's device going away): no new pass, and a pass still
     * under way schedules no retry when it ends.
     */
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export type InvoiceSender = ReturnType<typeof invoiceSender>;

async function sendOne(
  db: ChalanDb,
  session: Session,
  inv: LocalInvoice,
  pages: LocalPage[],
  fetchFn: typeof fetch,
  onBytes: (bytes: number) => void,
): Promise<Outcome> {
  await db.invoices.update(inv.id, { place: "syncing" });
  for (const page of pages) {
    if (page.uploaded || page.onServer) continue;
    let counted = 0;
    const result = await uploadPage(db, session, page, fetchFn, (held) => {
      onBytes(held - counted);
      counted = held;
    });
    if (result.kind === "stop") return back(db, inv.id, "stop");
    if (result.kind === "refused") return refuse(db, inv.id, result.reason);
  }
  try {
    const res = await fetchFn("/api/sync/invoices", {
      method: "POST",
      headers: { authorization: `Bearer ${session.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        id: inv.id,
        name: session.name,
        email: session.email,
        pages: pages.map((p) => ({ sha256: p.sha256, filename: p.original.name.slice(0, 255) })),
      }),
    });
    if (res.status === 409) {
      const problem = (await res.json().catch(() => null)) as {
        missing?: string[];
        detail?: string;
      } | null;
      if (problem?.missing) {
        // The server lost track of an upload (or never finished storing it): upload it again.
        const missing = new Set(problem.missing);
        await db.pages.bulkUpdate(
          pages
            .filter((p) => missing.has(p.sha256))
            .map((p) => ({ key: [inv.id, p.n], changes: { uploaded: false } })),
        );
        return back(db, inv.id, "stop");
      }
      return refuse(db, inv.id, problem?.detail ?? "HTTP 409");
    }
    if (res.status >= 400 && res.status < 500 && res.status !== 401) {
      const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
      return refuse(db, inv.id, problem?.detail ?? `HTTP ${res.status}`);
    }
    if (res.status !== 202) return back(db, inv.id, "stop");
  } catch {
    // No connection, or it dropped mid-request: the invoice waits for the next pass.
    return back(db, inv.id, "stop");
  }
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
}

async function refuse(db: ChalanDb, id: string, reason: string): Promise<Outcome> {
  await db.invoices.update(id, { place: "device", sendError: reason });
  return "refused";
}

async function back(db: ChalanDb, id: string, outcome: Outcome): Promise<Outcome> {
  await db.invoices.update(id, { place: "device" });
  return outcome;
}
