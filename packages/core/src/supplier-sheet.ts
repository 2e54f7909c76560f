import { toAsciiDigits } from "./bangla-digits";
import { SupplierFields } from "./supplier";

type Column = keyof SupplierFields;

/** Headings a business's own sheet may give each column, in English or Bengali. */
const HEADINGS: Record<Column, string[]> = {
  name: ["name", "supplier", "suppliername", "vendor", "নাম", "সরবরাহকারী", "সরবরাহকারীরনাম"],
  nameBn: ["namebn", "bengaliname", "banglaname", "নামবাংলা", "বাংলানাম"],
  aliases: ["aliases", "alias", "othernames", "অন্যনাম"],
  bin: ["bin", "vatregistration", "vatregno", "বিআইএন", "বিন"],
  tin: ["tin", "etin", "টিআইএন"],
  address: ["address", "ঠিকানা"],
  phone: ["phone", "mobile", "contact", "ফোন", "মোবাইল"],
  payment: ["payment", "bank", "bkash", "account", "বিকাশ", "ব্যাংক", "হিসাব"],
  category: ["category", "expensecategory", "খাত", "ধরন"],
  ledger: ["ledger", "tallyledger", "লেজার"],
  usualVatRate: ["vat", "vatrate", "usualvat", "usualvatrate", "ভ্যাট", "ভ্যাটহার"],
};

const headingKey = (h: string) => h.toLowerCase().replace(/[\s_\-.:()/%]+/g, "");

export interface SheetRow {
  /** The row's line in the sheet (the headings are line 1). */
  line: number;
  supplier?: SupplierFields;
  /** Why the row cannot be imported, one reason per bad cell, for a clerk to fix in the sheet. */
  errors: string[];
}

export interface SupplierSheet {
  rows: SheetRow[];
  /** Headings not understood: their columns are left out (shown so nobody loses data unawares). */
  ignoredColumns: string[];
}

/** "15", "15%", "0.15", "৭.৫%" → 0.15 / 0.075; null when it is not a rate. */
function vatRate(text: string): number | null {
  const t = toAsciiDigits(text).replace(/\s|%/g, "");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return text.includes("%") || n > 1 ? n / 100 : n;
}

/** A Bangladeshi number as the schema wants it: digits only, national form. */
const phone = (text: string) =>
  toAsciiDigits(text)
    .replace(/[\s\-()]/g, "")
    .replace(/^\+?880/, "0");
const digits = (text: string) => toAsciiDigits(text).replace(/[\s-]/g, "");

/**
 * Suppliers from a sheet (CSV or the first worksheet of an XLSX, as rows of cell text): headings
 * recognised in English or Bengali, Bengali digits and "+880" accepted, each row checked on its
 * own so one bad row is reported by line and cell without holding up the rest. A BIN used by an
 * earlier row is refused on the later one.
 */
export function readSupplierSheet(cells: string[][]): SupplierSheet {
  const [headings = [], ...body] = cells;
  const columns = headings.map((h) => {
    const key = headingKey(h);
    return (Object.keys(HEADINGS) as Column[]).find((c) => HEADINGS[c].includes(key));
  });
  if (!columns.includes("name")) {
    return {
      rows: [
        {
          line: 1,
          errors: [
            `no "name" column: the first row must hold the headings (name, bin, phone, vat, …)`,
          ],
        },
      ],
      ignoredColumns: [],
    };
  }
  const ignoredColumns = headings.filter((h, i) => columns[i] === undefined && h.trim() !== "");
  const binLine = new Map<string, number>();
  const rows: SheetRow[] = [];
  body.forEach((row, i) => {
    const line = i + 2;
    if (row.every((c) => c.trim() === "")) return;
    const raw: Record<string, unknown> = {};
    const errors: string[] = [];
    columns.forEach((column, j) => {
      const text = (row[j] ?? "").trim();
      if (!column || text === "") return;
      if (column === "aliases")
        raw.aliases = text
          .split(/[;|]/)
          .map((a) => a.trim())
          .filter(Boolean);
      else if (column === "bin" || column === "tin") raw[column] = digits(text);
      else if (column === "phone") raw.phone = phone(text);
      else if (column === "usualVatRate") {
        const rate = vatRate(text);
        if (rate === null) errors.push(`vat: "${text}" is not a rate (write 15, 15% or 0.15)`);
        else raw.usualVatRate = rate;
      } else raw[column] = text;
    });
    const parsed = SupplierFields.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "row");
        const message = issue.code === "invalid_type" ? "is required" : issue.message;
        errors.push(`${field}: ${message}`);
      }
    }
    const bin = parsed.success ? parsed.data.bin : undefined;
    if (bin !== undefined) {
      const first = binLine.get(bin);
      if (first !== undefined) errors.push(`bin: ${bin} is already on line ${first}`);
      else binLine.set(bin, line);
    }
    rows.push(
      errors.length === 0 && parsed.success
        ? { line, supplier: parsed.data, errors }
        : { line, errors },
    );
  });
  return { rows, ignoredColumns };
}
