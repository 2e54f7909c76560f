import "fake-indexeddb/auto";
import { imageDimensions, uuidv7 } from "@chalan/core";
import type pg from "pg";
import sharp from "sharp";
import { type FaultyLink, faultyLink, type LinkFaults } from "../../apps/server/test/faulty-link";
import { sha256 } from "../../apps/web/src/capture/sha256";
import { type ChalanDb, openDb } from "../../apps/web/src/store/db";
import { captureInvoice, editFields, saveReading } from "../../apps/web/src/store/invoices";
import { type InvoiceSender, invoiceSender } from "../../apps/web/src/sync/send-invoices";
import { loadGenerated } from "./generated";

/** Issue #5's scenario: 256 kbit/s, 300 ms each way, the link cut now and then. */
export const OUTAGE_LINK: LinkFaults = {
  bytesPerSecond: 32_000,
  latencyMs: 300,
  jitterMs: 60,
  outages: { meanUpMs: 60_000, downMs: 5_000 },
  dropMidStream: 0.01,
};

export interface OutageOptions {
  /** Where the server listens (the device reaches it only through the shaped link). */
  serverUrl: string;
  /** The server's database, watched to time arrivals (not through the link). */
  pool: pg.Pool;
  session: { token: string; email: string; name: string };
  /** One page image per invoice, as the app stores them (1600 px JPEG). */
  pages: Uint8Array[];
  link?: LinkFaults;
  /** The app is killed and started again at a random moment in this range (ms) after each start. */
  restartEveryMs?: [number, number];
  seed?: number;
  onProgress?: (line: string) => void;
}

export interface OutageResult {
  invoices: number;
  link: LinkFaults;
  /** What had to reach the server: the page images and the field writes (as JSON). */
  payloadBytes: { images: number; writes: number };
  /** Seconds from the connection coming back until all field writes, then all invoices with their pages, were on the server. */
  secondsToMetadata: number;
  secondsToImages: number;
  /** Payload at the link's rate, with no overhead, latency or cut: the floor. */
  idealSeconds: number;
  /** Bytes the link carried both ways (HTTP and TLS-free TCP payload; TCP/IP headers not counted). */
  wireBytes: { up: number; down: number };
  /** Payload bytes over wire bytes. */
  efficiency: number;
  restarts: number;
  outages: number;
  dropped: number;
}

/**
 * One device queues invoices for hours with no connection (here: instantly, in its real store),
 * then syncs through a shaped, cut-prone link with the web app's own sync engine, while the app is
 * killed and started again now and then: each restart aborts whatever was in flight and keeps only
 * what the device's database holds.
 */
