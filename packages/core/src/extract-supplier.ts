import { confidenceOf } from "./confidence";
import { findDates } from "./dates";
import { buyerLines } from "./extract-parties";
import type { ExtractedField } from "./invoice";
import { dateLabelEnd, invoiceNumberLabelEnd } from "./label-words";
import { fieldAt, valueNear } from "./labelled-value";
import { rows, type TextLine, textExtent, unionBox } from "./page-layout";
import { partyLabel } from "./party-labels";
import { headingsIn } from "./table-columns";
import { words } from "./word-match";

/** Legal forms: a line carrying one is almost always the business name. */
const LEGAL_FORM = words(
  String.raw`sdn\.?\s?bhd\.?`,
  String.raw`sdn\.?`,
  String.raw`bhd\.?`,
  "berhad",
  String.raw`s\/b`,
  String.raw`ltd\.?`,
  "limited",
  "plc",
  String.raw`pvt\.?`,
  "private",
  "llc",
  "llp",
  "plt",
  String.raw`inc\.?`,
  String.raw`corp\.?`,
  "corporation",
  "লিমিটেড",
  "লিঃ",
  "প্রাইভেট",
  "কর্পোরেশন",
);
/** Kinds of business that shop names carry. */
const BUSINESS = words(
  "enterprises?",
  "trading",
  "traders?",
  "stores?",
  "mart",
  "supermarket",
  "shop",
  "restaurants?",
  "restoran",
  "cafe",
  "hotel",
  "pharmacy",
  "farmasi",
  "hardware",
  "bakery",
  "bakeries",
  "company",
  String.raw`co\.`,
  "industries",
  "electronics",
  "textiles?",
  "garments?",
  "agency",
  "agencies",
  "books?",
  "bookstores?",
  "stationery",
  "motors",
  "medical",
  "clinic",
  String.raw`(?:&|and)\s?sons`,
  "brothers",
  String.raw`bros\.?`,
  "kedai",
  "pasar(?:aya)?",
  "ট্রেডার্স",
  "ট্রেডিং",
  "এন্টারপ্রাইজ(?:েস)?",
  "এন্টারপ্রাইজ",
  "স্টোর(?:্স)?",
  "ষ্টোর(?:্স)?",
  "মার্ট",
  "শপ",
  "হোটেল",
  "রেস্টুরেন্ট",
  "রেস্তোরাঁ",
  "ফার্মেসী",
  "ফার্মেসি",
  "মেডিকেল",
  "হার্ডওয়্যার",
  "বেকারি",
  "বস্ত্রালয়",
  "ভান্ডার",
  "ভাণ্ডার",
  "এজেন্সি",
  "ইলেকট্রনিক্স",
  "ইন্ডাস্ট্রিজ",
  "টেক্সটাইল",
  "গার্মেন্টস",
  String.raw`(?:অ্যান্ড|এন্ড)\s?সন্স`,
  "ব্রাদার্স",
  "কোম্পানি",
  "বিতান",
  "প্রেস",
  "m/s",
  "মেসার্স",
  "house",
  "হাউস",
  "printers?",
  "প্রিন্টার্স",
  "works",
  "ওয়ার্কস",
  "corner",
  "কর্নার",
  "services",
  "সার্ভিসেস",
  "suppl(?:y|ies)",
  "সাপ্লাই(?:জ)?",
  "library",
  "লাইব্রেরি",
  "steel",
  "স্টিল",
  "electric(?:al)?s?",
  "ইলেকট্রিক(?:্যালস)?",
  "builders",
  "বিল্ডার্স",
  "transport",
  "ট্রান্সপোর্ট",
  "catering",
  "ক্যাটারিং",
  "solutions?",
  "সলিউশন",
  "foods?",
  "ফুডস",
  "agro",
  "এগ্রো",
  "pharma",
  "ফার্মা",
  "engineering",
  "ইঞ্জিনিয়ারিং",
);
const ADDRESS = words(
  "jalan",
  String.raw`jln\.?`,
  "lorong",
  "taman",
  String.raw`tmn\.?`,
  "lot",
  "road",
  String.raw`rd\.?`,
  "street",
  String.raw`st\.`,
  "lane",
  "avenue",
  "floor",
  String.raw`flr\.?`,
  "level",
  "block",
  String.raw`blk\.?`,
  "building",
  String.raw`bldg\.?`,
  String.raw`house\s?(?:no\.?|#)?\s?\d+\w*`,
  String.raw`holding\s?(?:no\.?|#)?\s?\d+\w*`,
  String.raw`shop\s?(?:no\.?|#)?\s?\d+\w*`,
  "sector",
  "section",
  "seksyen",
  "suite",
  "bandar",
  String.raw`p\.?\s?o\.?\s?box`,
  "thana",
  "upazila",
  "district",
  String.raw`no\.?\s?\d+\w*`,
  String.raw`বাড়ি\s?(?:নং)?\s?\d+`,
  String.raw`দোকান\s?(?:নং)?\s?\d+`,
  "বাসা",
  "রোড",
  "সড়ক",
  "লেন",
  "ফ্লোর",
  "তলা",
  "ভবন",
  "থানা",
  "উপজেলা",
  "জেলা",
  "সেক্টর",
  "ব্লক",
  "হোল্ডিং",
);
/** A postcode next to a place name: `Dhaka-1205`, `81100 JOHOR BAHRU`. */
const POSTCODE = /(?<![\p{N}\-/.])\d{4,6}(?![\p{N}\-/.])|\p{L}\s?-\s?\d{4}(?!\p{N})/u;
const CONTACT = words(
  String.raw`tel\.?`,
  "telephone",
  "phone",
  "fax",
  "mobile",
  String.raw`mob\.?`,
  "cell",
  "hotline",
  "whatsapp",
  "e-?mail",
  String.raw`www\.\S*`,
  String.raw`\S+@\S+`,
  String.raw`\S+\.com\S*`,
  "ফোন",
  "মোবাইল",
  "হটলাইন",
  "ইমেইল",
);
const REGISTRATION = words(
  String.raw`reg\.?`,
  "registration",
  "gst",
  "vat",
  "bin",
  "tin",
  "roc",
  String.raw`co\.?\s?no\.?`,
  String.raw`company\s?no\.?`,
  String.raw`br\s?no\.?`,
  String.raw`trade\s?licen[cs]e`,
  "mushak",
  "বিআইএন",
  "ভ্যাট",
  "মূসক",
  "নিবন্ধন",
  String.raw`ট্রেড\s?লাইসেন্স`,
);
/**
 * Document titles, courtesies and the stamps pressed over them (`PAID`) that head a page without
 * naming anyone.
 */
