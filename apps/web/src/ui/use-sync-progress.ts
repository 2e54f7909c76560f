import { useEffect, useState, useSyncExternalStore } from "react";
import { sender } from "../store/app-db";
import type { SyncProgress } from "../sync/send-invoices";

/** What the sender is doing, and (when it waits to try again) the whole seconds left. */
export function useSyncProgress(): { progress: SyncProgress; secondsLeft: number } {
  const progress = useSyncExternalStore(sender.subscribe, sender.progress);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (progress.state !== "waiting") return;
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, [progress.state]);
  const secondsLeft = Math.max(0, Math.ceil(((progress.retryAt ?? now) - now) / 1_000));
  return { progress, secondsLeft };
}