export async function benchOutage(opts: OutageOptions): Promise<OutageResult> {
  const faults = opts.link ?? OUTAGE_LINK;
  const [restartMin, restartMax] = opts.restartEveryMs ?? [120_000, 360_000];
  let seed = opts.seed ?? 5;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const name = `outage-${uuidv7()}`;

  // Offline: each invoice captured, read on the device, one field corrected by hand.
  let db = openDb(name);
  await db.settings.put({ key: "session", value: opts.session });
  let images = 0;
  for (const [i, bytes] of opts.pages.entries()) {
    const hash = await sha256(bytes);
    images += bytes.length;
    const id = await captureInvoice(db, [
      {
        bytes: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }),
        mime: "image/jpeg",
        ...(imageDimensions(bytes) ?? { width: 0, height: 0 }),
        sha256: hash,
        original: { name: `invoice-${i + 1}.jpg`, bytes: bytes.length, sha256: hash },
      },
    ]);
    await saveReading(
      db,
      id,
      1,
      {
        total: { value: 1_000_00 + i * 37, confidence: 0.8 },
        issueDate: { value: "2026-11-21", confidence: 0.9 },
        supplierName: { value: "Meghna Stores", confidence: 0.6 },
        invoiceNumber: { value: `MS-${i + 1}`, confidence: 0.9 },
      },
      900,
    );
    await editFields(db, id, { supplierName: "মেঘনা স্টোর্স" });
  }
  const writes = (await db.mutations.toArray()).flatMap((m) =>
    (m.writes ?? []).map((w) => ({ ...w, invoiceId: m.invoiceId })),
  );
  const writeBytes = writes.reduce((n, w) => n + JSON.stringify(w).length, 0);
  const device = (await db.settings.get("deviceId"))?.value as string;

  const link: FaultyLink = await faultyLink(opts.serverUrl, faults, opts.seed ?? 5);
  const start = performance.now();
  const seconds = () => Math.round((performance.now() - start) / 100) / 10;
  let life = begin();
  let restarts = 0;
  let restartAt = performance.now() + restartMin + random() * (restartMax - restartMin);

  function begin(): { sender: InvoiceSender; controller: AbortController } {
    const controller = new AbortController();
    const fetchFn: typeof fetch = (url, init) =>
      fetch(`${link.url}${url}`, { ...init, signal: controller.signal });
    const sender = invoiceSender(db, { fetchFn });
    void sender.kick();
    return { sender, controller };
  }
  async function restart(): Promise<void> {
    life.sender.stop();
    life.controller.abort();
    db.close();
    db = openDb(name) as ChalanDb;
    await db.open();
    life = begin();
    restarts += 1;
  }
  const count = async (sql: string, params: unknown[]) =>
    Number((await opts.pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

  let secondsToMetadata = Number.NaN;
  let secondsToImages = Number.NaN;
  let lastReport = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1_000));
    const writesThere = await count("SELECT count(*) AS n FROM field_writes WHERE device = $1", [
      device,
    ]);
    if (Number.isNaN(secondsToMetadata) && writesThere === writes.length) {
      secondsToMetadata = seconds();
    }
    const invoicesThere = await count(
      "SELECT count(DISTINCT invoice_id) AS n FROM invoice_pages WHERE org_id = (SELECT org_id FROM field_writes WHERE device = $1 LIMIT 1)",
      [device],
    );
    if (invoicesThere === opts.pages.length && !Number.isNaN(secondsToMetadata)) {
      secondsToImages = seconds();
      break;
    }
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      const p = life.sender.progress();
      const s = link.stats();
      opts.onProgress?.(
        `${seconds()} s: ${writesThere}/${writes.length} writes, ${invoicesThere}/${opts.pages.length} invoices on the server; device ${p.state} ${p.invoices.done}/${p.invoices.total}, ${(p.bytes.done / 1e6).toFixed(1)}/${(p.bytes.total / 1e6).toFixed(1)} MB; link up ${(s.bytesUp / 1e6).toFixed(1)} MB, ${s.outages} outages, ${restarts} restarts`,
      );
    }
    if (performance.now() > restartAt) {
      await restart();
      restartAt = performance.now() + restartMin + random() * (restartMax - restartMin);
    }
  }
  life.sender.stop();
  const stats = link.stats();
  await link.close();
  db.close();
  await openDb(name).delete();
  const wire = stats.bytesUp + stats.bytesDown;
  return {
    invoices: opts.pages.length,
    link: faults,
    payloadBytes: { images, writes: writeBytes },
    secondsToMetadata,
    secondsToImages,
    idealSeconds: Math.round((images + writeBytes) / (faults.bytesPerSecond ?? Infinity)),
    wireBytes: { up: stats.bytesUp, down: stats.bytesDown },
    efficiency: Math.round(((images + writeBytes) / wire) * 1000) / 1000,
    restarts,
    outages: stats.outages,
    dropped: stats.drops + stats.truncations,
  };
}

/**
 * Page images as the app stores them (long side 1600 px, JPEG quality 85), from the generated
 * corpus; each invoice's page differs (a few pixels smaller per round), so none is deduplicated.
 */
export async function outagePages(count: number): Promise<Uint8Array[]> {
  const { items } = await loadGenerated(24);
  const pages: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i % items.length] as (typeof items)[number];
    const round = Math.floor(i / items.length);
    pages.push(
      new Uint8Array(
        await sharp(item.image)
          .rotate()
          .resize({ width: 1600 - round, height: 1600 - round, fit: "inside" })
          .jpeg({ quality: 85 })
          .toBuffer(),
      ),
    );
  }
  return pages;
}
