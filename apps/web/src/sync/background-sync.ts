/** The Background Sync registration the service worker answers (see sw.ts). */
export const BACKGROUND_SYNC_TAG = "chalan-sync";

/**
 * Asks the browser to wake the service worker to sync once a connection is back, even if the app
 * is closed by then. Where Background Sync is missing (Firefox, Safari) the app syncs when open.
 */
export async function requestBackgroundSync(): Promise<void> {
  const registration = await navigator.serviceWorker?.ready;
  const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
    ?.sync;
  await sync?.register(BACKGROUND_SYNC_TAG).catch(() => {});
}
