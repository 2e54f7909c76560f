import { type InvoiceFields, SUPPLIER_MATCH_THRESHOLD, uuidv7 } from "@chalan/core";
import type pg from "pg";
import { checkOnServer } from "../../apps/server/src/checks/invoice-checks-repo";
import {
  measureMatching,
  noisyQueries,
  supplierNames,
  suppliersSheet,
} from "../../apps/server/test/noisy-suppliers";

export interface ChecksResult {
  suppliers: number;
  invoices: number;
  /** Milliseconds to check one invoice on the server (supplier match, history, duplicates, rules). */
  msPerInvoice: { median: number; p90: number };
  matching: { threshold: number; queries: number; precision: number; recall: number };
  secondsToImport: number;
}

/** A page print with inked cells scattered at random (seeded), as pagePrint writes them. */
function randomPrint(seed: number): { cells: string; inked: number } {
  let r = seed + 1;
  const rand = () => {
    r = (r * 48_271) % 2_147_483_647;
    return r / 2_147_483_647;
  };
  const share = (400 + rand() * 500) / 12_960;
  let cells = "";
  let inked = 0;
  for (let i = 0; i < 12_960 / 4; i++) {
    let nibble = 0;
    for (let k = 0; k < 4; k++) {
      const bit = rand() < share ? 1 : 0;
      inked += bit;
      nibble = nibble * 2 + bit;
    }
    cells += nibble.toString(16);
  }
  return { cells, inked };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) * 10) / 10;
};

/**
 * Issue #6's numbers: a business with `supplierCount` suppliers (imported from one CSV) and a year
 * of invoices; how long the server's checks of one invoice take, and how well noisy supplier names
 * are matched.
 */
export async function benchChecks(
  server: { serverUrl: string; pool: pg.Pool; session: { token: string } },
  supplierCount = 10_000,
  invoiceCount = 3_000,
): Promise<ChecksResult> {
  const realistic = supplierNames(supplierCount);
  const kinds = ["Traders", "Stores", "Hardware", "Foods", "Pharmacy"];
  const filler = Array.from({ length: supplierCount - realistic.length }, (_, i) => ({
    en: `Bazar ${i + 1} ${kinds[i % kinds.length]}`,
    bn: "",
  }));
  const t0 = performance.now();
  const res = await fetch(`${server.serverUrl}/api/suppliers/import?commit=true`, {
    method: "POST",
    headers: { authorization: `Bearer ${server.session.token}`, "content-type": "text/csv" },
    body: suppliersSheet([...realistic, ...filler]),
  });
  const imported = (await res.json()) as { created: number };
  const secondsToImport = Math.round((performance.now() - t0) / 100) / 10;
  const { rows: orgs } = await server.pool.query<{ org_id: string; user_id: string }>(
    "SELECT org_id, id AS user_id FROM users LIMIT 1",
  );
  const { org_id: orgId, user_id: userId } = orgs[0] as { org_id: string; user_id: string };

  // A year of invoices from the realistic suppliers, as the server holds them after reading.
  const ids: string[] = [];
  const fieldsOf = new Map<string, InvoiceFields>();
  for (let i = 0; i < invoiceCount; i++) {
    const id = uuidv7();
    const supplier = realistic[i % realistic.length] as { en: string };
    const subtotal = 1_000_00 + ((i * 7_919) % 5_000_00);
    const vat = Math.round(subtotal * 0.15);
    const v = (value: unknown) => ({ value, confidence: 0.95, provenance: "server_ocr" });
    const fields = {
      supplierName: v(supplier.en),
      invoiceNumber: v(`INV-${i}`),
      issueDate: v(
        `2026-${String(1 + (i % 11)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      ),
      subtotal: v(subtotal),
      vatRate: v(0.15),
      vat: v(vat),
      total: v(subtotal + vat),
    } as InvoiceFields;
    fieldsOf.set(id, fields);
    ids.push(id);
    await server.pool.query(
      `INSERT INTO invoices (org_id, id, status, submitter_name, submitter_email, uploaded_by, fields)
       VALUES ($1, $2, 'extracted', 'Karim', 'k@example.com', $3, $4)`,
      [orgId, id, userId, JSON.stringify(fields)],
    );
    // Its page, with a print as inked as a printed invoice's (400-900 of 12,960 cells), so the
    // search for the same paper compares as many pages as it would.
    const print = randomPrint(i);
    await server.pool.query(
      `INSERT INTO invoice_pages (org_id, invoice_id, page_no, sha256, mime, byte_size, print, inked)
       VALUES ($1, $2, 1, $3, 'image/jpeg', 250000, $4, $5)`,
      [orgId, id, i.toString(16).padStart(64, "0"), print.cells, print.inked],
    );
  }

  const ms: number[] = [];
  // The latest invoices: each has the whole year before it to be a duplicate of.
  for (const id of ids.slice(-300)) {
    const t = performance.now();
    await checkOnServer(server.pool, orgId, id, fieldsOf.get(id) as InvoiceFields);
    ms.push(performance.now() - t);
  }
  const queries = noisyQueries(realistic, 100);
  const { precision, recall } = await measureMatching(server.pool, orgId, queries);
  return {
    suppliers: imported.created,
    invoices: invoiceCount,
    msPerInvoice: { median: quantile(ms, 0.5), p90: quantile(ms, 0.9) },
    matching: {
      threshold: SUPPLIER_MATCH_THRESHOLD,
      queries: queries.length,
      precision: Math.round(precision * 1000) / 1000,
      recall: Math.round(recall * 1000) / 1000,
    },
    secondsToImport,
  };
}
