import type { InvoiceFields } from "./invoice";
import type { LedgerMapping } from "./ledger-mapping";
import type { Supplier } from "./supplier";

/** One line of a voucher: a ledger debited (positive poisha) or credited (negative). */
export interface VoucherEntry {
  /**
   * What the ledger is to the business: whom it owes, what it spent, VAT it can claim back, and
   * VAT (vds) and income tax (ait) it withheld from the supplier, owed to the government.
   */
  kind: "party" | "expense" | "vat" | "vds" | "ait";
  ledger: string;
  /** Poisha; debits positive, credits negative. The entries of a voucher sum to 0. */
  amount: number;
}

/**
 * An approved invoice as the books take it: a purchase voucher, the same whichever package it goes
 * to (Tally XML, an hledger journal, a spreadsheet row).
 */
export interface PurchaseVoucher {
  /** The invoice's id: one voucher per invoice in the books, however often it is posted or amended. */
  invoiceId: string;
  /** The invoice's version this voucher is of (1, then each amendment). */
  version: number;
  /** `YYYY-MM-DD`, the invoice's issue date. */
  date: string;
  /** The supplier's invoice number, kept as the voucher's reference. */
  reference?: string;
  /** The supplier's ledger (credited with the total less what is withheld). */
  party: string;
  narration: string;
  entries: VoucherEntry[];
  /** The invoice's total, in poisha. */
  total: number;
  costCentre?: string;
}

export class VoucherError extends Error {}

/**
 * The voucher of an approved invoice: the VAT debited to input VAT; the rest (net of any discount)
 * to the purchase ledger, or the ledger of the supplier's category; the supplier credited with the
 * total, less any VDS and AIT its category has the business withhold, which are credited to their
 * own ledgers. It balances to the poisha by construction. Refuses an invoice missing what a voucher
 * cannot do without (date, total, supplier) or whose VAT exceeds its total.
 */
export function purchaseVoucher(
  invoice: { id: string; version: number; fields: InvoiceFields },
  supplier: Supplier | undefined,
  mapping: LedgerMapping,
): PurchaseVoucher {
  const f = invoice.fields;
  const date = f.issueDate?.value;
  const total = f.total?.value;
  const party = supplier?.ledger ?? supplier?.name ?? f.supplierName?.value;
  const missing = [!date && "issue date", total === undefined && "total", !party && "supplier"];
  const absent = missing.filter(Boolean);
  if (absent.length > 0 || !date || total === undefined || !party) {
    throw new VoucherError(`The invoice has no ${absent.join(", ")}: the books need it.`);
  }
  const vat = f.vat?.value ?? 0;
  if (vat < 0 || vat > total) {
    throw new VoucherError(`VAT ${vat} poisha is more than the total ${total} poisha.`);
  }
  const category = supplier?.category;
  const expense = (category && mapping.categoryLedgers[category]) || mapping.purchaseLedger;
  const number = f.invoiceNumber?.value;
  const withheld = (category && mapping.withholding[category]) || {};
  const vds = Math.round(vat * (withheld.vdsShare ?? 0));
  const ait = Math.round((total - vat) * (withheld.aitRate ?? 0));
  const entries: VoucherEntry[] = [
    { kind: "party", ledger: party, amount: -(total - vds - ait) },
    { kind: "expense", ledger: expense, amount: total - vat },
    ...(vat > 0 ? [{ kind: "vat" as const, ledger: mapping.inputVatLedger, amount: vat }] : []),
    ...(vds > 0 ? [{ kind: "vds" as const, ledger: mapping.vdsLedger, amount: -vds }] : []),
    ...(ait > 0 ? [{ kind: "ait" as const, ledger: mapping.aitLedger, amount: -ait }] : []),
  ];
  return {
    invoiceId: invoice.id,
    version: invoice.version,
    date,
    ...(number && { reference: number }),
    party,
    narration: [
      number ? `Invoice ${number}` : "Invoice without a number",
      `from ${f.supplierName?.value ?? party}`,
      `(Chalan ${invoice.id})`,
    ].join(" "),
    entries,
    total,
    ...(mapping.costCentre && { costCentre: mapping.costCentre }),
  };
}
