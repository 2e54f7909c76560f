import { SupplierPullResponse } from "@chalan/core";
import type { ChalanDb } from "../store/db";
import type { Session } from "../store/session";

/**
 * Brings the device's copy of the business's suppliers up to date: every change since its cursor,
 * page by page, each page with its cursor in one transaction (a removed supplier is removed here).
 * Returns false when the server could not be reached.
 */
export async function pullSuppliers(
  db: ChalanDb,
  session: Session,
  fetchFn: typeof fetch,
): Promise<boolean> {
  let since = ((await db.settings.get("supplierCursor"))?.value as number | undefined) ?? 0;
  for (;;) {
    let page: SupplierPullResponse;
    try {
      const res = await fetchFn(`/api/sync/suppliers?since=${since}&limit=500`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      if (!res.ok) return false;
      page = SupplierPullResponse.parse(await res.json());
    } catch {
      return false;
    }
    await db.transaction("rw", [db.suppliers, db.settings], async () => {
      for (const { supplier, deleted } of page.suppliers) {
        if (deleted) await db.suppliers.delete(supplier.id);
        else await db.suppliers.put(supplier);
      }
      await db.settings.put({ key: "supplierCursor", value: page.cursor });
    });
    since = page.cursor;
    if (!page.more) return true;
  }
}
