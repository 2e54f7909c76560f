import { z } from "zod";
import { toBanglaDigits } from "./bangla-digits";
import { type FieldName, fieldNames, type InvoiceFields } from "./invoice";
import { formatTaka } from "./money";
import { pagePrintDistance } from "./page-print";
import { LEGAL_VAT_RATES, sums, vatAt } from "./reconcile-amounts";
import type { Supplier } from "./supplier";
import { supplierKey } from "./supplier-names";

/**
 * Checks of one invoice before it reaches the books (issue #6): pure, so the device runs them
 * offline against its cached suppliers and the server against the full database, with the same
 * results. An `error` sends the invoice to review; a `warning` is accepted by a named person.
 */

export const checkIds = [
  "lines-sum-to-subtotal",
  "line-amount",
  "total-adds-up",
  "vat-rate-legal",
  "vat-matches-rate",
  "vat-rate-usual",
  "bin-matches-supplier",
  "date-in-future",
  "date-old",
  "due-before-issue",
  "words-match-figure",
  "amount-unusual",
  "duplicate-number",
  "duplicate-amount-date",
  "duplicate-page",
] as const;
export type CheckId = (typeof checkIds)[number];

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  check: z.enum(checkIds),
  severity: Severity,
  /** The fields it concerns, so a screen can show it beside them. */
  fields: z.array(z.custom<FieldName>((f) => fieldNames.includes(f as FieldName))),
  /** What is wrong and what to do, for a clerk: English and Bengali. */
  message: z.object({ en: z.string(), bn: z.string() }),
});
export type Finding = z.infer<typeof Finding>;

/** Another invoice of the business, as far as duplicate checks need it. */
export interface KnownInvoice {
  id: string;
  /** The supplier it was matched to: the same supplier however each invoice spells the name. */
  supplierId?: string;
  supplierName?: string;
  invoiceNumber?: string;
  total?: number;
  issueDate?: string;
  /** Its pages' prints (pagePrint's cells). */
  pagePrints?: string[];
}

export interface CheckContext {
  /** Today in Asia/Dhaka, `YYYY-MM-DD`. */
  today: string;
  /**
   * The invoice's id. Of two copies only the later one is the duplicate: given the id, only invoices
   * captured before it count (ids are UUIDv7, made on the device, so they sort by capture time).
   */
  invoiceId?: string;
  /** The supplier the invoice was matched to, if any. */
  supplier?: Supplier;
  /** Totals of this supplier's earlier invoices, in poisha. */
  supplierTotals?: number[];
  /** The business's other invoices (on this device, or all of them on the server). */
  others?: KnownInvoice[];
  /** This invoice's pages' prints (pagePrint's cells). */
  pagePrints?: string[];
}

/**
 * A re-photo of the same paper lands within this print distance of the first photo. Measured on the
 * pages as the server reads them (levelled, ruled lines erased) of rendered invoices, scanned and
 * photographed twice (turned, shadowed, dimmed): the same paper 0.000 apart; other invoices of one
 * layout 0.002 (one line each, other names) to 0.31; without erasing lines, re-photos up to 0.008.
 * So a close print counts only where nothing read on the two invoices differs.
 */
export const SAME_PAGE_DISTANCE = 0.012;
/** An invoice more than this many times the supplier's median is worth a second look… */
const UNUSUAL_FACTOR = 3;
/** …once there are enough earlier invoices to know what usual is. */
const UNUSUAL_MIN_HISTORY = 5;
const OLD_DAYS = 365;
const ABSURD_DAYS = 5 * 365;

const taka = (p: number) => ({ en: formatTaka(p), bn: formatTaka(p, { digits: "beng" }) });
const pct = (rate: number) => {
  const text = `${Math.round(rate * 1000) / 10}%`;
  return { en: text, bn: toBanglaDigits(text) };
};
/** A date as the app shows it, DD/MM/YYYY (in Bengali digits for the Bengali message). */
const day = (iso: string) => {
  const text = iso.split("-").reverse().join("/");
  return { en: text, bn: toBanglaDigits(text) };
};
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function finding(
  check: CheckId,
  severity: Severity,
  fields: FieldName[],
  en: string,
  bn: string,
): Finding {
  return { check, severity, fields, message: { en, bn } };
}

