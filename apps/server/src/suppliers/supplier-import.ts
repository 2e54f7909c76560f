import {
  parseCsv,
  readSupplierSheet,
  type SheetRow,
  type SupplierFields,
  supplierKey,
  uuidv7,
} from "@chalan/core";
import ExcelJS from "exceljs";
import type pg from "pg";
import { withTransaction } from "../db/transaction";
import { Problem } from "../http/problem";
import { putSupplier } from "./supplier-repo";

/** The first worksheet's cells as text (what the clerk sees in Excel), or a CSV file's. */
async function sheetCells(file: Buffer): Promise<string[][]> {
  const isXlsx = file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (!isXlsx) return parseCsv(file.toString("utf8"));
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch (e) {
    throw new Problem(
      422,
      "Unreadable workbook",
      `The file is not a readable XLSX workbook: ${(e as Error).message}`,
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const cells: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const texts: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) texts.push(row.getCell(c).text ?? "");
    cells.push(texts);
  }
  return cells;
}

export interface ImportResult {
  rows: (SheetRow & { action?: "new" | "update" })[];
  ignoredColumns: string[];
  created: number;
  updated: number;
  refused: number;
  committed: boolean;
}

/**
 * Suppliers from a CSV or XLSX sheet: a preview (what each row would do, and why a row is refused),
 * or, with `commit`, every good row written in one transaction: a supplier already there with the
 * same BIN, else the same name, is updated rather than added twice. Refused rows write nothing.
 */
export async function importSuppliers(
  pool: pg.Pool,
  auth: { orgId: string; userId: string },
  file: Buffer,
  commit: boolean,
): Promise<ImportResult> {
  const sheet = readSupplierSheet(await sheetCells(file));
  const { rows: existing } = await pool.query<{
    id: string;
    bin: string | null;
    name_keys: string[];
  }>("SELECT id, bin, name_keys FROM suppliers WHERE org_id = $1 AND NOT deleted", [auth.orgId]);
  const byBin = new Map(existing.flatMap((s) => (s.bin ? [[s.bin, s.id] as const] : [])));
  const byKey = new Map(existing.flatMap((s) => s.name_keys.map((k) => [k, s.id] as const)));
  const plan = sheet.rows.map((row) => {
    if (!row.supplier) return { row, id: undefined };
    const s: SupplierFields = row.supplier;
    const id = (s.bin && byBin.get(s.bin)) || byKey.get(supplierKey(s.name));
    return {
      row: { ...row, action: id ? ("update" as const) : ("new" as const) },
      id: id ?? uuidv7(),
    };
  });
  if (commit) {
    await withTransaction(pool, async (tx) => {
      for (const { row, id } of plan) {
        if (row.supplier && id) await putSupplier(tx, auth.orgId, auth.userId, id, row.supplier);
      }
    });
  }
  const rows = plan.map((p) => p.row);
  return {
    rows,
    ignoredColumns: sheet.ignoredColumns,
    created: rows.filter((r) => "action" in r && r.action === "new").length,
    updated: rows.filter((r) => "action" in r && r.action === "update").length,
    refused: rows.filter((r) => r.errors.length > 0).length,
    committed: commit,
  };
}
