import { clientsClaim } from "workbox-core";
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { openDb } from "./store/db";
import { waitingToSend } from "./store/pending";
import { BACKGROUND_SYNC_TAG } from "./sync/background-sync";
import { invoiceSender } from "./sync/send-invoices";

/** The parts of the service worker's global scope used here (the DOM typings do not carry them). */
interface SyncEvent extends Event {
  tag: string;
  waitUntil(done: Promise<unknown>): void;
}
declare const self: {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  addEventListener(type: "sync", listener: (event: SyncEvent) => void): void;
};

// The whole app, so a cold start with no network works.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The readers' files (three OCR cores, one used) are cached at run time: the app fetches the ones
// this device needs once (see ocr/reader-files.ts).
registerRoute(
  ({ url }) => /^\/(?:ocr|pdf)\//.test(url.pathname),
  new CacheFirst({ cacheName: __READER_CACHE__ }),
);
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/index.html"), {
    denylist: [/^\/api\//, /^\/upload-invoice/],
  }),
);
void self.skipWaiting();
clientsClaim();

/**
 * Background Sync: the browser wakes this worker when a connection returns, even with the app
 * closed, and it sends what waits with the app's own sync engine (the Web Lock keeps it from
 * running beside an open tab's). While anything still waits the event fails, so the browser tries
 * again later.
 */
const db = openDb();
const sender = invoiceSender(db, { maxAttempts: 1 });
self.addEventListener("sync", (event) => {
  if (event.tag !== BACKGROUND_SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      await sender.kick();
      // Also when an open tab held the sync lock: only what reached the server counts.
      if ((await waitingToSend(db)) > 0) throw new Error("not everything reached the server");
    })(),
  );
});
