/**
 * The words invoices and receipts use to label their fields, in English and Bengali, and what a
 * label text means for the amount beside it.
 */
import { labelBeforeDigits, words } from "./word-match";

// "otal": the first letter lost at the edge of the paper or of a line read again; "Totat",
// "Tota1", "Totai": the last one misread.
const TOTAL = words(
  "t?ota[l1it]",
  String.raw`tot\.?`,
  "ttl",
  // সবমোট: সর্বমোট with its reph lost, as a faint hand gives it.
  String.raw`স(?:র্)?ব\s?মোট`,
  "মোট",
  String.raw`নিট\s?মোট`,
);
/** Labels that name the final amount to pay, preferred over a plain "total". */
const FINAL = words(
  String.raw`grand\s?total`,
  String.raw`nett?\s?total`,
  String.raw`final\s?total`,
  String.raw`total\s?(?:amount\s?|amt\.?\s?)?(?:payable|due)`,
  String.raw`(?:amount|amt\.?|net|nett|bill|balance)\s?(?:payable|due)`,
  String.raw`payable\s?amount`,
  String.raw`স(?:র্)?ব\s?মোট`,
  String.raw`নিট\s?প্রদেয়`,
  String.raw`মোট\s?প্রদেয়`,
  String.raw`নিট\s?মোট`,
  String.raw`প্রদেয়\s?টাকা`,
);
/** The amount after rounding is what is actually paid, so it beats every other total. */
const ROUNDED_TOTAL = words(
  String.raw`rounded\s?(?:total|amount|amt\.?)`,
  String.raw`(?:nett?\s?)?t?otal\s?(?:amt\.?\s?|amount\s?)?(?:rounded|after\s?round(?:ing)?|after\s?adj\w*)`,
  String.raw`(?:nett?\s?)?total\s?\(?rounded\)?`,
);
/** Too vague to trust alone, but better than nothing: "Due", "Net", "Payable". */
const WEAK_TOTAL = words("due", "nett?", "payable", "প্রদেয়");
// "Sub Tota": the last letter lost at the edge of a faint or stamped line.
const SUBTOTAL = words(String.raw`sub\s?-?\s?tota?l?`, String.raw`উপ\s?-?\s?মোট`);
const TAX = words(
  // With its rate run into it, as OCR reads a handwritten "VAT 5%": "VAT5%". ভাট, ত্যাট: ভ্যাট
  // read with its ya-phala lost or its ভ as ত.
  String.raw`(?:vat|ভ্যাট|ভাট|ত্যাট)(?:\d{1,2}(?:\.\d{1,2})?\s?%)?`,
  String.raw`v\.a\.t\.?`,
  "gst",
  "sst",
  "tax",
  "ভ্যাটের",
  "মূসক(?:ের)?",
  "মুসক(?:ের)?",
  String.raw`মূল্য\s?সংযোজন\s?কর(?:ের)?`,
);
const TAX_INCLUDED = words(
  String.raw`incl\.?`,
  String.raw`inc\.?`,
  "including",
  "inclusive",
  "includes",
  "with",
  "after",
  "সহ",
);
const TAX_EXCLUDED = words(
  String.raw`excl\.?`,
  String.raw`exc\.?`,
  "excluding",
  "exclusive",
  "before",
  "without",
  String.raw`net\s?of`,
  String.raw`nett\s?of`,
  "ছাড়া",
  "বাদে",
  "ব্যতীত",
);
/** "VAT Reg No", "GST Summary": tax words that do not label the tax amount. */
const TAX_NOT_AMOUNT = words(
  String.raw`reg\.?`,
  "registration",
  String.raw`no\.?`,
  "id",
  "bin",
  "summary",
  "analysis",
  "invoice",
  "code",
  "নিবন্ধন",
  "নং",
);
/** Money handed over: its amount less the change is what was paid. */
const TENDER = words(
  "cash",
  "tender(?:ed)?",
  "paid",
  "payment",
  "card",
  "visa",
  String.raw`master\s?card`,
  "amex",
  "credit",
  "bkash",
  "nagad",
  "rocket",
  "নগদ",
  "পরিশোধিত",
);
// ফেরত as a hand's ফ and র come out: ফ্রেরত, ফেব্রত, ফ্রেতে.
const CHANGE = words("change", "ফেরত", "ফ্রেরত", "ফেব্রত", "ফ্রেতে");
const OTHER_PAYMENT = words(
  "refund",
  "advance",
  "deposit",
  "received",
  String.raw`balance(?!\s?due)`,
  "জমা",
  "অগ্রিম",
  "বাকি",
);
/** Totals of something other than money, or of money taken off. */
const NOT_MONEY_TOTAL = words(
  String.raw`qty\.?`,
  "quantity",
  "items?",
  String.raw`item\s?\(s\)`,
  "count",
  "pcs",
  "pieces?",
  "units?",
  "stamps?",
  String.raw`stamp\s?\(s\)`,
  "points?",
  "weight",
  "kg",
  "litres?",
  "savings?",
  "saved",
  String.raw`promo\w*`,
  "voucher",
  "সংখ্যা",
  "পিস",
  "কমিশন",
);
/** Money taken off the subtotal before VAT. */
const DISCOUNT = words("discount", String.raw`disc\.?`, "less", "rebate", "ছাড়", "মূল্যছাড়", "ডিসকাউন্ট");
/** "Total after discount" is a total, not the discount. */
const AFTER = words("after", String.raw`net\s?of`, "পরে");
const ROUNDING = words(String.raw`round\w*`, "rnd", String.raw`adj\.?`, "adjustments?");