type Values = { [K in FieldName]?: NonNullable<InvoiceFields[K]>["value"] };

function arithmetic(v: Values): Finding[] {
  const out: Finding[] = [];
  const lines = v.lineItems ?? [];
  for (const [i, line] of lines.entries()) {
    const expected = Math.round(line.quantity * line.unitPrice);
    if (!sums(expected, line.amount)) {
      const [e, a] = [taka(expected), taka(line.amount)];
      out.push(
        finding(
          "line-amount",
          "warning",
          ["lineItems"],
          `Line ${i + 1} (${line.description}): ${line.quantity} × ${taka(line.unitPrice).en} is ${e.en}, but the line says ${a.en}.`,
          `লাইন ${toBanglaDigits(String(i + 1))} (${line.description}): ${toBanglaDigits(String(line.quantity))} × ${taka(line.unitPrice).bn} = ${e.bn}, কিন্তু লাইনে লেখা ${a.bn}।`,
        ),
      );
    }
  }
  if (lines.length > 0 && v.subtotal !== undefined) {
    const sum = lines.reduce((n, l) => n + l.amount, 0);
    if (!sums(sum, v.subtotal)) {
      const [s, st] = [taka(sum), taka(v.subtotal)];
      out.push(
        finding(
          "lines-sum-to-subtotal",
          "error",
          ["lineItems", "subtotal"],
          `The lines add up to ${s.en}, but the subtotal says ${st.en}. Check each line and the subtotal against the paper.`,
          `লাইনগুলোর যোগফল ${s.bn}, কিন্তু উপমোট লেখা ${st.bn}। কাগজের সাথে প্রতিটি লাইন ও উপমোট মিলিয়ে দেখুন।`,
        ),
      );
    }
  }
  if (v.subtotal !== undefined && v.total !== undefined) {
    const computed = v.subtotal - (v.discount ?? 0) + (v.vat ?? 0);
    if (!sums(computed, v.total)) {
      const [c, t] = [taka(computed), taka(v.total)];
      out.push(
        finding(
          "total-adds-up",
          "error",
          ["subtotal", "discount", "vat", "total"],
          `Subtotal − discount + VAT is ${c.en}, but the total says ${t.en} (allowed: to the poisha, or rounded to the taka).`,
          `উপমোট − ছাড় + ভ্যাট = ${c.bn}, কিন্তু মোট লেখা ${t.bn} (পয়সা পর্যন্ত মিলতে হবে, অথবা টাকায় পূর্ণ করা)।`,
        ),
      );
    }
  }
  return out;
}

