import { useEffect } from "react";
import { db } from "../store/app-db";
import { reviewQueue } from "../store/review-queue";
import { go, parseRoute } from "./use-route";

/**
 * For a clerk entering a pile of invoices: Alt+→ / Alt+← open the next / previous invoice of the
 * list (newest first), Alt+R the next one in the review queue (most money held back first).
 */
export function useInvoiceKeys(id: string): void {
  useEffect(() => {
    const onKey = async (e: KeyboardEvent) => {
      if (!e.altKey || !["ArrowRight", "ArrowLeft", "r", "R"].includes(e.key)) return;
      e.preventDefault();
      // The invoice on screen now: a key pressed right after the last one moved on reaches this
      // listener before the screen has re-rendered with the new id.
      const route = parseRoute(location.hash);
      const current = route.screen === "invoice" ? route.id : id;
      const list =
        e.key === "r" || e.key === "R"
          ? (await reviewQueue(db)).map((item) => item.inv)
          : await db.invoices.orderBy("capturedAt").reverse().toArray();
      const at = list.findIndex((inv) => inv.id === current);
      const next =
        e.key === "ArrowLeft"
          ? list[at - 1]
          : e.key === "ArrowRight"
            ? list[at + 1]
            : (list[at + 1] ?? list.find((inv) => inv.id !== current));
      if (next) go({ screen: "invoice", id: next.id });
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [id]);
}