/** What an amount next to a label is. `rank` orders labels of one role, higher is surer. */
export type AmountLabel =
  | { role: "total" | "subtotal" | "vat" | "discount"; rank: number }
  | { role: "payment"; kind: "tender" | "change" | "other" }
  | { role: "rounding" | "other" };

/** Longer "labels" are sentences ("GST is included in the total above"), not labels. */
const MAX_LABEL_WORDS = 8;

/** Reads what the label text in front of an amount says the amount is; null if no label. */
export function classifyAmountLabel(text: string): AmountLabel | null {
  const label = text.normalize("NFC");
  if (label.split(/\s+/).filter(Boolean).length > MAX_LABEL_WORDS) return null;
  // "Cash advance", "Change due": whatever else the label says, the money is no tender.
  if (OTHER_PAYMENT.test(label)) return { role: "payment", kind: "other" };
  if (CHANGE.test(label)) return { role: "payment", kind: "change" };
  if (TENDER.test(label)) return { role: "payment", kind: "tender" };
  if (NOT_MONEY_TOTAL.test(label)) return { role: "other" };
  const total = TOTAL.test(label) || FINAL.test(label) || ROUNDED_TOTAL.test(label);
  const discount = DISCOUNT.test(label);
  if (discount && !(total && AFTER.test(label))) {
    return { role: "discount", rank: 2 };
  }
  if (SUBTOTAL.test(label)) return { role: "subtotal", rank: discount ? 1 : 2 };
  if (ROUNDING.test(label) && !total) return { role: "rounding" };
  if (TAX.test(label)) {
    if (TAX_EXCLUDED.test(label)) return total ? { role: "subtotal", rank: 1 } : { role: "other" };
    if (!(total && TAX_INCLUDED.test(label))) {
      if (TAX_NOT_AMOUNT.test(label)) return { role: "other" };
      return { role: "vat", rank: total ? 2 : 1 };
    }
  } else if (TAX_EXCLUDED.test(label)) {
    return total ? { role: "subtotal", rank: 1 } : { role: "other" };
  }
  if (ROUNDED_TOTAL.test(label)) return { role: "total", rank: 4 };
  if (FINAL.test(label)) return { role: "total", rank: 3 };
  if (total) return { role: "total", rank: 2 };
  if (WEAK_TOTAL.test(label)) return { role: "total", rank: 1 };
  return null;
}

// A table's rules read as `|` are punctuation too.
const CURRENCY_ONLY = new RegExp(
  String.raw`^[\s:.\-=()[\]#@*|]*(?:(?:৳|tk\.?|taka|bdt|টাকা|rm|myr|\$)[\s:.\-=()[\]|]*)?$`.normalize(
    "NFC",
  ),
  "iu",
);

/** Whether a text names VAT or another sales tax anywhere in it (`VAT 15%`, `মূসক-৬.৩`, `GST`). */
export function mentionsTax(text: string): boolean {
  return TAX.test(text.normalize("NFC"));
}

/** A label that is only a currency sign or punctuation (`RM`, `:`, `Tk.`, `|`): no meaning of its own. */
export function isCurrencyOnly(label: string): boolean {
  return CURRENCY_ONLY.test(label);
}

// A date may follow its label with no space the OCR saw: "Dt21Apr2026", "তারিখ১৮/০৩/২০২৬".
const DATE_LABEL = labelBeforeDigits("date", "dated", String.raw`dt\.?`, "তারিখ", "তাং");
/** Dates that are not the issue date. */
const OTHER_DATE = words(
  "due",
  "expiry",
  String.raw`exp\.?`,
  "expires?",
  "print(?:ed)?",
  "valid",
  "warranty",
  "delivery",
  "birth",
  "entry",
  "exit",
  "last",
  "মেয়াদ",
  "ডেলিভারি",
  "পরিশোধের",
  "শেষ",
);