function vatChecks(v: Values, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  if (v.vatRate !== undefined) {
    const bp = Math.round(v.vatRate * 10_000);
    if (bp !== 0 && !(LEGAL_VAT_RATES as readonly number[]).includes(bp)) {
      const r = pct(v.vatRate);
      out.push(
        finding(
          "vat-rate-legal",
          "warning",
          ["vatRate"],
          `VAT at ${r.en} is not a Bangladesh rate (15%, 10%, 7.5%, 5% or 0%). Check the rate on the paper.`,
          `${r.bn} ভ্যাট বাংলাদেশের কোনো হার নয় (১৫%, ১০%, ৭.৫%, ৫% বা ০%)। কাগজে হারটি দেখুন।`,
        ),
      );
    }
    if (v.vat !== undefined && v.subtotal !== undefined) {
      const expected = vatAt(v.subtotal - (v.discount ?? 0), bp);
      if (!sums(expected, v.vat)) {
        const [e, a, r] = [taka(expected), taka(v.vat), pct(v.vatRate)];
        out.push(
          finding(
            "vat-matches-rate",
            "warning",
            ["vat", "vatRate"],
            `VAT at ${r.en} of the net amount is ${e.en}, but the VAT says ${a.en}.`,
            `নিট টাকার ${r.bn} ভ্যাট হয় ${e.bn}, কিন্তু ভ্যাট লেখা ${a.bn}।`,
          ),
        );
      }
    }
    const usual = ctx.supplier?.usualVatRate;
    if (usual !== undefined && Math.round(usual * 10_000) !== bp) {
      const [r, u] = [pct(v.vatRate), pct(usual)];
      out.push(
        finding(
          "vat-rate-usual",
          "warning",
          ["vatRate"],
          `${ctx.supplier?.name} usually charges ${u.en} VAT; this invoice says ${r.en}.`,
          `${ctx.supplier?.nameBn ?? ctx.supplier?.name} সাধারণত ${u.bn} ভ্যাট নেয়; এই চালানে ${r.bn}।`,
        ),
      );
    }
  }
  const known = ctx.supplier?.bin;
  if (v.supplierBin !== undefined && known !== undefined && v.supplierBin !== known) {
    out.push(
      finding(
        "bin-matches-supplier",
        "error",
        ["supplierBin"],
        `The BIN on the invoice (${v.supplierBin}) is not ${ctx.supplier?.name}'s BIN (${known}). Is this the right supplier?`,
        `চালানের বিআইএন (${toBanglaDigits(v.supplierBin)}) ${ctx.supplier?.nameBn ?? ctx.supplier?.name}-এর বিআইএন (${toBanglaDigits(known)}) নয়। সরবরাহকারী কি ঠিক আছে?`,
      ),
    );
  }
  return out;
}

function dateChecks(v: Values, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  if (v.issueDate !== undefined) {
    const age = days(v.issueDate, ctx.today);
    const date = day(v.issueDate);
    if (age < 0) {
      out.push(
        finding(
          "date-in-future",
          "error",
          ["issueDate"],
          `The invoice date ${date.en} is in the future. Check the date (day and month swapped?).`,
          `চালানের তারিখ ${date.bn} ভবিষ্যতের। তারিখটি দেখুন (দিন ও মাস কি উল্টে গেছে?)।`,
        ),
      );
    } else if (age > OLD_DAYS) {
      const years = Math.floor(age / 365);
      out.push(
        finding(
          "date-old",
          age > ABSURD_DAYS ? "error" : "warning",
          ["issueDate"],
          `The invoice date ${date.en} is more than ${years} year(s) ago. Check the year.`,
          `চালানের তারিখ ${date.bn}, ${toBanglaDigits(String(years))} বছরেরও আগের। সালটি দেখুন।`,
        ),
      );
    }
  }
  if (v.issueDate !== undefined && v.dueDate !== undefined && v.dueDate < v.issueDate) {
    out.push(
      finding(
        "due-before-issue",
        "error",
        ["dueDate", "issueDate"],
        `The due date ${day(v.dueDate).en} is before the invoice date ${day(v.issueDate).en}.`,
        `পরিশোধের তারিখ ${day(v.dueDate).bn} চালানের তারিখ ${day(v.issueDate).bn}-এর আগে।`,
      ),
    );
  }
  return out;
}

function amountChecks(v: Values, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  if (v.amountInWords !== undefined && v.total !== undefined && !sums(v.amountInWords, v.total)) {
    const [w, t] = [taka(v.amountInWords), taka(v.total)];
    out.push(
      finding(
        "words-match-figure",
        "error",
        ["amountInWords", "total"],
        `The amount in words reads ${w.en}, but the total in figures is ${t.en}. One of them was misread or miswritten.`,
        `কথায় লেখা টাকা ${w.bn}, কিন্তু অঙ্কে মোট ${t.bn}। একটি ভুল পড়া বা ভুল লেখা।`,
      ),
    );
  }
  const history = ctx.supplierTotals ?? [];
  if (v.total !== undefined && history.length >= UNUSUAL_MIN_HISTORY) {
    const sorted = [...history].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    if (median > 0 && v.total > UNUSUAL_FACTOR * median) {
      const [t, m] = [taka(v.total), taka(median)];
      const name = ctx.supplier?.name ?? v.supplierName ?? "this supplier";
      out.push(
        finding(
          "amount-unusual",
          "warning",
          ["total"],
          `${t.en} is more than ${UNUSUAL_FACTOR} times what ${name} usually bills (${m.en}). Check the total.`,
          `${t.bn}, ${ctx.supplier?.nameBn ?? name}-এর সাধারণ বিলের (${m.bn}) ${toBanglaDigits(String(UNUSUAL_FACTOR))} গুণেরও বেশি। মোট টাকা দেখুন।`,
        ),
      );
    }
  }
  return out;
}

