import { toAsciiDigits } from "./bangla-digits";

/** Words that say what kind of business it is, not which: dropped before names are compared. */
const FORM_WORDS = [
  "m/s",
  "messrs",
  "ltd",
  "limited",
  "pvt",
  "private",
  "co",
  "company",
  "corp",
  "corporation",
  "and sons",
  "& sons",
  "enterprise",
  "enterprises",
  "মেসার্স",
  "লিঃ",
  "লিমিটেড",
  "প্রাঃ",
  "অ্যান্ড সন্স",
  "এন্টারপ্রাইজ",
];

/**
 * A supplier's name reduced to what tells it apart: lower case, no "M/S", "Ltd.", "& Sons" or
 * their Bengali forms, no punctuation or spaces. Two spellings of one shop's name that differ only
 * so compare equal; the fuzzy matching of #6 starts from here.
 */
export function supplierKey(name: string): string {
  let s = ` ${toAsciiDigits(name).toLowerCase().normalize("NFC")} `;
  s = s.replace(/[.,()'"’`-]/g, " ");
  for (const w of FORM_WORDS) {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
    s = s.replace(new RegExp(`(?<=\\s)${escaped}(?=\\s)`, "gu"), " ");
  }
  return s.replace(/[\s&/]+/g, "");
}