const TITLE_WORDS = words(
  "paid",
  "received",
  "cancell?ed",
  "পরিশোধিত",
  "simplified",
  "tax",
  "invoice",
  "receipt",
  "official",
  // `CASHMEMO`: the title with the space between its words lost.
  String.raw`cash\s?memo`,
  "cash",
  "credit",
  "bill",
  "memo",
  "sales?",
  "challan",
  "copy",
  "customer",
  "duplicate",
  "original",
  "welcome",
  "to",
  String.raw`thank\s?you`,
  "চালান",
  "চালানপত্র",
  "ক্যাশ",
  "মেমো",
  "বিল",
  "রশিদ",
  "রসিদ",
  "বিক্রয়",
  "ইনভয়েস",
  "স্বাগতম",
  "ধন্যবাদ",
  "government",
  "people'?s",
  "republic",
  "of",
  "the",
  "bangladesh",
  String.raw`national\s?board\s?of\s?revenue`,
  "গণপ্রজাতন্ত্রী",
  "বাংলাদেশ",
  "সরকার",
  String.raw`জাতীয়\s?রাজস্ব\s?বোর্ড`,
);
const TIME = /\d{1,2}:\d{2}/;
/** "Owned by X Sdn Bhd": X runs the shop, the name above is the one on the sign and the receipt. */
const OWNER = words(
  String.raw`owned\s?by`,
  String.raw`operated\s?by`,
  String.raw`managed\s?by`,
  String.raw`dimiliki\s?oleh`,
  "proprietor",
  String.raw`prop\.`,
  "স্বত্বাধিকারী",
  "প্রোপ্রাইটর",
);
/**
 * Where the name ends and what follows is its registration number: `(519537-X)`, or as OCR may
 * read it, `{519537-1) .`.
 */
