import { toBanglaDigits } from "@chalan/core";

export type Digits = "latn" | "beng";

/** 0–99 in Bengali: irregular, so every one is listed. */
// biome-ignore format: ten a row reads as a table
const BN_0_99 = [
  "শূন্য", "এক", "দুই", "তিন", "চার", "পাঁচ", "ছয়", "সাত", "আট", "নয়",
  "দশ", "এগারো", "বারো", "তেরো", "চৌদ্দ", "পনেরো", "ষোলো", "সতেরো", "আঠারো", "উনিশ",
  "বিশ", "একুশ", "বাইশ", "তেইশ", "চব্বিশ", "পঁচিশ", "ছাব্বিশ", "সাতাশ", "আটাশ", "ঊনত্রিশ",
  "ত্রিশ", "একত্রিশ", "বত্রিশ", "তেত্রিশ", "চৌত্রিশ", "পঁয়ত্রিশ", "ছত্রিশ", "সাঁইত্রিশ", "আটত্রিশ", "ঊনচল্লিশ",
  "চল্লিশ", "একচল্লিশ", "বিয়াল্লিশ", "তেতাল্লিশ", "চুয়াল্লিশ", "পঁয়তাল্লিশ", "ছেচল্লিশ", "সাতচল্লিশ", "আটচল্লিশ", "ঊনপঞ্চাশ",
  "পঞ্চাশ", "একান্ন", "বায়ান্ন", "তিপ্পান্ন", "চুয়ান্ন", "পঞ্চান্ন", "ছাপ্পান্ন", "সাতান্ন", "আটান্ন", "ঊনষাট",
  "ষাট", "একষট্টি", "বাষট্টি", "তেষট্টি", "চৌষট্টি", "পঁয়ষট্টি", "ছেষট্টি", "সাতষট্টি", "আটষট্টি", "ঊনসত্তর",
  "সত্তর", "একাত্তর", "বাহাত্তর", "তিয়াত্তর", "চুয়াত্তর", "পঁচাত্তর", "ছিয়াত্তর", "সাতাত্তর", "আটাত্তর", "ঊনআশি",
  "আশি", "একাশি", "বিরাশি", "তিরাশি", "চুরাশি", "পঁচাশি", "ছিয়াশি", "সাতাশি", "অষ্টাশি", "ঊননব্বই",
  "নব্বই", "একানব্বই", "বিরানব্বই", "তিরানব্বই", "চুরানব্বই", "পঁচানব্বই", "ছিয়ানব্বই", "সাতানব্বই", "আটানব্বই", "নিরানব্বই",
] as const;

// biome-ignore format: a table
const EN_0_19 = [
  "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
  "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
] as const;
const EN_TENS = [
  "",
  "",
  "Twenty",
  "Thirty",
  "Forty",
  "Fifty",
  "Sixty",
  "Seventy",
  "Eighty",
  "Ninety",
];

/** South Asian scales, largest first: crore (10⁷), lakh (10⁵), thousand, hundred. */
const SCALES = [10_000_000, 100_000, 1000, 100] as const;

function enBelow100(n: number): string {
  if (n < 20) return EN_0_19[n] ?? "";
  const ones = n % 10;
  return `${EN_TENS[Math.floor(n / 10)]}${ones ? ` ${EN_0_19[ones]}` : ""}`;
}

/** Whole numbers the way cheques and memos write them: `এক লক্ষ পনেরো হাজার`, `One Lakh Fifteen Thousand`. */
export function numberWords(n: number, lang: "bn" | "en", lakh: "লক্ষ" | "লাখ" = "লক্ষ"): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number: ${n}`);
  if (n === 0) return lang === "bn" ? BN_0_99[0] : EN_0_19[0];
  const names =
    lang === "bn" ? { 10000000: "কোটি", 100000: lakh, 1000: "হাজার", 100: "শত" } : undefined;
  const parts: string[] = [];
  let rest = n;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale);
    rest %= scale;
    if (count === 0) continue;
    // Above 99 crore the crore count is itself spelled out with scales.
    const countWords = count < 100 ? below100(count, lang) : numberWords(count, lang, lakh);
    if (lang === "bn") {
      // "শত" is written joined to its count: দুইশত, পাঁচশত.
      parts.push(scale === 100 ? `${countWords}শত` : `${countWords} ${names?.[scale]}`);
    } else {
      const name = { 10000000: "Crore", 100000: "Lakh", 1000: "Thousand", 100: "Hundred" }[scale];
      parts.push(`${countWords} ${name}`);
    }
  }
  if (rest > 0) parts.push(below100(rest, lang));
  return parts.join(" ");
}

function below100(n: number, lang: "bn" | "en"): string {
  return lang === "bn" ? (BN_0_99[n] ?? "") : enBelow100(n);
}

export type WordsStyle = "bn" | "bn-lakh" | "en-taka-first" | "en-taka-last";

/** The total in words as written after "কথায়:" / "In words:", poisha included when there are any. */
export function amountInWords(poisha: number, style: WordsStyle): string {
  const taka = Math.floor(poisha / 100);
  const paisa = poisha % 100;
  if (style === "bn" || style === "bn-lakh") {
    const lakh = style === "bn" ? "লক্ষ" : "লাখ";
    const p = paisa ? ` ${numberWords(paisa, "bn")} পয়সা` : "";
    return `${numberWords(taka, "bn", lakh)} টাকা${p} মাত্র`;
  }
  const p = paisa ? ` and ${numberWords(paisa, "en")} Paisa` : "";
  return style === "en-taka-first"
    ? `Taka ${numberWords(taka, "en")}${p} Only`
    : `${numberWords(taka, "en")} Taka${p} Only`;
}

export type Grouping = "lakh" | "western" | "none";

function group(whole: string, grouping: Grouping): string {
  if (grouping === "none" || whole.length <= 3) return whole;
  if (grouping === "western") return whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${whole.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ",")},${whole.slice(-3)}`;
}

