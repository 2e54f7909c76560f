/**
 * Repairs of the commonest OCR mistakes, applied to a line's words before anything is matched:
 * letters read for digits inside amounts, dates, phone numbers and BINs (`1,O5O.OO`, `l2/O3/2026`,
 * `O1711-223344`), digits read for letters inside label words (`T0TAL`), and words or amounts
 * broken in two (`To tal`, `11,90, 000.50`).
 * Works on ASCII-digit, NFC text as `textLines` prepares it.
 */

/** A repaired word and the input words `[from, to)` it was made of. */
export interface RepairedToken {
  text: string;
  from: number;
  to: number;
  repaired: boolean;
}

const LETTER_AS_DIGIT: Record<string, string> = {
  O: "0",
  o: "0",
  l: "1",
  // A handwritten 1 with its foot: `L834/-`.
  L: "1",
  I: "1",
  "|": "1",
  "]": "1",
  S: "5",
  B: "8",
};
const DIGIT_AS_LETTER: Record<string, string> = { "0": "o", "1": "l", "5": "s", "8": "b" };

const CURRENCY_PREFIX = /^(?:৳|tk\.?|bdt|rm|\$)/iu;
const CURRENCY_SUFFIX = /(?:\/[-=]|৳|টাকা)$/u;
/** A money shape only an amount has: lakh or Western grouping, or exactly two decimals. */
const MONEY = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d{2})?$/u;
const HAS_SEPARATOR = /[.,]/u;
const NUMERIC_CHARS = new RegExp(
  `^[\\d.,${Object.keys(LETTER_AS_DIGIT)
    .map((c) => c.replace(/[\]\\^-]/u, "\\$&"))
    .join("")}]+$`,
  "u",
);

/** Label words the extractors look for, which OCR breaks or misspells with digits. */
const KEYWORDS = new Set(
  [
    "total",
    "subtotal",
    "grand",
    "amount",
    "payable",
    "discount",
    "invoice",
    "date",
    "vat",
    "tax",
    "gst",
    "taka",
    "only",
    "words",
    "hundred",
    "thousand",
    "lakh",
    "মোট",
    "সর্বমোট",
    "উপমোট",
    "তারিখ",
    "ভ্যাট",
    "মূসক",
    "চালান",
    "টাকা",
    "মাত্র",
  ].map((w) => w.normalize("NFC")),
);

function core(word: string): string {
  return word.toLowerCase().replace(/[:.,;]+$/u, "");
}

/**
 * Shapes only numbers have, written with any character that may be a digit (`#`): a day-first
 * date, a mobile number, a BIN in its 9+4 form. A code such as `B011` has none of them.
 */
const NUMBER_SHAPES = [/^##?([/.-])##?\1(?:##)?##$/u, /^(?:\+?88)?#{5}-?#{6}$/u, /^#{9}-#{4}$/u];

function asDigit(c: string): string {
  return LETTER_AS_DIGIT[c] ?? c;
}

/** `l2/O3/2026` → `12/03/2026`: a date, phone or BIN with letters for some of its digits. */
function repairNumberShape(word: string): string {
  if (!/[^\d+./-]/u.test(word) || (word.match(/\d/gu)?.length ?? 0) < 3) return word;
  const shape = [...word].map((c) => (/\d/u.test(asDigit(c)) ? "#" : c)).join("");
  return NUMBER_SHAPES.some((re) => re.test(shape)) ? [...word].map(asDigit).join("") : word;
}

/** `1,O5O.OO` → `1,050.00`: letters inside an amount read back as the digits they resemble. */
function repairAmount(word: string): string {
  const prefix = CURRENCY_PREFIX.exec(word)?.[0] ?? "";
  const rest = word.slice(prefix.length);
  const suffix = CURRENCY_SUFFIX.exec(rest)?.[0] ?? "";
  const body = rest.slice(0, rest.length - suffix.length);
  if (!NUMERIC_CHARS.test(body) || !/[^\d.,]/u.test(body)) return word;
  const fixed = [...body].map(asDigit).join("");
  // Only a separated money shape or a currency mark proves an amount: `B011`, `06S` are codes.
  const marked = prefix !== "" || suffix !== "" || HAS_SEPARATOR.test(fixed);
  if (!/\d/u.test(body) || !marked || !MONEY.test(fixed)) return word;
  return `${prefix}${fixed}${suffix}`;
}

// Groups of thousands (or the lakh way) before two decimals or the end, set off by dots.
const DOTTED_GROUPS = [
  /^\d{1,3}(?:[.,]\d{3})+(?=\.\d{2}$)/u,
  /^\d{1,2}(?:[.,]\d{2})+[.,]\d{3}(?=(?:\.\d{2})?$)/u,
];
const ONE_DOTTED_GROUP = /^\d{1,3}\.\d{3}$/u;

/**
 * `24.402.50` → `24,402.50`, `1.07.500/-` → `1,07,500/-`, `১,১৬.৯০০.০০` → `১,১৬,৯০০.০০`: commas
 * written by hand that OCR read as dots, some or all. One dot before three digits (`73.075`) is a comma only where whole taka are meant: `/-`
 * after it, or paisa written apart after it at the end of the line (`138.500 00`, a memo pad's
 * taka and paisa columns).
 */
function repairDottedGroups(word: string, paisaAfter: boolean): string {
  const prefix = CURRENCY_PREFIX.exec(word)?.[0] ?? "";
  const rest = word.slice(prefix.length);
  const suffix = CURRENCY_SUFFIX.exec(rest)?.[0] ?? "";
  const body = rest.slice(0, rest.length - suffix.length);
  const wholeTaka = (suffix.startsWith("/") || paisaAfter) && ONE_DOTTED_GROUP.test(body);
  const groups = wholeTaka ? body : DOTTED_GROUPS.map((re) => re.exec(body)?.[0]).find(Boolean);
  if (!groups) return word;
  return `${prefix}${groups.replaceAll(".", ",")}${body.slice(groups.length)}${suffix}`;
}

const DECIMAL_COMMA = /^(\d{3,}|\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}),(\d{2})$/u;

