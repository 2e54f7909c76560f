import { toAsciiDigits } from "@chalan/core";
import {
  amountInWords,
  type DateFormat,
  type Digits,
  formatDate,
  formatMoney,
  formatQuantity,
  formatRate,
  type MoneyStyle,
  type WordsStyle,
  withDigits,
} from "./bangla-text";
import type { Rng } from "./prng";
import {
  type DocumentType,
  type InvoiceTruth,
  type LineItem,
  type Tier,
  type VatRate,
  vatOn,
} from "./truth";
import {
  type Bilingual,
  BUYER_COMPANIES,
  type ItemKind,
  LOCALITIES,
  NAME_STEMS,
  PEOPLE,
  TRADES,
  type Trade,
} from "./vocabulary";

type Lang = "bn" | "en";
/** `shuffle`: each label in one language or the other, as on many locally made forms. */
type LabelMode = Lang | "both" | "shuffle";

/** How this page writes numbers and money. */
export interface PrintStyle {
  digits: Digits;
  money: MoneyStyle;
  /** `৳`, `Tk`, `Tk.`, `BDT` before the amount, or `টাকা` after it. */
  currency: string;
}

/** One line item as printed. */
export interface PrintedLine {
  description: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  /** Mushak-6.3 only: the line's VAT and its amount with VAT. */
  vat: string;
  gross: string;
}

/** The truth's values as this page prints them, and the unscored text around them. */
export interface PrintedText {
  supplierName: string;
  supplierAddress: string;
  supplierPhone: string;
  supplierBin?: string;
  buyerName?: string;
  buyerBin?: string;
  buyerAddress?: string;
  invoiceNumber: string;
  issueDate: string;
  dueDate?: string;
  issueTime: string;
  tagline: string;
  signatory: string;
  lines: PrintedLine[];
  subtotal: string;
  discount?: string;
  vat: string;
  vatRate: string;
  total: string;
  amountInWords?: string;
}

export interface Invoice {
  truth: InvoiceTruth;
  style: PrintStyle;
  text: PrintedText;
  /** A label in this page's language(s); `narrow` labels (table heads) are never bilingual. */
  label(bn: string, en: string, narrow?: boolean): string;
  /** Language of the page's own words (title, totals), for layouts that print whole phrases. */
  lang: Lang;
  /** Writes any amount in this page's style. */
  money(poisha: number): string;
  digits(text: string): string;
}

const DOCUMENT_TYPES: readonly DocumentType[] = ["mushak_6_3", "cash_memo", "bill", "receipt"];

/**
 * Tiers and document types cycle with the item's index: every 12 items hold each script ×
 * degradation once, every 24 each script × hand × degradation, every 4 each document type; so
 * any prefix of the corpus is spread evenly.
 */
export function tierFor(index: number): { tier: Tier; documentType: DocumentType } {
  const script = (["bn", "en", "mixed"] as const)[index % 3] ?? "bn";
  const degradation = (["clean", "scan", "photo", "heavy"] as const)[index % 4] ?? "clean";
  const hand = (index + Math.floor(index / 12)) % 2 === 0 ? "print" : "hand";
  const documentType = DOCUMENT_TYPES[(index + Math.floor(index / 4)) % 4] ?? "bill";
  return { tier: { script, hand, degradation }, documentType };
}

const VAT_WEIGHTS: Record<DocumentType, readonly (readonly [VatRate, number])[]> = {
  mushak_6_3: [
    [0.15, 0.65],
    [0.1, 0.1],
    [0.075, 0.15],
    [0.05, 0.1],
  ],
  bill: [
    [0.15, 0.6],
    [0.1, 0.1],
    [0.075, 0.15],
    [0.05, 0.15],
  ],
  receipt: [
    [0, 0.35],
    [0.05, 0.3],
    [0.075, 0.2],
    [0.15, 0.15],
  ],
  cash_memo: [[0, 1]],
};

const isoDay = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);