const TRAILING_REGISTRATION =
  /[\s,]*[({]?[A-Z]{0,4}\s?\d{4,}[\s-]?[A-Z\d]?[)}]?(?:\s*\([A-Z]{2,5}\))?[\s.]*$/iu;
/** A line starting with a legal form continues the name above: `POPULAR BOOK` / `CO. (M) SDN BHD`. */
const CONTINUES_ABOVE = /^(?:co\.|\(m\)|sdn\b|bhd\b|ltd\b|limited\b|&|and\b|লিমিটেড)/iu;
const CONTINUES_BELOW = /(?:&|\band|-)$/iu;

/** More `(` than `)`: the name goes on to the next line (`ENTERPRISE (SETIA` / `ALAM) SDN BHD`). */
function opensBracket(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
}

function closesBracket(text: string): boolean {
  return (text.match(/\)/g)?.length ?? 0) > (text.match(/\(/g)?.length ?? 0);
}

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

function digits(text: string): number {
  return text.match(/\p{N}/gu)?.length ?? 0;
}

/** A shop's line of trade under its name: "All kinds of…", "এখানে … পাওয়া যায়". */
const TAGLINE = words(
  String.raw`all\s?kinds`,
  String.raw`dealers?\s?(?:of|in)`,
  String.raw`wholesale\s?(?:&|and)\s?retail`,
  String.raw`retail\s?(?:&|and)\s?wholesale`,
  "available",
  String.raw`orders?\s?taken`,
  "এখানে",
  String.raw`পাওয়া\s?যায়`,
  String.raw`করা\s?হয়`,
  String.raw`সকল\s?প্রকার`,
);
// Fewer letters than this after a supplier's label are what is left of a name garbled (`NS`).
const MIN_NAME_LETTERS = 3;
/** Names are short; a longer line is a sentence. */
const MAX_NAME_WORDS = 8;

/** Lines that cannot be the business name, whatever else they say. */
function isNotAName(text: string): boolean {
  return (
    letters(text) < 3 ||
    text.split(" ").length > MAX_NAME_WORDS ||
    TAGLINE.test(text) ||
    headingsIn(text).length >= 2 ||
    digits(text) >= letters(text) ||
    CONTACT.test(text) ||
    REGISTRATION.test(text) ||
    TIME.test(text) ||
    findDates(text).length > 0 ||
    dateLabelEnd(text) >= 0 ||
    invoiceNumberLabelEnd(text) >= 0 ||
    partyLabel(text) !== undefined ||
    letters(text.replace(new RegExp(TITLE_WORDS.source, "giu"), "")) < 3 ||
    // A line wholly in brackets is a note under the name: branch, registration, former name.
    /^\(.*\)$/u.test(text)
  );
}

function isAddress(text: string): boolean {
  return (
    ADDRESS.test(text) ||
    (POSTCODE.test(text) && letters(text) > 0) ||
    (text.match(/,/g)?.length ?? 0) >= 2
  );
}

/**
 * A Bengali name's "& Sons" as Tesseract garbles the ya-phala of অ্যান্ড and the conjunct of সন্স:
 * `WS সম্স`, `WTS সঙ্গ`, `SIS সন্প`, `আ্যান্ড SH`, `আ্যান্ড 5TH`, `আমন্ড সন্ম`, both words as
 * Latin letters (`WE AN`, `SIS 57%`) (generated shop names, seeds 3, 4, 11 and 12: 13 of them).
 */
const GARBLED_AND_SONS =
  /(?<=\p{Script=Bengali}\p{M}*)\s(?:(?:[A-Za-z]{1,4}|[\p{Script=Bengali}\p{M}]{0,4}ন্ড)\sস[নমঙ]্?[সমগপ]|(?:আ্যান্ড|অ্যান্ড|এন্ড)\s[A-Z0-9]{1,3}|[A-Z]{2,4}\s[A-Z0-9%]{1,3})$/u;