const DUE_DATE_LABEL = words(
  String.raw`due\s?(?:date|on|by)`,
  String.raw`payment\s?due(?:\s?date)?`,
  String.raw`pay\s?by`,
  String.raw`last\s?date(?:\s?of\s?payment)?`,
  String.raw`পরিশোধের\s?(?:শেষ\s?)?তারিখ`,
  String.raw`(?:পরিশোধের\s?)?শেষ\s?তারিখ`,
);

/** Where a label for the due date ends in a line (NFC, as `textLines` gives), or -1. */
export function dueDateLabelEnd(line: string): number {
  const m = DUE_DATE_LABEL.exec(line.normalize("NFC"));
  return m ? m.index + m[0].length : -1;
}

/** Where a label for the issue date ends in a line (NFC, as `textLines` gives), or -1. */
export function dateLabelEnd(line: string): number {
  const text = line.normalize("NFC");
  for (const m of text.matchAll(new RegExp(DATE_LABEL.source, "giu"))) {
    // "Due Date", "Print Date": the qualifier is in the two words before the label.
    const qualifier = text.slice(0, m.index).split(/\s+/).slice(-3).join(" ");
    if (!OTHER_DATE.test(qualifier)) return m.index + m[0].length;
  }
  return -1;
}

// "lnvoice": a capital I read as l.
const DOCUMENT = String.raw`(?:tax\s?)?(?:[il]nvoice|inv|bill|receipt|rcpt|document|doc|memo|cash\s?memo|challan|chalan|slip|voucher)`;
// "No" as OCR reads it when written by hand too: "Receipt Ne:", "Bill N0", "Receipt Now" (its
// colon a w); its N as 14 before the colon: "Bill 140: SBS/26/8238".
const NUMBER_WORD = String.raw`(?:n[o0e]\.?|now|140(?=:)|num\.?|number|nbr|#)`;
// The number may follow with no space read between: `Receipt No75130`.
const INVOICE_NUMBER_LABEL = labelBeforeDigits(
  // A speck between the words reads as a point, a comma or a colon: "Receipt, No:", "Receipt: No:".
  String.raw`${DOCUMENT}[.,:;]?\s?${NUMBER_WORD}`,
  String.raw`${DOCUMENT}\s?#`,
  String.raw`(?:চালান|চালানের|চালানপত্র|চালানপত্রের|বিল|ক্রমিক|মেমো|ক্যাশ\s?মেমো|রশিদ|রসিদ|ইনভয়েস)\s?(?:নং|নম্বর|নাম্বার)`,
);

/**
 * Where a label for the invoice number ends in a line (NFC, as `textLines` gives), or -1; after
 * its translation when the form gives both (`চালানপত্র নম্বর / Invoice No:`).
 */
export function invoiceNumberLabelEnd(line: string): number {
  const text = line.normalize("NFC");
  const m = INVOICE_NUMBER_LABEL.exec(text);
  if (!m) return -1;
  const end = m.index + m[0].length;
  const slash = /^\s?\/\s?/u.exec(text.slice(end));
  const translated = slash && INVOICE_NUMBER_LABEL.exec(text.slice(end + slash[0].length));
  return slash && translated?.index === 0 ? end + slash[0].length + translated[0].length : end;
}

/**
 * Whether a text opens with the label of another field (`Date:`, `বিল নং;`), as the second of
 * two label–value pairs OCR read as one line does: what precedes it ends there.
 */
export function startsWithFieldLabel(text: string): boolean {
  const t = text.normalize("NFC").replace(/^[\s:ঃ;,.|\-–]+/u, "");
  return [DATE_LABEL, DUE_DATE_LABEL, INVOICE_NUMBER_LABEL].some((re) => re.exec(t)?.index === 0);
}

const COLUMN_HEADER = words(
  "qty",
  "quantity",
  "price",
  "rate",
  "amount",
  "amt",
  "description",
  "desc",
  "item",
  "unit",
  "disc",
  "code",
  "tax",
  "gst",
  "vat",
  "পরিমাণ",
  "দর",
  "মূল্য",
  "বিবরণ",
  "একক",
);

/** A row of column headings ("Qty  Price  Amount  Total"), where a value below is a table cell. */
export function isColumnHeaderRow(texts: readonly string[]): boolean {
  return texts.filter((t) => COLUMN_HEADER.test(t)).length >= 2;
}
