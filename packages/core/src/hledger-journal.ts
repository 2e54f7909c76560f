import { formatDecimalTaka } from "./money";
import type { PurchaseVoucher, VoucherEntry } from "./purchase-voucher";

const ROOT: Record<VoucherEntry["kind"], string> = {
  party: "liabilities:payable",
  expense: "expenses",
  vat: "assets:vat receivable",
  vds: "liabilities:vds payable",
  ait: "liabilities:ait payable",
};

// hledger ends an account name at two spaces or a tab and splits it at colons; a semicolon starts
// a comment. Ledger names are the business's own (or OCR'd), so they are made safe.
const safe = (name: string) => name.replace(/[:;]/g, "-").replace(/\s+/g, " ").trim() || "unnamed";
const account = (e: VoucherEntry) => `${ROOT[e.kind]}:${safe(e.ledger)}`;
const bdt = (poisha: number) => `BDT ${formatDecimalTaka(poisha)}`;

/**
 * The vouchers as a plain-text hledger/ledger journal: every account and the commodity declared
 * (so `hledger check --strict` passes), one transaction per invoice, tagged with its Chalan id.
 */
export function hledgerJournal(vouchers: PurchaseVoucher[], title: string): string {
  const accounts = [...new Set(vouchers.flatMap((v) => v.entries.map(account)))].sort();
  const lines = [
    `; ${safe(title)}`,
    "commodity BDT 1000.00",
    ...accounts.map((a) => `account ${a}`),
  ];
  const sorted = [...vouchers].sort(
    (a, b) => a.date.localeCompare(b.date) || a.invoiceId.localeCompare(b.invoiceId),
  );
  for (const v of sorted) {
    const description = [safe(v.party), v.reference && safe(v.reference)]
      .filter(Boolean)
      .join(" | ");
    lines.push(
      "",
      `${v.date} * ${description}  ; chalan:${v.invoiceId}, version:${v.version}`,
      ...v.entries.map((e) => `    ${account(e)}  ${bdt(e.amount)}`),
    );
  }
  return `${lines.join("\n")}\n`;
}
