import { useEffect } from "react";
import { db } from "../store/app-db";
import { go } from "./use-route";

/**
 * For a clerk entering a pile of invoices: Alt+→ / Alt+← open the next / previous invoice of the
 * list (newest first), Alt+R the next one that needs review.
 */
export function useInvoiceKeys(id: string): void {
  useEffect(() => {
    const onKey = async (e: KeyboardEvent) => {
      if (!e.altKey || !["ArrowRight", "ArrowLeft", "r", "R"].includes(e.key)) return;
      e.preventDefault();
      const list = await db.invoices.orderBy("capturedAt").reverse().toArray();
      const at = list.findIndex((inv) => inv.id === id);
      const next =
        e.key === "ArrowRight"
          ? list[at + 1]
          : e.key === "ArrowLeft"
            ? list[at - 1]
            : [...list.slice(at + 1), ...list.slice(0, at)].find(
                (i) => i.status === "needs_review",
              );
      if (next) go({ screen: "invoice", id: next.id });
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [id]);
}