/**
 * `2,160,00` → `2,160.00`, `800,00/-` → `800.00/-`: a decimal point OCR read as a comma. Not after
 * fewer than three digits: `11,90` may be the start of `11,90,000` broken in two.
 */
function repairDecimalComma(word: string): string {
  const prefix = CURRENCY_PREFIX.exec(word)?.[0] ?? "";
  const rest = word.slice(prefix.length);
  const suffix = CURRENCY_SUFFIX.exec(rest)?.[0] ?? "";
  const body = rest.slice(0, rest.length - suffix.length);
  const m = DECIMAL_COMMA.exec(body);
  return m ? `${prefix}${m[1]}.${m[2]}${suffix}` : word;
}

// A grouped amount whose last group runs on two digits: its decimal point unseen (`138,21750`).
const POINT_LOST = /^(\d{1,3}(?:,\d{3})*|\d{1,2}(?:,\d{2})*),(\d{3})(\d{2})$/u;

/** `138,21750` → `138,217.50`: grouping shows where the whole taka end, the rest are paisa. */
function repairLostPoint(word: string): string {
  const m = POINT_LOST.exec(word);
  return m ? `${m[1]},${m[2]}.${m[3]}` : word;
}

// A first group, a slash or colon, then the further groups no date or time has.
const MARK_FOR_COMMA =
  /^(\d{1,2}|\d{1,3}(?=[/:;]\d{3},))[/:;]((?:\d{2},)*\d{2,3},\d{3}(?:\.\d{2})?(?:\/[-=])?)$/u;

/** `১/৫৬,৬০০/-` → `১,৫৬,৬০০/-`: a grouping comma written by hand that OCR read as a slash or colon. */
function repairMarkForComma(word: string): string {
  const m = MARK_FOR_COMMA.exec(word);
  return m ? `${m[1]},${m[2]}` : word;
}

/**
 * `৭,১৩৫৭.৫০` → `৭,৩৫৭.৫০`: a comma read as itself and the 1 it resembles, in a figure no grouping
 * allows; the one 1 beside a comma whose leaving out groups it right.
 */
function repairOneBesideComma(word: string): string {
  const prefix = CURRENCY_PREFIX.exec(word)?.[0] ?? "";
  const rest = word.slice(prefix.length);
  const suffix = CURRENCY_SUFFIX.exec(rest)?.[0] ?? "";
  const body = rest.slice(0, rest.length - suffix.length);
  if (!/^\d[\d,]*(?:\.\d{2})?$/u.test(body) || !body.includes(",") || MONEY.test(body)) return word;
  const fixes = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const without = `${body.slice(0, i)}${body.slice(i + 1)}`;
    if (body[i] === "1" && (body[i - 1] === "," || body[i + 1] === ",") && MONEY.test(without)) {
      fixes.add(without);
    }
  }
  const [fixed] = fixes;
  return fixes.size === 1 ? `${prefix}${fixed}${suffix}` : word;
}

// Whole taka, grouped or 2–7 digits not led by 0 (a phone's `01711-` is no amount), then `1-`.
const SLASH_AS_ONE = /^(\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|[1-9]\d{1,6})1-$/u;

/**
 * `65,1751-` → `65,175/-`, `1801-` → `180/-`: the slash of a handwritten `/-` read as a 1. A
 * figure with a minus after it and no paisa is no credit (those are written `2.07-`).
 */
function repairSlashAsOne(word: string): string {
  const m = SLASH_AS_ONE.exec(word);
  return m ? `${m[1]}/-` : word;
}

/** `T0TAL` → `TOTAL`: digits inside a label word read back as letters, if that names a label. */
function repairKeyword(word: string): string {
  if (!/\d/u.test(word) || !/\p{L}/u.test(word)) return word;
  const upper = word === word.toUpperCase();
  const fixed = word.replace(/[0158]/gu, (d) => {
    const letter = DIGIT_AS_LETTER[d] ?? d;
    return upper ? letter.toUpperCase() : letter;
  });
  return KEYWORDS.has(core(fixed)) ? fixed : word;
}

