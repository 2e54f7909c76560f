import { toAsciiDigits, toBanglaDigits } from "./bangla-digits";

/** Currency markers seen on Bangladeshi invoices, plus RM from the Malaysian receipts we test on. */
const CURRENCY = String.raw`(?:৳|tk\.?|taka|bdt|টাকা|rm)`;
/** Plain digits, Western grouping (1,190,000) or lakh/crore grouping (11,90,000). */
const NUMBER = String.raw`\d+|\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}`;
const AMOUNT = new RegExp(
  String.raw`^(?:${CURRENCY}\s*)?((?:${NUMBER})(?:\.\d{1,2})?)\s*(?:\/[-=])?\s*(?:${CURRENCY})?$`,
  "iu",
);
const GROUPED = new RegExp(String.raw`^(?:${NUMBER})(?:\.\d{1,2})?$`);
const PREFIX = new RegExp(String.raw`(?<![\p{L}\p{M}])${CURRENCY}\s*$`, "iu");
// `/-` after whole taka, or its slash alone where the dash was lost (`229440/` at a word's end).
const SUFFIX = new RegExp(String.raw`^\s*(?:\/[-=]|\/(?=\s|$)|${CURRENCY}(?![\p{L}\p{M}]))`, "iu");
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\d/;

/** Poisha from a bare number like `11,90,000.50`; null when the grouping or decimals are wrong. */
function numberToPoisha(number: string): number | null {
  if (!GROUPED.test(number)) return null;
  const [whole = "", fraction = ""] = number.replaceAll(",", "").split(".");
  // Digits are concatenated, never multiplied as floats, so 0.29 Tk is exactly 29 poisha.
  const digits = `${whole}${fraction.padEnd(2, "0")}`.replace(/^0+(?=\d)/, "");
  if (BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(digits);
}

/**
 * Reads one amount written on an invoice (`৳1,190.00`, `Tk. 11,90,000.50`, `১১৯০/-`, `RM 9.00`)
 * as integer poisha. Returns null for anything that is not exactly one non-negative amount with at
 * most two decimals.
 */
export function parseAmount(text: string): number | null {
  const s = toAsciiDigits(text.normalize("NFC")).replace(/\s+/gu, " ").trim();
  const m = AMOUNT.exec(s);
  return m?.[1] === undefined ? null : numberToPoisha(m[1]);
}

/** An amount found inside a longer text, with its position in that text. */
export interface AmountToken {
  poisha: number;
  start: number;
  end: number;
  negative: boolean;
  /** Has decimals, grouping or a currency marker: more likely money than a count or a code. */
  moneyLike: boolean;
}

/**
 * Finds the amounts in a line of text, skipping numbers that are part of dates, times,
 * percentages, codes or phone numbers. Offsets refer to the given text.
 */
export function findAmounts(text: string): AmountToken[] {
  const s = toAsciiDigits(text);
  const out: AmountToken[] = [];
  for (const m of s.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const number = m[0].replace(/,+$/, "");
    const start = m.index;
    const end = start + number.length;
    const before = s.slice(0, start);
    const after = s.slice(end);
    const prefix = PREFIX.exec(before)?.[0] ?? "";
    const marked = SUFFIX.exec(after)?.[0] ?? "";
    // A lone slash after one or two digits is a date's (`12/ 03/ 2025`), not `/-` cut short.
    const suffix = marked.trim() === "/" && number.replace(/\D/gu, "").length < 3 ? "" : marked;
    const lead = before.slice(0, before.length - prefix.length);
    const prev = lead.at(-1) ?? "";
    const prev2 = lead.at(-2) ?? "";
    const next = after[suffix.length] ?? "";
    const afterNext = after[suffix.length + 1] ?? "";
    // `.01`, `.00`: receipts drop the leading zero of small amounts.
    const bareFraction = prev === "." && /^\d{2}$/.test(number) && !/[\p{L}\p{N}]/u.test(prev2);
    if (!prefix && LETTER.test(prev)) continue;
    if (!prefix && !bareFraction && /[/.,#]/.test(prev)) continue;
    if (prev === ":" && DIGIT.test(prev2)) continue;
    if (prev === "-" && (DIGIT.test(prev2) || LETTER.test(prev2))) continue;
    if (!suffix && (LETTER.test(next) || next === "/" || next === "%")) continue;
    // `15 %`, and `ভ্যাট 1 5 %`: a percentage, and a digit of one split off it.
    if (!suffix && /^\s%/.test(after)) continue;
    if (/^\d{1,2}$/.test(number) && /^\s\d{1,2}\s?%/.test(after)) continue;
    if ((next === ":" || next === "." || next === ",") && DIGIT.test(afterNext)) continue;
    if (next === "-" && (DIGIT.test(afterNext) || LETTER.test(afterNext))) continue;
    const poisha = bareFraction ? Number(number) : numberToPoisha(number);
    if (poisha === null) continue;
    // `1,05,710-`: grouped whole taka whose `/-` lost its slash; `2.07-` is a credit.
    const slashLost = !suffix && next === "-" && number.includes(",") && !number.includes(".");
    out.push({
      poisha,
      start: start - prefix.length - (bareFraction ? 1 : 0),
      end: end + suffix.length + (slashLost ? 1 : 0),
      negative: prev === "-" || (next === "-" && !suffix && !slashLost),
      moneyLike: prefix !== "" || suffix !== "" || bareFraction || /[.,]/.test(number),
    });
  }
  return out;
}

/** Groups whole taka the South Asian way: last three digits, then pairs (11,90,000). */
function lakhGroups(whole: string): string {
  if (whole.length <= 3) return whole;
  const head = whole.slice(0, -3);
  return `${head.replace(/\B(?=(\d{2})+$)/g, ",")},${whole.slice(-3)}`;
}

function splitPoisha(poisha: number): { whole: string; fraction: string } {
  if (!Number.isSafeInteger(poisha) || poisha < 0) {
    throw new RangeError(`not an amount in poisha: ${poisha}`);
  }
  return {
    whole: String(Math.floor(poisha / 100)),
    fraction: String(poisha % 100).padStart(2, "0"),
  };
}

/** `৳11,90,000.50`: lakh grouping, always two decimals; Bengali digits on request. */
export function formatTaka(poisha: number, opts: { digits?: "latn" | "beng" } = {}): string {
  const { whole, fraction } = splitPoisha(poisha);
  const text = `৳${lakhGroups(whole)}.${fraction}`;
  return opts.digits === "beng" ? toBanglaDigits(text) : text;
}

/** `11900.00`, `-11900.00`: plain decimal taka for spreadsheets and accounting imports. */
export function formatDecimalTaka(poisha: number): string {
  const { whole, fraction } = splitPoisha(Math.abs(poisha));
  return `${poisha < 0 ? "-" : ""}${whole}.${fraction}`;
}
