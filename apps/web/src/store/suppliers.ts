import { Supplier, SupplierFields, uuidv7 } from "@chalan/core";
import type { ChalanDb } from "./db";
import { serverCall as call, json } from "./server-call";

/**
 * Adds a supplier (or, given its id, changes one) on the server, which decides on duplicates and
 * keeps the history, and in this device's cache at once; other devices get it at their next sync.
 */
export async function saveSupplier(db: ChalanDb, form: unknown, id = uuidv7()): Promise<void> {
  const fields = SupplierFields.parse(form);
  const saved = Supplier.parse(
    await call(db, `/api/suppliers/${id}`, { method: "PUT", ...json(fields) }),
  );
  await db.suppliers.put(saved);
}

/** Removes a supplier on the server (its invoices keep their names) and from this device's cache. */
export async function removeSupplier(db: ChalanDb, id: string): Promise<void> {
  await call(db, `/api/suppliers/${id}`, { method: "DELETE" });
  await db.suppliers.delete(id);
}

export interface ImportPreview {
  rows: { line: number; supplier?: { name: string }; errors: string[]; action?: string }[];
  ignoredColumns: string[];
  created: number;
  updated: number;
  refused: number;
  committed: boolean;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Sends a supplier sheet for a preview, or (`commit`) to import its good rows. */
export async function importSheet(
  db: ChalanDb,
  file: File,
  commit: boolean,
): Promise<ImportPreview> {
  const type = /\.xlsx$/i.test(file.name) ? XLSX : "text/csv";
  return (await call(db, `/api/suppliers/import${commit ? "?commit=true" : ""}`, {
    method: "POST",
    headers: { "content-type": type },
    body: file,
  })) as ImportPreview;
}
