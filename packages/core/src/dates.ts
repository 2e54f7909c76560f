import { toAsciiDigits } from "./bangla-digits";

const DHAKA_OFFSET_MS = 6 * 60 * 60 * 1000;

/** English names, for writing months in reports. */
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Month names and the spellings seen on invoices, English and Bengali. */
export const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ["jan", "জানুয়ারি", "জানুয়ারী", "জানুআরি"],
  ["feb", "ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুআরি"],
  // "Mac": Malay receipts' March, and OCR's reading of a handwritten "Mar".
  ["mar", "mac", "মার্চ"],
  // "Ap": a handwritten "Apr" whose r OCR lost; no other month begins so.
  ["apr", "ap", "এপ্রিল"],
  ["may", "মে"],
  ["jun", "জুন"],
  ["jul", "জুলাই"],
  // আগষ, আগস: the OCR drops the ্ট hanging below the line.
  ["aug", "আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "আগষ", "আগস"],
  ["sep", "sept", "সেপ্টেম্বর", "সেপ্টেম্বার", "সেপ্টেমবর"],
  // "0ct": OCR takes the round O for a zero.
  ["oct", "0ct", "অক্টোবর", "অক্টোবার"],
  ["nov", "নভেম্বর", "নভেম্বার"],
  ["dec", "ডিসেম্বর", "ডিসেম্বার"],
].map((names, i) => [...names, MONTHS_EN[i]?.toLowerCase() ?? ""]);
const MONTH_BY_NAME = new Map(
  MONTH_NAMES.flatMap((names, i) => names.map((n) => [n.normalize("NFC"), i + 1] as const)),
);
/** য় may arrive precomposed (U+09DF) or as য + nukta; NFC gives the latter, text may not be NFC. */
const MONTH = `(${[...MONTH_BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replaceAll("\u09AF\u09BC", "(?:\u09AF\u09BC|\u09DF)"))
  .join("|")})\\.?`;

/** Not glued to a neighbouring letter or number, so `MARKET` or `123/45/678` do not match. */
const B = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const E = String.raw`(?![\p{L}\p{M}\p{N}]|[\/.\-]\d)`;
/** Ordinal endings: 1st, 18th; Bengali ১লা, ২রা, ৪ঠা, ১৮ই, ২১শে. */
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|লা|রা|ঠা|ই|শে|এ)?`;
const YEAR = String.raw`(\d{4}|\d{2})`;
/**
 * Days 5–18 are written with ই (`৫ই`, `১৪ই`), which OCR may read as a 3, an 8 or a 2
 * (`53 ডিসেম্বর`, `143 জুন`, `158 মে`, `102 অক্টোবর`): as days, 52–98 and 102–188 do not exist, so
 * the digit is the ending; or as a % (`12% সেপ্টেম্বর`), which before a month's name is no rate.
 */
const DAY_WITH_I_AS_DIGIT = "([5-9]|1[0-8])[238%]";
/** A four-digit year with the time run into it, as OCR joins `5/3/2018 22:52:33`. */
const GLUED_TIME = String.raw`(?<=\d{4})(?=[0-2]?\d:[0-5]\d)`;
const NUMERIC_DMY = [String.raw` ?\/ ?`, " ?- ?", String.raw`\.`].map((sep) => ({
  re: new RegExp(String.raw`${B}(\d{1,2})${sep}(\d{1,2})${sep}${YEAR}(?:${E}|${GLUED_TIME})`, "gu"),
  order: "dmy" as const,
}));
/**
 * OCR drops a faint separator to a space (`18 06- 2018`): a bare space on one side or both, with a
 * four-digit year only, so two counts and a price do not make a date; `18/03-2026` stays refused.
 */
const SEPARATOR = String.raw`(?: ?[\/.\-] ?| )`;
const SPACED_DMY = [
  String.raw`(\d{1,2}) (\d{1,2})${SEPARATOR}(\d{4})`,
  String.raw`(\d{1,2})${SEPARATOR}(\d{1,2}) (\d{4})`,
].map((body) => ({ re: new RegExp(`${B}${body}${E}`, "gu"), order: "dmy" as const }));
const PATTERNS: ReadonlyArray<{ re: RegExp; order: "dmy" | "ymd" | "mdy" }> = [
  { re: new RegExp(String.raw`${B}(\d{4})([\/.\-])(\d{1,2})\2(\d{1,2})${E}`, "gu"), order: "ymd" },
  ...NUMERIC_DMY,
  ...SPACED_DMY,
  {
    re: new RegExp(
      String.raw`${B}${DAY}[\s\-\/.,]*${MONTH}(?![\p{L}\p{M}])[\s\-\/.,]*${YEAR}${E}`,
      "giu",
    ),
    order: "dmy",
  },
  {
    re: new RegExp(
      String.raw`${B}${DAY_WITH_I_AS_DIGIT}[\s\-\/.,]*${MONTH}(?![\p{L}\p{M}])[\s\-\/.,]*${YEAR}${E}`,
      "giu",
    ),
    order: "dmy",
  },
  {
    re: new RegExp(
      String.raw`${B}${MONTH}(?![\p{L}\p{M}])[\s\-.]*${DAY}(?:,\s*|\s+)${YEAR}${E}`,
      "giu",
    ),
    order: "mdy",
  },
];

export interface DateOptions {
  /**
   * Two-digit years are read as the latest year not after `pivotYear` that ends in those digits.
   * Default 2069: `26` is 2026, `85` is 1985.
   */
  pivotYear?: number;
}

/** A date found inside a longer text, with its position in that text. */
export interface DateToken {
  date: string;
  start: number;
  end: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` when the parts make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function fullYear(digits: string, pivotYear: number): number {
  const y = Number(digits);
  return digits.length === 4 ? y : pivotYear - (((pivotYear % 100) - y + 100) % 100);
}