/** Everything one invoice says, and how its page writes it. */
export function composeInvoice(rng: Rng, tier: Tier, documentType: DocumentType): Invoice {
  const { script } = tier;
  const hand = tier.hand === "hand";
  const langOf = (): Lang => (script === "mixed" ? rng.pick(["bn", "en"] as const) : script);
  const lang: Lang = langOf();
  const labels: LabelMode =
    script === "mixed"
      ? rng.weighted<LabelMode>([
          ["bn", 0.25],
          ["en", 0.25],
          ["shuffle", 0.3],
          ["both", 0.2],
        ])
      : script;
  const digits: Digits =
    script === "en" ? "latn" : rng.chance(script === "bn" ? 0.8 : 0.35) ? "beng" : "latn";
  const d = (text: string) => withDigits(text, digits);
  const moneyStyle: MoneyStyle = {
    grouping: rng.weighted([
      ["lakh", 0.7],
      ["western", 0.15],
      ["none", 0.15],
    ]),
    digits,
    dash: rng.chance(hand && documentType !== "mushak_6_3" ? 0.5 : 0.1),
  };
  const dateFormat =
    lang === "bn"
      ? rng.weighted<DateFormat>([
          ["dd/mm/yyyy", 0.35],
          ["dd-mm-yy", 0.15],
          ["dd.mm.yyyy", 0.1],
          ["bn month", 0.25],
          ["bn ordinal", 0.15],
        ])
      : rng.weighted<DateFormat>([
          ["dd/mm/yyyy", 0.35],
          ["dd-mm-yyyy", 0.1],
          ["dd-mm-yy", 0.15],
          ["dd.mm.yyyy", 0.1],
          ["d mon yyyy", 0.2],
          ["d month, yyyy", 0.1],
        ]);
  const style: PrintStyle = {
    digits,
    money: moneyStyle,
    currency: rng.pick(lang === "bn" ? ["৳", "টাকা", "Tk"] : ["Tk", "Tk.", "BDT", "৳"]),
  };
  const money = (poisha: number) => formatMoney(poisha, style.money);

  const trade = rng.pick(TRADES);
  const company =
    documentType === "mushak_6_3" ? rng.chance(0.6) : documentType === "bill" && rng.chance(0.4);
  const supplierName = nameOf(rng, trade, langOf(), company);
  const supplierAddress = addressOf(rng, langOf(), d);
  const phone = `01${rng.int(3, 9)}${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
  const bin = () =>
    `00${String(rng.int(0, 9_999_999)).padStart(7, "0")}${rng.pick(["0101", "0102", "0103", "0201", "0202"])}`;
  const supplierBin =
    documentType === "mushak_6_3" || (documentType === "bill" && rng.chance(0.4))
      ? bin()
      : undefined;

  const buyerChance = { mushak_6_3: 0.9, bill: 0.75, cash_memo: 0.45, receipt: 0.1 }[documentType];
  const buyerIsCompany =
    documentType === "mushak_6_3" || documentType === "bill" ? rng.chance(0.7) : false;
  const buyer = rng.chance(buyerChance)
    ? rng.pick(buyerIsCompany ? BUYER_COMPANIES : PEOPLE)[langOf()]
    : undefined;
  const buyerBin =
    buyer && buyerIsCompany && documentType === "mushak_6_3" && rng.chance(0.7) ? bin() : undefined;
  const buyerAddress = buyer ? addressOf(rng, langOf(), d) : undefined;

  // Issued between mid-2024 and mid-2026.
  const issueDay = Math.floor(Date.UTC(2024, 6, 1) / 86_400_000) + rng.int(0, 729);
  const issueDate = isoDay(issueDay);
  const dueDate =
    documentType === "bill" && rng.chance(0.35)
      ? isoDay(issueDay + rng.pick([7, 15, 30, 45]))
      : undefined;

  const lineCount = Math.min(
    trade.items.length,
    rng.weighted([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, n <= 4 ? 3 : 1] as const)) +
      (documentType === "cash_memo" && rng.chance(0.3) ? 2 : 0),
  );
  const kinds = [...trade.items];
  const lineItems: LineItem[] = [];
  const printedLines: PrintedLine[] = [];
  const vatRate = rng.weighted(VAT_WEIGHTS[documentType]);
  const small = documentType === "cash_memo" || documentType === "receipt";
  for (let i = 0; i < lineCount; i++) {
    const kind = kinds.splice(rng.int(0, kinds.length - 1), 1)[0];
    if (!kind) break;
    const itemLang = langOf();
    const description = describe(rng, kind, itemLang, script === "mixed");
    const unitPrice = Math.round(
      (kind.price[0] +
        kind.step * rng.int(0, Math.floor((kind.price[1] - kind.price[0]) / kind.step))) *
        100,
    );
    // Nobody writes an invoice line for a cup of tea: at least 150 Tk a line.
    let quantity = Math.max(quantityOf(rng, kind, small), Math.ceil(15_000 / unitPrice));
    let amount = Math.round((Math.round(quantity * 100) * unitPrice) / 100);
    if (documentType === "mushak_6_3") {
      // Each line's VAT must be whole poisha so the lines add up to the VAT on the subtotal.
      quantity = Math.ceil(quantity);
      while ((quantity * unitPrice) % 40 !== 0) quantity++;
      amount = quantity * unitPrice;
    }
    const lineVat = vatOn(amount, vatRate);
    lineItems.push({
      description: toAsciiDigits(description),
      quantity,
      unitPrice,
      amount,
      ...(documentType === "mushak_6_3" ? { vatRate } : {}),
    });
    printedLines.push({
      description,
      unit: kind.unit[itemLang],
      quantity: formatQuantity(quantity, digits),
      unitPrice: money(unitPrice),
      amount: money(amount),
      vat: money(lineVat),
      gross: money(amount + lineVat),
    });
  }

  const subtotal = lineItems.reduce((sum, l) => sum + l.amount, 0);
  const discountChance = { cash_memo: 0.3, bill: 0.15, receipt: 0.1, mushak_6_3: 0 }[documentType];
  const discount =
    rng.chance(discountChance) && subtotal >= 50_000
      ? Math.max(1000, Math.round((subtotal * rng.float(0.02, 0.08)) / 1000) * 1000)
      : undefined;
  const vat = vatOn(subtotal, vatRate);
  const total = subtotal - (discount ?? 0) + vat;
  const wordsChance = { mushak_6_3: 0.5, bill: 0.5, cash_memo: 0.85, receipt: 0.15 }[documentType];
  const wordsLang: Lang = labels === "bn" || labels === "en" ? labels : langOf();
  const wordsStyle: WordsStyle =
    wordsLang === "bn"
      ? rng.chance(0.8)
        ? "bn"
        : "bn-lakh"
      : rng.chance(0.6)
        ? "en-taka-first"
        : "en-taka-last";
  const words = rng.chance(wordsChance) ? amountInWords(total, wordsStyle) : undefined;

  const text: PrintedText = {
    supplierName,
    supplierAddress,
    supplierPhone: d(phoneAs(rng, phone)),
    ...(supplierBin
      ? {
          supplierBin: d(
            rng.chance(0.6) ? `${supplierBin.slice(0, 9)}-${supplierBin.slice(9)}` : supplierBin,
          ),
        }
      : {}),
    ...(buyer ? { buyerName: buyer, buyerAddress } : {}),
    ...(buyerBin ? { buyerBin: d(buyerBin) } : {}),
    invoiceNumber: d(
      invoiceNumberOf(
        rng,
        documentType,
        supplierName,
        issueDate,
        lang === "bn" && script !== "mixed",
      ),
    ),
    issueDate: formatDate(issueDate, dateFormat, digits),
    ...(dueDate ? { dueDate: formatDate(dueDate, dateFormat, digits) } : {}),
    issueTime: d(
      rng.chance(0.5)
        ? `${String(rng.int(9, 20)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}`
        : `${rng.int(1, 12)}:${String(rng.int(0, 59)).padStart(2, "0")} ${rng.pick(["AM", "PM"])}`,
    ),
    tagline: trade.tagline[lang],
    signatory: rng.pick(PEOPLE)[lang],
    lines: printedLines,
    subtotal: money(subtotal),
    ...(discount ? { discount: money(discount) } : {}),
    vat: money(vat),
    vatRate: formatRate(vatRate, digits),
    total: money(total),
    ...(words ? { amountInWords: words } : {}),
  };

  const truth: InvoiceTruth = {
    documentType,
    supplierName: toAsciiDigits(supplierName),
    ...(supplierBin ? { supplierBin } : {}),
    supplierAddress: toAsciiDigits(supplierAddress),
    supplierPhone: phone,
    ...(buyer ? { buyerName: toAsciiDigits(buyer) } : {}),
    ...(buyerBin ? { buyerBin } : {}),
    invoiceNumber: toAsciiDigits(text.invoiceNumber),
    issueDate,
    ...(dueDate ? { dueDate } : {}),
    currency: "BDT",
    lineItems,
    subtotal,
    ...(discount ? { discount } : {}),
    vatRate,
    vat,
    total,
    ...(words ? { amountInWords: words } : {}),
  };

  const labelRng = rng.fork("labels");
  return {
    truth,
    style,
    text,
    lang,
    money,
    digits: d,
    label(bn, en, narrow = false) {
      const mode = labels === "both" && narrow ? "shuffle" : labels;
      if (mode === "both") return bn.endsWith(":") ? `${bn.slice(0, -1)} / ${en}` : `${bn} / ${en}`;
      if (mode === "shuffle") return labelRng.chance(0.5) ? bn : en;
      return mode === "bn" ? bn : en;
    },
  };
}

function nameOf(rng: Rng, trade: Trade, lang: Lang, company: boolean): string {
  const stem = rng.pick(NAME_STEMS)[lang];
  if (company) return `${stem} ${rng.pick(trade.companySuffixes)[lang]}`;
  const prefix = rng.chance(0.3) ? (lang === "bn" ? "মেসার্স " : "M/S ") : "";
  const suffix = rng.chance(0.15)
    ? lang === "bn"
      ? "অ্যান্ড সন্স"
      : "& Sons"
    : rng.pick(trade.shopSuffixes)[lang];
  return `${prefix}${stem} ${suffix}`;
}

function addressOf(rng: Rng, lang: Lang, d: (s: string) => string): string {
  const { place, city, postcode } = rng.pick(LOCALITIES);
  const n = rng.int(1, 250);
  const number = rng.weighted<Bilingual>([
    [{ bn: `${n}`, en: `${n}` }, 1],
    [{ bn: `${n}/${rng.int(1, 12)}`, en: `${n}/${rng.int(1, 12)}` }, 1],
    [{ bn: `দোকান নং ${n}`, en: `Shop ${n}` }, 1],
    [{ bn: `বাড়ি নং ${n}`, en: `House ${n}` }, 0.5],
  ]);
  // English text keeps Latin digits even on pages that write numbers in Bengali.
  const digits = lang === "bn" ? d : (s: string) => s;
  return `${digits(number[lang])}, ${place[lang]}, ${city[lang]}-${digits(postcode)}`;
}

function describe(rng: Rng, kind: ItemKind, lang: Lang, mixed: boolean): string {
  if (!kind.brands || !rng.chance(0.6)) return kind.name[lang];
  // Brand names are often written in Latin letters inside Bengali text.
  const brandLang = mixed && rng.chance(0.5) ? "en" : lang;
  return `${rng.pick(kind.brands)[brandLang]} ${kind.name[lang]}`;
}

/** Log-uniform, rounded the way people order: 7, 35, 120, 2500; halves for goods sold by weight. */
function quantityOf(rng: Rng, kind: ItemKind, small: boolean): number {
  const [lo, hi] = kind.qty;
  const top = small ? Math.max(lo, Math.min(hi, lo * 10)) : hi;
  const q = Math.exp(rng.float(Math.log(lo), Math.log(top + 1)));
  const step = q < 20 ? 1 : q < 200 ? 5 : q < 2000 ? 50 : 500;
  const whole = Math.max(lo, Math.floor(q / step) * step);
  return kind.fractional && whole < 50 && rng.chance(0.25) ? whole + 0.5 : whole;
}

function phoneAs(rng: Rng, phone: string): string {
  return rng.weighted([
    [phone, 2],
    [`${phone.slice(0, 5)}-${phone.slice(5)}`, 2],
    [`+880 ${phone.slice(1, 5)}-${phone.slice(5)}`, 1],
  ]);
}

function invoiceNumberOf(
  rng: Rng,
  type: DocumentType,
  supplier: string,
  issueDate: string,
  numericOnly: boolean,
): string {
  const n = (width: number) => String(rng.int(1, 10 ** width - 1)).padStart(width, "0");
  const yyyy = issueDate.slice(0, 4);
  const yy = issueDate.slice(2, 4);
  const mm = issueDate.slice(5, 7);
  if (numericOnly || type === "cash_memo")
    return String(rng.int(1, 99_999)).padStart(rng.pick([3, 4, 5]), "0");
  const initials = supplier.replace(/[^A-Z]/g, "").slice(0, 3) || "INV";
  return rng.pick(
    {
      mushak_6_3: [n(6), `${initials}-${yy}${mm}-${n(4)}`, `${initials}/${yyyy}/${n(4)}`],
      bill: [`INV-${yyyy}-${n(4)}`, `${initials}/${yy}/${n(4)}`, `B-${n(5)}`, n(4)],
      receipt: [`R-${n(6)}`, n(5), `RCT${yy}${mm}${n(4)}`],
      cash_memo: [n(4)],
    }[type],
  );
}
