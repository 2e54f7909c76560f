import {
  type FieldName,
  formatTaka,
  parseAmount,
  parseDate,
  toAsciiDigits,
  toBanglaDigits,
} from "@chalan/core";
import type { Language } from "../i18n/i18n";

/** The fields a clerk edits on the invoice screen, in the order a paper invoice shows them. */
export const editableFields = [
  "supplierName",
  "supplierBin",
  "supplierPhone",
  "invoiceNumber",
  "issueDate",
  "dueDate",
  "subtotal",
  "discount",
  "vatRate",
  "vat",
  "total",
  "notes",
] as const satisfies readonly FieldName[];
export type EditableField = (typeof editableFields)[number];

type Kind = "money" | "date" | "rate" | "bin" | "phone" | "text";
const KIND: Record<EditableField, Kind> = {
  supplierName: "text",
  supplierBin: "bin",
  supplierPhone: "phone",
  invoiceNumber: "text",
  issueDate: "date",
  dueDate: "date",
  subtotal: "money",
  discount: "money",
  vatRate: "rate",
  vat: "money",
  total: "money",
  notes: "text",
};

export const isMoney = (f: EditableField) => KIND[f] === "money";

const script = (s: string, lang: Language) => (lang === "bn" ? toBanglaDigits(s) : s);

export function showMoney(poisha: number, lang: Language): string {
  return formatTaka(poisha, { digits: lang === "bn" ? "beng" : "latn" });
}

export function showDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split("-");
  return script(`${d}/${m}/${y}`, lang);
}

/** A stored value as the clerk sees it in the field's input, numbers in the chosen script. */
export function fieldText(field: EditableField, value: unknown, lang: Language): string {
  if (value === undefined || value === null) return "";
  switch (KIND[field]) {
    case "money":
      return showMoney(value as number, lang).slice(1);
    case "date":
      return showDate(value as string, lang);
    case "rate":
      return script(String(Math.round((value as number) * 10_000) / 100), lang);
    case "bin":
    case "phone":
      return script(String(value), lang);
    default:
      return String(value);
  }
}

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: keyof typeof REASON };
const REASON = { money: 0, date: 0, rate: 0, bin: 0, phone: 0 } as const;

/**
 * What the clerk typed → the stored value; Bengali or Latin digits alike. An empty input clears the
 * field (`null`). The schema in core checks the result again before anything is saved.
 */
export function parseFieldText(field: EditableField, text: string): Parsed {
  const s = toAsciiDigits(text.normalize("NFC")).trim();
  if (s === "") return { ok: true, value: null };
  const kind = KIND[field];
  switch (kind) {
    case "money": {
      const poisha = parseAmount(s);
      return poisha === null ? { ok: false, reason: "money" } : { ok: true, value: poisha };
    }
    case "date": {
      const date = parseDate(s);
      return date === null ? { ok: false, reason: "date" } : { ok: true, value: date };
    }
    case "rate": {
      const m = /^(\d{1,2}(?:\.\d{1,2})?)\s*%?$/.exec(s);
      if (!m?.[1]) return { ok: false, reason: "rate" };
      return { ok: true, value: Math.round(Number(m[1]) * 100) / 10_000 };
    }
    case "bin": {
      const digits = s.replace(/[\s-]/g, "");
      return /^\d{13}$/.test(digits) ? { ok: true, value: digits } : { ok: false, reason: "bin" };
    }
    case "phone": {
      const digits = s.replace(/[\s-]/g, "").replace(/^\+?88(?=0)/, "");
      return /^0\d{8,10}$/.test(digits)
        ? { ok: true, value: digits }
        : { ok: false, reason: "phone" };
    }
    default:
      return { ok: true, value: s };
  }
}