function duplicateChecks(v: Values, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const key = v.supplierName !== undefined ? supplierKey(v.supplierName) : undefined;
  const sameSupplier = (o: KnownInvoice) =>
    (ctx.supplier !== undefined && o.supplierId === ctx.supplier.id) ||
    (key !== undefined &&
      key !== "" &&
      o.supplierName !== undefined &&
      supplierKey(o.supplierName) === key);
  const number = v.invoiceNumber?.replace(/\s+/g, "").toLowerCase();
  const id = ctx.invoiceId;
  for (const o of (ctx.others ?? []).filter((o) => id === undefined || o.id < id)) {
    if (
      number &&
      sameSupplier(o) &&
      o.invoiceNumber?.replace(/\s+/g, "").toLowerCase() === number
    ) {
      out.push(
        finding(
          "duplicate-number",
          "error",
          ["supplierName", "invoiceNumber"],
          `Invoice ${v.invoiceNumber} from ${v.supplierName} is already in Chalan (${o.id}). Is this the same invoice entered twice?`,
          `${v.supplierName}-এর চালান ${v.invoiceNumber} আগেই চালানে আছে (${o.id})। একই চালান কি দুবার তোলা হয়েছে?`,
        ),
      );
    } else if (
      sameSupplier(o) &&
      v.total !== undefined &&
      o.total === v.total &&
      v.issueDate !== undefined &&
      o.issueDate === v.issueDate
    ) {
      const t = taka(v.total);
      out.push(
        finding(
          "duplicate-amount-date",
          "warning",
          ["supplierName", "total", "issueDate"],
          `Another invoice from ${v.supplierName} has the same total ${t.en} and date ${day(v.issueDate).en} (${o.id}). Two deliveries, or one invoice twice?`,
          `${v.supplierName}-এর আরেকটি চালানে একই মোট ${t.bn} ও তারিখ ${day(v.issueDate).bn} (${o.id})। দুটি আলাদা মাল, নাকি একই চালান দুবার?`,
        ),
      );
    }
    const mine = ctx.pagePrints ?? [];
    const samePage = mine.some((m) =>
      (o.pagePrints ?? []).some((p) => pagePrintDistance(m, p) <= SAME_PAGE_DISTANCE),
    );
    if (samePage && !readsDifferently(v, o)) {
      out.push(
        finding(
          "duplicate-page",
          "error",
          [],
          `A page of this invoice is a photo of the same paper as invoice ${o.id}. Is it the same invoice photographed twice?`,
          `এই চালানের একটি পাতা চালান ${o.id}-এর একই কাগজের ছবি। একই চালানের ছবি কি দুবার তোলা হয়েছে?`,
        ),
      );
    }
  }
  return out;
}

/** Whether a field read on both invoices holds different values: then they are two invoices. */
function readsDifferently(v: Values, o: KnownInvoice): boolean {
  const differ = <T>(a: T | undefined, b: T | undefined) =>
    a !== undefined && b !== undefined && a !== b;
  return (
    differ(
      v.invoiceNumber?.replace(/\s+/g, "").toLowerCase(),
      o.invoiceNumber?.replace(/\s+/g, "").toLowerCase(),
    ) ||
    differ(v.total, o.total) ||
    differ(v.issueDate, o.issueDate)
  );
}

/** Every check of one invoice; an empty list means nothing to say. */
export function checkInvoice(fields: InvoiceFields, ctx: CheckContext): Finding[] {
  const v = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f?.value])) as Values;
  return [
    ...arithmetic(v),
    ...vatChecks(v, ctx),
    ...dateChecks(v, ctx),
    ...amountChecks(v, ctx),
    ...duplicateChecks(v, ctx),
  ];
}
