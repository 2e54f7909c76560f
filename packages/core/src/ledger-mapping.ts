import { z } from "zod";

const LedgerName = z.string().trim().min(1).max(200);

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
    /** The groups (Tally's own) ledgers Chalan creates go under, for suppliers, purchases and VAT. */
    supplierGroup: LedgerName.default("Sundry Creditors"),
    purchaseGroup: LedgerName.default("Purchase Accounts"),
    vatGroup: LedgerName.default("Duties & Taxes"),
    /** A supplier's expense category → the ledger its invoices go to (e.g. "Rent" → "Rent Expense"). */
    categoryLedgers: z.record(LedgerName, LedgerName).default({}),
    /** Optional cost centre every voucher is tagged with. */
    costCentre: LedgerName.optional(),
  })
  .strict();
export type LedgerMapping = z.infer<typeof LedgerMapping>;

export const defaultLedgerMapping: LedgerMapping = LedgerMapping.parse({});
