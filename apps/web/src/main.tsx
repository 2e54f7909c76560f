import "@fontsource/noto-sans-bengali/400.css";
import "@fontsource/noto-sans-bengali/600.css";
import "./styles.css";
import { registerSW } from "virtual:pwa-register";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { initI18n } from "./i18n/i18n";
import { cacheReaderFiles } from "./ocr/reader-files";
import { reader, sender } from "./store/app-db";
import { requestBackgroundSync } from "./sync/background-sync";

// The service worker keeps the whole app so it starts with no network; the readers' files are
// fetched into its cache once it runs, and again whenever a connection comes back until all there.
registerSW({ immediate: true });
// Asked early: a browser that grants it will not clear unsynced invoices under storage pressure.
void navigator.storage?.persist?.();
const cacheReaders = () => navigator.serviceWorker?.ready.then(cacheReaderFiles);
void cacheReaders();
addEventListener("online", () => void cacheReaders());
await initI18n();
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Pages captured before a reload, a crash or a dead battery are read now, and sent when online.
void reader.kick();
// A connection coming back or the app coming to the front is a reason to try at once (not after the
// back-off); the slow timer pulls other devices' edits while the app stays open.
sender.nudge();
addEventListener("online", sender.nudge);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") sender.nudge();
});
// Changes made while offline, or a server that did not answer: the browser wakes the service worker
// to send them when it can, even if the app has been closed by then.
addEventListener("offline", () => void requestBackgroundSync());
sender.subscribe((p) => {
  if (p.state === "waiting") void requestBackgroundSync();
});
if (!navigator.onLine) void requestBackgroundSync();
setInterval(() => {
  if (navigator.onLine && sender.progress().state === "idle") void sender.kick();
}, 60_000);
