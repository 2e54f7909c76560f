import { SupplierFields, uuidv7 } from "@chalan/core";
import type { ChalanDb } from "./db";
import { currentSession } from "./session";

async function call(db: ChalanDb, path: string, init: RequestInit): Promise<unknown> {
  const session = await currentSession(db);
  if (!session) throw new Error("Sign in first (Account).");
  const res = await fetch(path, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${session.token}` },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.detail ?? `HTTP ${res.status}`);
  return body;
}

/**
 * Adds a supplier on the server (it decides on duplicates and keeps the history) and to this
 * device's cache at once; other devices get it at their next sync.
 */
export async function addSupplier(db: ChalanDb, form: unknown): Promise<void> {
  const fields = SupplierFields.parse(form);
  const id = uuidv7();
  const saved = await call(db, `/api/suppliers/${id}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fields),
  });
  await db.suppliers.put(saved as Parameters<typeof db.suppliers.put>[0]);
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
