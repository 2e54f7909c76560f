import type { ChalanDb } from "./db";

/** Above this share of the quota the app warns before the browser starts refusing writes. */
export const WARN_AT = 0.8;

export interface StorageState {
  used: number;
  quota: number;
  persisted: boolean;
}

/** Time to warn: the browser refuses writes near its quota, and a refused capture is lost. */
export const nearlyFull = (s: StorageState) => s.quota > 0 && s.used >= s.quota * WARN_AT;

/** Asks the browser not to clear our data under storage pressure, and reports use and quota. */
export async function storageState(): Promise<StorageState> {
  const persisted =
    (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
  const { usage = 0, quota = 0 } = (await navigator.storage?.estimate?.()) ?? {};
  return { used: usage, quota, persisted };
}

/**
 * Frees space by dropping the image bytes of pages the server has confirmed it stores; nothing
 * else is touched, so no page exists only here and gets lost. Returns the bytes freed.
 */
export async function freeSpace(db: ChalanDb): Promise<number> {
  return db.transaction("rw", db.pages, async () => {
    let freed = 0;
    await db.pages
      .filter((p) => p.onServer && p.bytes.size > 0)
      .modify((p) => {
        freed += p.bytes.size;
        p.bytes = new Blob([], { type: p.mime });
      });
    return freed;
  });
}
