import { z } from "zod";

const LedgerName = z.string().trim().min(1).max(200);

/**
 * Tax the business withholds from a supplier's bill where the law makes it a withholding entity:
 * VDS (VAT deducted at source, VAT & SD Act 2012 s.49) as a share of the invoice's VAT, and AIT
 * (advance income tax deducted at source, Income Tax Act 2023) as a rate on its amount before VAT.
 * Which apply, and at what rate, depends on what is bought: so it is set per supplier category.
 */
export const Withholding = z
  .object({
    vdsShare: z.number().min(0).max(1).optional(),
    aitRate: z.number().min(0).max(0.5).optional(),
  })
  .strict();
export type Withholding = z.infer<typeof Withholding>;

/**
 * Which ledgers of the business's books an approved invoice is posted to (issue #7). The defaults
 * are the ledger names a fresh TallyPrime company has or that Bangladeshi bookkeepers use, so a shop
 * that never opens this setting still gets sensible vouchers.
 */
export const LedgerMapping = z
  .object({
    /** Where goods and services bought go, unless the supplier's category says otherwise. */
    purchaseLedger: LedgerName.default("Purchase"),
    /** VAT paid on purchases, claimed back against output VAT (Mushak-9.1). */
    inputVatLedger: LedgerName.default("Input VAT"),
    /** VAT and income tax withheld from suppliers, owed to the government until deposited. */
    vdsLedger: LedgerName.default("VDS Payable"),
    aitLedger: LedgerName.default("AIT Payable"),
    /**
     * The groups (Tally's own) ledgers Chalan creates go under: suppliers, purchases, and VAT with
     * the withheld taxes.
     */
    supplierGroup: LedgerName.default("Sundry Creditors"),
    purchaseGroup: LedgerName.default("Purchase Accounts"),
    vatGroup: LedgerName.default("Duties & Taxes"),
    /** A supplier's expense category → the ledger its invoices go to (e.g. "Rent" → "Rent Expense"). */
    categoryLedgers: z.record(LedgerName, LedgerName).default({}),
    /** A supplier's expense category → what is withheld from its invoices (none unless set). */
    withholding: z.record(LedgerName, Withholding).default({}),
    /** Optional cost centre every voucher is tagged with. */
    costCentre: LedgerName.optional(),
  })
  .strict();
export type LedgerMapping = z.infer<typeof LedgerMapping>;

export const defaultLedgerMapping: LedgerMapping = LedgerMapping.parse({});