/** Tidies a name: drops a registration number after it and stray punctuation around it. */
function tidyName(text: string): string {
  let name = text;
  const legal = [...name.matchAll(new RegExp(LEGAL_FORM.source, "giu"))].at(-1);
  // Whatever follows the legal form is a registration number or branch code, not the name.
  if (legal && /[\d(]/.test(name.slice(legal.index + legal[0].length))) {
    name = name.slice(0, legal.index + legal[0].length);
  }
  return name
    .replace(TRAILING_REGISTRATION, "")
    .replace(/^[\s*\-.,:#]+|[\s*\-,:#]+$/gu, "")
    .slice(0, 300);
}

const repairAndSons = (name: string) => name.replace(GARBLED_AND_SONS, " অ্যান্ড সন্স");

/** A name tidied, its "& Sons" repaired. */
const cleanName = (text: string) => repairAndSons(tidyName(text));

interface Row {
  text: string;
  lines: TextLine[];
}

/** The supplier's name as printed at the head of the page, and the lines it was read from. */
interface SupplierHeading {
  field: ExtractedField<string>;
  lines: TextLine[];
}

/**
 * The supplier's name at the head of the page: in its top part, the first line naming a legal
 * form (Ltd, Sdn Bhd, লিমিটেড), else the first naming a kind of business (Traders, Store,
 * ট্রেডার্স), else the first line that is not an address, phone, title, registration or date.
 */
function supplierHeading(lines: readonly TextLine[]): SupplierHeading | undefined {
  const { top, bottom } = textExtent(lines);
  const limit = top + (bottom - top) * 0.4;
  const buyer = buyerLines(lines);
  const head: Row[] = rows(lines)
    .filter((r) => (r[0]?.box.y0 ?? Number.POSITIVE_INFINITY) <= limit)
    .filter((r) => !r.some((l) => buyer.has(l)))
    .slice(0, 12)
    .map((r) => ({ text: r.map((l) => l.text).join(" "), lines: r }));
  const scored = head.map((row, i) => {
    // Judge the name without its trailing registration number: `DION SDN BHD (CO. NO:20154-T)`.
    const text = cleanName(row.text);
    const owner = OWNER.test(text) || OWNER.test(head[i - 1]?.text ?? "");
    let tier = 0;
    if (isNotAName(text) || owner) tier = -1;
    else if (LEGAL_FORM.test(text)) tier = 2;
    else if (isAddress(text)) tier = -1;
    else if (BUSINESS.test(text)) tier = 1;
    return { row, i, tier };
  });
  const bestTier = Math.max(-1, ...scored.map((s) => s.tier));
  const chosen = scored.find((s) => s.tier === bestTier);
  if (!chosen || bestTier < 0) return undefined;
  const parts = [chosen.row];
  const text = chosen.row.text;
  const above = scored[chosen.i - 1];
  const aboveText = above?.row.text ?? "";
  const joinsAbove =
    CONTINUES_ABOVE.test(text) ||
    CONTINUES_BELOW.test(aboveText) ||
    (closesBracket(text) && opensBracket(aboveText));
  if (above && !isNotAName(aboveText) && joinsAbove) {
    parts.unshift(above.row);
    // Three-line names: `AIK HUAT HARDWARE` / `ENTERPRISE (SETIA` / `ALAM) SDN BHD`.
    const higher = scored[chosen.i - 2];
    const higherText = higher?.row.text ?? "";
    if (
      higher &&
      !isNotAName(higherText) &&
      higher.tier >= 0 &&
      (CONTINUES_BELOW.test(higherText) || BUSINESS.test(aboveText.split(" ")[0] ?? ""))
    ) {
      parts.unshift(higher.row);
    }
  }
  const next = scored[chosen.i + 1];
  const nextText = next?.row.text ?? "";
  const nextIsLegalForm =
    next !== undefined && letters(nextText.replace(new RegExp(LEGAL_FORM.source, "giu"), "")) === 0;
  const joinsBelow =
    CONTINUES_BELOW.test(text) || opensBracket(text) || (nextIsLegalForm && !LEGAL_FORM.test(text));
  if (next && !isNotAName(nextText) && joinsBelow) parts.push(next.row);
  const value = cleanName(parts.map((p) => p.text).join(" "));
  if (letters(value) < 2) return undefined;
  const used = parts.flatMap((p) => p.lines);
  const rivals = scored.filter(
    (s) => s.tier === bestTier && s !== chosen && !parts.includes(s.row),
  ).length;
  const source = bestTier === 2 ? "distinctive" : bestTier === 1 ? "typical" : "guess";
  const evidence = { source, ocr: Math.min(...used.map((l) => l.confidence)), rivals } as const;
  return {
    field: { value, confidence: confidenceOf(evidence), box: unionBox(used.map((l) => l.box)) },
    lines: used,
  };
}

/** A name after a supplier's label: `নিবন্ধিত ব্যক্তির নাম:`, `Name of Registered Person:`. */
function labelledSupplier(lines: readonly TextLine[]): ExtractedField<string> | undefined {
  for (const line of lines) {
    const label = partyLabel(line.text);
    if (label?.party !== "supplier" || label.field !== "name") continue;
    const hit = valueNear(lines, line, label.end, (text, from) => {
      // The next label's line (`BIN of Registered Person:`) under a name read as nothing.
      if (partyLabel(text.slice(from))) return undefined;
      // Where the name stands as read: its repair is not in the text.
      const read = tidyName(text.slice(from));
      const start = text.indexOf(read, from);
      // A stamp over an empty field (`PAID`) is no name.
      const named =
        letters(read.replace(new RegExp(TITLE_WORDS.source, "giu"), "")) >= MIN_NAME_LETTERS;
      return named && start >= 0
        ? { start, end: start + read.length, value: repairAndSons(read) }
        : undefined;
    });
    if (hit) return fieldAt(hit, { source: "strongLabel" });
  }
  return undefined;
}

/** The supplier's name: after a supplier's label if the form has one, else the page's heading. */
export function extractSupplier(lines: readonly TextLine[]): ExtractedField<string> | undefined {
  return labelledSupplier(lines) ?? supplierHeading(lines)?.field;
}

/** Rows under the heading searched for the address: a tagline or registration may sit between. */
const ADDRESS_ROWS = 6;

/** A last address line without an address word: `JOHOR.`, `SELANGOR DARUL EHSAN`. */
function endsAddress(text: string, previous: string): boolean {
  const wordCount = text.split(" ").length;
  return /,$/u.test(previous) || (wordCount <= 3 && digits(text) === 0);
}

/**
 * The supplier's address printed under its name: the address-like rows (road, house, postcode,
 * commas) following the heading, up to a phone, date or label line. Registration numbers and
 * taglines between are skipped.
 */
export function extractSupplierAddress(
  lines: readonly TextLine[],
): ExtractedField<string> | undefined {
  const heading = supplierHeading(lines);
  if (!heading) return undefined;
  const bottom = Math.max(...heading.lines.map((l) => l.box.y1));
  const after = rows(lines)
    .filter((r) => (r[0]?.box.y0 ?? 0) >= bottom - 2)
    .slice(0, ADDRESS_ROWS);
  const parts: string[] = [];
  const used: TextLine[] = [];
  let previous = "";
  for (const row of after) {
    const text = row.map((l) => l.text).join(" ");
    const contact = CONTACT.exec(text);
    const address = contact ? text.slice(0, contact.index) : text;
    if (partyLabel(text) || dateLabelEnd(text) >= 0 || findDates(text).length > 0) break;
    const note = REGISTRATION.test(text) || /^\(.*\)$/u.test(text);
    const more = previous !== "" && !isNotAName(address) && endsAddress(address, previous);
    if (!note && letters(address) >= 3 && (isAddress(address) || more)) {
      parts.push(address.replace(/[\s,;.]+$/u, ""));
      used.push(...row);
      previous = address.trim();
    } else if (parts.length > 0) break;
    if (contact) break;
  }
  if (parts.length === 0) return undefined;
  const ocr = Math.min(...used.map((l) => l.confidence));
  return {
    value: parts.join(", "),
    confidence: confidenceOf({ source: "typical", ocr }),
    box: unionBox(used.map((l) => l.box)),
  };
}
