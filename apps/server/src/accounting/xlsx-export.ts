import type { Cell, Table } from "@chalan/core";
import ExcelJS from "exceljs";

/** Tables as one XLSX workbook, a sheet each: money as numbers in taka, so sums work in Excel. */
export async function xlsxWorkbook(sheets: { name: string; table: Table }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Chalan";
  for (const { name, table } of sheets) {
    const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map(value));
      row.forEach((c, i) => {
        if (typeof c !== "string" && "poisha" in c) added.getCell(i + 1).numFmt = "#,##0.00";
      });
    }
    sheet.columns.forEach((col, i) => {
      const widest = Math.max(
        table.header[i]?.length ?? 0,
        ...table.rows.map((r) => String(value(r[i] ?? "")).length),
      );
      col.width = Math.min(60, widest + 2);
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function value(c: Cell): string | number {
  if (typeof c === "string") return c;
  return "poisha" in c ? c.poisha / 100 : c.number;
}
