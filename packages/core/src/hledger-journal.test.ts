import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hledgerJournal } from "./hledger-journal";
import type { PurchaseVoucher } from "./purchase-voucher";

/**
 * A month of purchases from three suppliers, names as awkward as real ones; from every fifth bill
 * with VAT, the VAT (VDS) and 5% of the rest (AIT) withheld.
 */
function month(): PurchaseVoucher[] {
  const parties = ["Meghna Stores", "Padma & Sons: Ctg", "মেঘনা ভান্ডার;  (Sylhet)"];
  return Array.from({ length: 30 }, (_, i) => {
    const total = 1_000_00 + ((i * 7_919_37) % 2_00_000_00);
    const vat = i % 3 === 0 ? 0 : Math.round((total * 15) / 115);
    const party = parties[i % parties.length] as string;
    const vds = vat && i % 5 === 4 ? vat : 0;
    const ait = vds ? Math.round((total - vat) * 0.05) : 0;
    return {
      invoiceId: `0192f5a4-7c1e-7000-8000-${String(i).padStart(12, "0")}`,
      version: 1,
      date: `2026-11-${String(1 + i).padStart(2, "0")}`,
      reference: `INV-${i}`,
      party,
      narration: `Invoice INV-${i}`,
      entries: [
        { kind: "party", ledger: party, amount: -(total - vds - ait) },
        { kind: "expense", ledger: i % 2 ? "Purchase Accounts" : "Rent", amount: total - vat },
        ...(vat ? [{ kind: "vat" as const, ledger: "Input VAT", amount: vat }] : []),
        ...(vds ? [{ kind: "vds" as const, ledger: "VDS Payable", amount: -vds }] : []),
        ...(ait ? [{ kind: "ait" as const, ledger: "AIT Payable", amount: -ait }] : []),
      ],
      total,
    };
  });
}

/** Runs Debian's hledger on a journal (it must be installed: `.ci/run` installs it). */
function hledger(journal: string, ...args: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "chalan-hledger-")), "purchases.journal");
  writeFileSync(file, journal);
  return execFileSync("hledger", ["-f", file, ...args], { encoding: "utf8" });
}

describe("hledgerJournal", () => {
  it("passes hledger's strict check; each supplier is owed their invoices' totals less what was withheld, the government the rest", () => {
    const vouchers = month();
    const journal = hledgerJournal(vouchers, "Rahman Traders: purchases, November 2026");
    hledger(journal, "check", "--strict");

    const owed = new Map<string, number>();
    for (const line of hledger(journal, "balance", "liabilities", "--flat", "-O", "csv")
      .trim()
      .split("\n")
      .slice(1)) {
      const [account, amount] = line.split('","').map((c) => c.replaceAll('"', ""));
      if (account === "total") continue;
      owed.set(
        account as string,
        Math.round(Number((amount as string).replace(/[^\d.-]/g, "")) * 100),
      );
    }
    const expected = new Map<string, number>();
    const withheld = { vds: 0, ait: 0 };
    for (const v of vouchers) {
      const key = `liabilities:payable:${v.party.replace(/[:;]/g, "-").replace(/\s+/g, " ").trim()}`;
      withheld.vds += v.entries.find((e) => e.kind === "vds")?.amount ?? 0;
      withheld.ait += v.entries.find((e) => e.kind === "ait")?.amount ?? 0;
      const kept = v.entries.filter((e) => e.kind === "vds" || e.kind === "ait");
      expected.set(
        key,
        (expected.get(key) ?? 0) - v.total - kept.reduce((s, e) => s + e.amount, 0),
      );
    }
    expected.set("liabilities:vds payable:VDS Payable", withheld.vds);
    expected.set("liabilities:ait payable:AIT Payable", withheld.ait);
    expect(withheld.vds).toBeLessThan(0);
    expect(owed).toEqual(expected);
    // The whole month balances: what was bought and the VAT on it is what is owed.
    const all = hledger(journal, "balance", "--flat", "-O", "csv").trim().split("\n");
    expect(all.at(-1)).toMatch(/^"total","0"$/);
  });

  it("tags each transaction with its Chalan invoice", () => {
    const [v] = month();
    const journal = hledgerJournal([v as PurchaseVoucher], "one");
    expect(hledger(journal, "print", "tag:chalan=0192f5a4-7c1e-7000-8000-000000000000")).toContain(
      "Meghna Stores | INV-0",
    );
  });
});