export interface MoneyStyle {
  grouping: Grouping;
  digits: Digits;
  /** Whole amounts written `1,150/-` as on hand-filled memos; others keep two decimals. */
  dash: boolean;
}

/** Poisha as printed: `1,15,000.00`, `115,000.00`, `১,১৫,০০০/-`. */
export function formatMoney(poisha: number, style: MoneyStyle): string {
  const whole = group(String(Math.floor(poisha / 100)), style.grouping);
  const paisa = poisha % 100;
  const text =
    style.dash && paisa === 0 ? `${whole}/-` : `${whole}.${String(paisa).padStart(2, "0")}`;
  return withDigits(text, style.digits);
}

/** The taka part alone, for memos with separate টাকা and পয়সা columns. */
export function formatTakaPart(poisha: number, style: MoneyStyle): string {
  return withDigits(group(String(Math.floor(poisha / 100)), style.grouping), style.digits);
}

export function withDigits(text: string, digits: Digits): string {
  return digits === "beng" ? toBanglaDigits(text) : text;
}

/** Quantities print without trailing zeros: `10`, `2.5`. */
export function formatQuantity(quantity: number, digits: Digits): string {
  return withDigits(String(quantity), digits);
}

/** `15%`, `7.5%`, `১৫%`. */
export function formatRate(rate: number, digits: Digits): string {
  return withDigits(`${Math.round(rate * 1000) / 10}%`, digits);
}

// biome-ignore format: a table
export const EN_MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;
/** The Gregorian months as Bengali invoices spell them. */
// biome-ignore format: a table
export const BN_MONTHS = [
  "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
  "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
] as const;

export const DATE_FORMATS = [
  "dd/mm/yyyy",
  "dd-mm-yyyy",
  "dd-mm-yy",
  "dd.mm.yyyy",
  "d mon yyyy",
  "d month, yyyy",
  "bn month",
  "bn ordinal",
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Bengali day ordinals: ১লা, ২রা, ৪ঠা, ৫ই … ১৮ই, ১৯শে … ৩১শে. */
function bnOrdinal(day: number): string {
  if (day === 1) return "লা";
  if (day <= 3) return "রা";
  if (day === 4) return "ঠা";
  return day <= 18 ? "ই" : "শে";
}

/** `YYYY-MM-DD` as printed: `18/03/2026`, `18-03-26`, `18 Mar 2026`, `১৮ই মার্চ, ২০২৬`. */
export function formatDate(iso: string, format: DateFormat, digits: Digits): string {
  const [y = "", m = "", d = ""] = iso.split("-");
  const month = Number(m) - 1;
  const day = Number(d);
  const text = {
    "dd/mm/yyyy": `${d}/${m}/${y}`,
    "dd-mm-yyyy": `${d}-${m}-${y}`,
    "dd-mm-yy": `${d}-${m}-${y.slice(2)}`,
    "dd.mm.yyyy": `${d}.${m}.${y}`,
    "d mon yyyy": `${day} ${EN_MONTHS[month]?.slice(0, 3)} ${y}`,
    "d month, yyyy": `${day} ${EN_MONTHS[month]}, ${y}`,
    "bn month": `${day} ${BN_MONTHS[month]} ${y}`,
    "bn ordinal": `${day}${bnOrdinal(day)} ${BN_MONTHS[month]}, ${y}`,
  }[format];
  return withDigits(text, digits);
}