/** The month a name or its abbreviation (`Feb`, `ফেব্রুয়ারি`) names. */
export function monthByName(name: string): number | undefined {
  return MONTH_BY_NAME.get(name.normalize("NFC").toLowerCase().replace(/\.$/, ""));
}

function monthNumber(part: string): number {
  return monthByName(part) ?? Number(part);
}

/**
 * Finds the calendar dates written in a text: day-first numeric dates (the Bangladeshi way),
 * ISO dates, English and Bengali month names, Bengali digits. Impossible dates are skipped.
 * Offsets refer to the given text.
 */
export function findDates(text: string, opts: DateOptions = {}): DateToken[] {
  const pivotYear = opts.pivotYear ?? 2069;
  const s = toAsciiDigits(text);
  const found: DateToken[] = [];
  for (const { re, order } of PATTERNS) {
    for (const m of s.matchAll(re)) {
      const parts = m.slice(1).filter((p) => p !== undefined && !/^[/.-]$/.test(p));
      const [a = "", b = "", c = ""] = parts;
      const [y, mo, d] = order === "ymd" ? [a, b, c] : order === "dmy" ? [c, b, a] : [c, a, b];
      const date = isoDate(fullYear(y, pivotYear), monthNumber(mo), Number(d));
      const start = m.index;
      const end = start + m[0].length;
      if (date && !found.some((f) => f.start < end && start < f.end))
        found.push({ date, start, end });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

/**
 * Reads a date as written on an invoice (`18/03/2026`, `18-03-26`, `2026-03-18`, `18 Mar 2026`,
 * `Mar 18, 2026`, `১৮ মার্চ ২০২৬`) as `YYYY-MM-DD`. Numeric dates are day-first. Returns null
 * unless the whole text is one real calendar date.
 */
export function parseDate(text: string, opts: DateOptions = {}): string | null {
  const s = text.normalize("NFC").trim();
  const [only, ...rest] = findDates(s, opts);
  return only && rest.length === 0 && only.start === 0 && only.end === s.length ? only.date : null;
}

function assertInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError("invalid Date");
}

/** The calendar date in Dhaka (UTC+6, no DST) at an instant, `YYYY-MM-DD`. */
export function dhakaDate(instant: Date): string {
  assertInstant(instant);
  return new Date(instant.getTime() + DHAKA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar month in Dhaka at an instant, `YYYY-MM`. */
export function dhakaMonth(instant: Date): string {
  return dhakaDate(instant).slice(0, 7);
}

function parseMonth(month: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(m?.[1]);
  const mo = Number(m?.[2]);
  if (!m || mo < 1 || mo > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return { year, month: mo };
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const { year, month: mo } = parseMonth(month);
  return mo === 1 ? `${pad(year - 1, 4)}-12` : `${pad(year, 4)}-${pad(mo - 1)}`;
}

export function nextMonth(month: string): string {
  const { year, month: mo } = parseMonth(month);
  return mo === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(mo + 1)}`;
}

/** First and last calendar day of `YYYY-MM`, inclusive. */
export function monthRange(month: string): { from: string; to: string } {
  const { year, month: mo } = parseMonth(month);
  return { from: `${month}-01`, to: `${month}-${pad(daysInMonth(year, mo))}` };
}

/** `March 2026` for `2026-03`. */
export function monthName(month: string): string {
  const { year, month: mo } = parseMonth(month);
  return `${MONTHS_EN[mo - 1]} ${year}`;
}

/** The UTC instant of a wall-clock time in Dhaka on a calendar date. */
export function dhakaInstant(date: string, time: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!d || isoDate(Number(d[1]), Number(d[2]), Number(d[3])) === null) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  }
  if (!t) throw new RangeError(`not a time (HH:MM): ${time}`);
  const utc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return new Date(utc - DHAKA_OFFSET_MS);
}
