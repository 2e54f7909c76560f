import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { webRoot } from "../../server/src/http/routes/web-routes";

/** OCR worker, one core, two models, pdf.js's worker and its standard fonts, as the build has them. */
async function readerFileCount(): Promise<number> {
  const files = await readdir(path.join(webRoot, "pdf"), { recursive: true });
  return 5 + files.filter((f) => /standard_fonts\/.+\.(pfb|ttf)$/.test(f)).length;
}

/**
 * A first visit to the app: loads it and waits until the service worker controls the page and
 * the readers' files are in its cache, so everything after may run with no connection.
 */
export async function installApp(page: Page, url: string): Promise<void> {
  const count = await readerFileCount();
  await page.goto(`${url}/`);
  const deadline = Date.now() + 120_000;
  // Polled from here: waitForFunction takes the promise an async predicate returns for "true".
  while (
    !(await page.evaluate(async (count) => {
      await navigator.serviceWorker.ready;
      const readers = await caches.open("chalan-readers");
      return navigator.serviceWorker.controller !== null && (await readers.keys()).length === count;
    }, count))
  ) {
    if (Date.now() > deadline) throw new Error("the app and its readers were not cached in 2 min");
    await page.waitForTimeout(250);
  }
}
