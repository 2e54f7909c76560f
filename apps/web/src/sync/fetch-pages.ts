import { InvoicePages, imageDimensions } from "@chalan/core";
import { sha256 } from "../capture/sha256";
import type { ChalanDb, LocalPage } from "../store/db";
import type { Session } from "../store/session";

/**
 * Brings here the pages of invoices another device captured (known until now by their fields
 * alone), so they can be looked at and reviewed offline. Each page is kept only if its bytes hash
 * to what the server says, so a download cut short is fetched again rather than shown torn. Returns
 * false when the server could not be reached.
 */
export async function fetchPages(
  db: ChalanDb,
  session: Session,
  fetchFn: typeof fetch,
): Promise<boolean> {
  const headers = { authorization: `Bearer ${session.token}` };
  const bare = await db.invoices.filter((inv) => inv.pageCount === 0).toArray();
  try {
    for (const inv of bare) {
      const res = await fetchFn(`/api/invoices/${inv.id}`, { headers });
      // Its pages have not reached the server yet: the device that holds them sends them.
      if (res.status === 404) continue;
      if (!res.ok) return false;
      const { pages } = InvoicePages.parse(await res.json());
      if (pages.length === 0) continue;
      const got: LocalPage[] = [];
      for (const p of pages) {
        const file = await fetchFn(p.url, { headers });
        if (!file.ok) return false;
        const bytes = new Uint8Array(await file.arrayBuffer());
        if ((await sha256(bytes)) !== p.sha256) return false;
        const size = imageDimensions(bytes) ?? { width: 0, height: 0 };
        got.push({
          invoiceId: inv.id,
          n: p.n,
          bytes: new Blob([bytes], { type: p.mime }),
          mime: p.mime,
          ...size,
          sha256: p.sha256,
          original: { name: `page-${p.n}`, bytes: p.size, sha256: p.sha256 },
          uploaded: true,
          onServer: true,
        });
      }
      await db.transaction("rw", [db.invoices, db.pages], async () => {
        const now = await db.invoices.get(inv.id);
        if (now?.pageCount !== 0) return;
        await db.pages.bulkPut(got);
        // Read already, by the server: the device does not read these pages again.
        await db.invoices.update(inv.id, { pageCount: got.length, pagesRead: got.length });
      });
    }
    return true;
  } catch {
    return false;
  }
}
