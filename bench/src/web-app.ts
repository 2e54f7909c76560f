import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { webRoutes } from "../../apps/server/src/http/routes/web-routes";
import { launchChromium } from "../../apps/web/test/chromium";
import { installApp } from "../../apps/web/test/install-app";
import { networkSwitch } from "../../apps/web/test/network-switch";
import type { Dataset } from "./extraction";
import { type FieldScore, type Observation, observe, scoreFields } from "./metrics";

/** "A draft within seconds" (issue #4), made a number: 9 pages in 10 have one on screen by then. */
export const DRAFT_BUDGET_SECONDS = 5;

export interface WebAppResult {
  dataset: string;
  pages: number;
  browser: string;
  /** Bytes the server sent on a first visit, until the app and the OCR files were cached. */
  firstLoad: { appBytes: number; readerBytes: number; requests: number };
  /** From choosing the file to the draft on screen: downscale, store, OCR, extraction. */
  secondsToDraft: { median: number; p90: number };
  /** OCR + extraction alone, as the page measured it. */
  readingSeconds: { median: number; p90: number };
  /** How right the on-device draft is (the server reads every page again after sync). */
  fields: Record<string, FieldScore>;
  byScript: Record<string, Record<string, FieldScore>>;
  byTier: Record<string, Record<string, FieldScore>>;
  misses: (Observation & { id: string })[];
  failedReadings: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) * 100) / 100;
};

interface StoredInvoice {
  reading: string;
  readingMs?: number;
  fields: Record<string, { value: unknown; confidence: number }>;
}

/**
 * The web app in Debian's headless Chromium, as a phone would use it: a first visit online (bytes
 * counted by the server), then the network cut and every page captured and read on the device.
 */
export async function benchWebApp(dataset: Dataset): Promise<WebAppResult> {
  const app = Fastify();
  const sent = { app: 0, readers: 0, requests: 0 };
  app.addHook("onResponse", async (req, reply) => {
    const bytes = Number(reply.getHeader("content-length") ?? 0);
    sent.requests += 1;
    if (/^\/(?:ocr|pdf)\//.test(req.url)) sent.readers += bytes;
    else sent.app += bytes;
  });
  await app.register(webRoutes);
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  const net = await networkSwitch(origin);
  const profile = await mkdtemp(path.join(tmpdir(), "chalan-bench-chromium-"));
  const chrome = await launchChromium(profile);
  try {
    const page = await chrome.context.newPage();
    await installApp(page, net.url);
    const firstLoad = { appBytes: sent.app, readerBytes: sent.readers, requests: sent.requests };

    await net.cut();
    await chrome.context.setOffline(true);
    const toDraft: number[] = [];
    const reading: number[] = [];
    const all: Observation[] = [];
    const byScript = new Map<string, Observation[]>();
    const byTier = new Map<string, Observation[]>();
    const misses: (Observation & { id: string })[] = [];
    let failedReadings = 0;
    for (const item of dataset.items) {
      await page.goto(`${net.url}/#/capture`);
      const t0 = performance.now();
      await page.getByTestId("capture-files").setInputFiles(item.image);
      await page.waitForURL(/#\/invoice\/[0-9a-f-]{36}$/);
      const id = page.url().split("/").pop() as string;
      let inv: StoredInvoice;
      for (;;) {
        inv = await page.evaluate(storedInvoice, id);
        if (inv.reading !== "waiting" && inv.reading !== "reading") break;
        await page.waitForTimeout(100);
      }
      toDraft.push((performance.now() - t0) / 1000);
      reading.push((inv.readingMs ?? 0) / 1000);
      if (inv.reading === "failed") failedReadings += 1;
      const obs = observe(item.truth, inv.fields);
      all.push(...obs);
      const script = item.tier.split("/")[0] ?? item.tier;
      byScript.set(script, [...(byScript.get(script) ?? []), ...obs]);
      byTier.set(item.tier, [...(byTier.get(item.tier) ?? []), ...obs]);
      misses.push(...obs.filter((o) => !o.correct).map((o) => ({ id: item.id, ...o })));
    }
    return {
      dataset: dataset.name,
      pages: dataset.items.length,
      browser: await chrome.browser.version(),
      firstLoad,
      secondsToDraft: { median: quantile(toDraft, 0.5), p90: quantile(toDraft, 0.9) },
      readingSeconds: { median: quantile(reading, 0.5), p90: quantile(reading, 0.9) },
      fields: scoreFields(all),
      byScript: Object.fromEntries([...byScript].sort().map(([s, o]) => [s, scoreFields(o)])),
      byTier: Object.fromEntries([...byTier].sort().map(([t, o]) => [t, scoreFields(o)])),
      misses,
      failedReadings,
    };
  } finally {
    await chrome.close();
    await net.close();
    await app.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 10 });
  }
}

/** Runs in the page: the invoice as the app stored it in IndexedDB. */
function storedInvoice(id: string): Promise<StoredInvoice> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("chalan");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction("invoices").objectStore("invoices").get(id);
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });
}
