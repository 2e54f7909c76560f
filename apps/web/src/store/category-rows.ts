import { type LedgerMapping, toAsciiDigits, type Withholding } from "@chalan/core";

/**
 * One supplier category as the Books screen edits it: its ledger, and what is withheld from its
 * invoices, typed in percent (VDS as a share of the invoice's VAT, AIT of its amount before VAT).
 */
export interface CategoryRow {
  category: string;
  ledger: string;
  vds: string;
  ait: string;
}

const percent = (rate: number | undefined) =>
  rate === undefined ? "" : String(Math.round(rate * 10_000) / 100);

/** The mapping's categories, each once, those with a ledger first as they were set. */
export function categoryRows(m: LedgerMapping): CategoryRow[] {
  const names = [...new Set([...Object.keys(m.categoryLedgers), ...Object.keys(m.withholding)])];
  return names.map((category) => ({
    category,
    ledger: m.categoryLedgers[category] ?? "",
    vds: percent(m.withholding[category]?.vdsShare),
    ait: percent(m.withholding[category]?.aitRate),
  }));
}

export type RowsProblem = "incomplete" | "percent";

/**
 * The rows back as the mapping's two tables. Rows left empty are dropped; a category with neither
 * a ledger nor a percentage (or either without a category) is `incomplete`; a percentage that is
 * not a number from 0 to 100 (Bengali digits welcome) is `percent`.
 */
export function fromCategoryRows(
  rows: CategoryRow[],
):
  | { categoryLedgers: Record<string, string>; withholding: Record<string, Withholding> }
  | { problem: RowsProblem } {
  const categoryLedgers: Record<string, string> = {};
  const withholding: Record<string, Withholding> = {};
  for (const row of rows) {
    const [category, ledger, vds, ait] = [row.category, row.ledger, row.vds, row.ait].map((v) =>
      toAsciiDigits(v).trim(),
    ) as [string, string, string, string];
    if (!category && !ledger && !vds && !ait) continue;
    if (!category || (!ledger && !vds && !ait)) return { problem: "incomplete" };
    const rates: Withholding = {};
    for (const [key, text] of [
      ["vdsShare", vds],
      ["aitRate", ait],
    ] as const) {
      if (!text) continue;
      const n = Number(text.replace(/%$/, ""));
      if (!Number.isFinite(n) || n < 0 || n > 100) return { problem: "percent" };
      rates[key] = Math.round(n * 100) / 10_000;
    }
    if (ledger) categoryLedgers[category] = ledger;
    if (Object.keys(rates).length > 0) withholding[category] = rates;
  }
  return { categoryLedgers, withholding };
}