/** Two neighbours that read as one amount only together: `11,90,` + `000.50`, `1,1` + `90.00`. */
function joinsAsAmount(a: string, b: string): boolean {
  if (!/^\d[\d,.]*$/u.test(a) || !/^[\d,.]+$/u.test(b)) return false;
  const broken = /[,.]$/u.test(a) || /^[,.]/u.test(b) || !MONEY.test(a);
  return broken && MONEY.test(`${a}${b}`) && HAS_SEPARATOR.test(`${a}${b}`);
}

/** Two neighbours that make a label word only together: `To` + `tal`, `Tota` + `l:`. */
function joinsAsKeyword(a: string, b: string): boolean {
  return KEYWORDS.has(core(`${a}${b}`)) && !KEYWORDS.has(core(a)) && !KEYWORDS.has(core(b));
}

const CURRENCY_WORD = /^(?:৳|tk\.?|bdt|rm|\$)$/iu;

/**
 * `RM 64 13` at the end of a line → `64.13`: a faint decimal point read as a space, after a
 * currency mark; a bare `5 13` may be a quantity and a price and is left alone.
 */
function joinsAsDecimal(before: string | undefined, a: string, b: string, atEnd: boolean): boolean {
  if (!atEnd || !/^\d{2}$/u.test(b)) return false;
  const prefix = CURRENCY_PREFIX.exec(a)?.[0] ?? "";
  const marked = prefix !== "" || (before !== undefined && CURRENCY_WORD.test(before));
  return marked && /^(?:\d{1,3}(?:,\d{3})+|\d+)$/u.test(a.slice(prefix.length));
}

/** The words of one line, repaired; joined words say which input words they came from. */
export function repairWords(words: readonly string[]): RepairedToken[] {
  const out: RepairedToken[] = [];
  words.forEach((word, i) => {
    const paisaAfter = i === words.length - 2 && /^\d{2}$/u.test(words[i + 1] ?? "");
    const amount = repairLostPoint(
      repairSlashAsOne(repairAmount(repairOneBesideComma(repairMarkForComma(word)))),
    );
    const text = repairKeyword(
      repairNumberShape(repairDecimalComma(repairDottedGroups(amount, paisaAfter))),
    );
    const last = out.at(-1);
    if (
      last?.to === i &&
      joinsAsDecimal(out.at(-2)?.text, last.text, text, i === words.length - 1)
    ) {
      last.text = `${last.text}.${text}`;
      last.to = i + 1;
      last.repaired = true;
      return;
    }
    if (
      last &&
      last.to === i &&
      (joinsAsAmount(last.text, text) || joinsAsKeyword(last.text, text))
    ) {
      last.text = repairAmount(`${last.text}${text}`);
      last.to = i + 1;
      last.repaired = true;
      return;
    }
    out.push({ text, from: i, to: i + 1, repaired: text !== word });
  });
  return out;
}

/**
 * The taka sign Tesseract's Bengali model read as the digit ৮ it resembles: `৮১০,২১৪.৭৫` for
 * `৳১০,২১৪.৭৫`. Bengali figures are grouped the lakh way, so a leading ৮ that leaves a
 * three-digit first group (`৮১০,২১৪`, never so written) is the sign; so is a ৮ before Latin
 * digits (`৮29250.25`), as no figure is written in two scripts. A lakh-grouped figure with its
 * ৮ (`৮১,৫০০`) is left as it is. Works on the raw NFC word, before digits become ASCII.
 */
const TAKA_AS_EIGHT =
  /^৮([০-৯]{2}(?:,[০-৯]{2})*,[০-৯]{3}(?:\.[০-৯]{2})?(?:\/[-=])?|[0-9][0-9,.]*(?:\/[-=])?)$/u;

export function repairTakaSign(word: string): string {
  const m = TAKA_AS_EIGHT.exec(word);
  return m ? `৳${m[1]}` : word;
}

/**
 * A figure whose leading digit may be the taka sign read as a digit it resembles, where
 * `repairTakaSign` could not settle it: ৮ before Bengali digits (`৮৫৫০৫/-` is 85,505 or ৳5,505),
 * ৭ before grouped Bengali ones and 1 or 7 before grouped Latin ones (`৭৬৬,২১০.০০` for ৳৬,২১০.০০,
 * `123,396.75` for ৳23,396.75: small sums would coincide too easily), any Latin digit before
 * Bengali ones (`7২৭,৫০০/-`). The arithmetic may take the figure without them.
 */
const SIGN_AS_DIGIT = /^(?:৮[০-৯]|৭[০-৯]{1,3},|[17][0-9]{1,3},|[0-9][০-৯])/u;

export function mayBeTakaSign(word: string): boolean {
  return SIGN_AS_DIGIT.test(word) && repairTakaSign(word) === word;
}
