import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseCsv, parseTallyImportResult, tallyImportTook, uuidv7 } from "@chalan/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { fakeTally } from "./fake-tally";
import { startTestServer, type TestServer } from "./harness";
import { typedInvoice } from "./typed-invoice";

interface Entered {
  supplierName: string;
  invoiceNumber: string;
  issueDate: string;
  subtotal: number;
  vat: number;
  total: number;
  lineItems: { description: string; quantity: number; unitPrice: number; amount: number }[];
}

/** A month of purchases as a clerk types them from handwritten memos: three suppliers, VAT or none. */
function month(): Entered[] {
  const suppliers = ["Meghna Stores", "পদ্মা ট্রেডার্স", "Jamuna Hardware & Sons"];
  return Array.from({ length: 9 }, (_, i) => {
    const quantity = 1 + (i % 4);
    const unitPrice = 1_250_00 + i * 333_33;
    const subtotal = quantity * unitPrice;
    const vat = i % 3 === 2 ? 0 : Math.round(subtotal * 0.075);
    return {
      supplierName: suppliers[i % 3] as string,
      invoiceNumber: `M-${100 + i}`,
      issueDate: `2026-11-${String(2 + i * 3).padStart(2, "0")}`,
      subtotal,
      vat,
      total: subtotal + vat,
      lineItems: [{ description: `Goods lot ${i}`, quantity, unitPrice, amount: subtotal }],
    };
  });
}

/** Runs Debian's hledger on a journal (`.ci/run` installs it). */
function hledger(journal: string, ...args: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "chalan-export-")), "export.journal");
  writeFileSync(file, journal);
  return execFileSync("hledger", ["-f", file, ...args], { encoding: "utf8" });
}

describe.each(dbTargets())("exports for the books on $name PostgreSQL", (target) => {
  let server: TestServer;
  let token: string;
  const entered = month();
  const ids: string[] = [];

  const enterAndApprove = (fields: Entered, approve = true) =>
    typedInvoice(server, token, { ...fields, vatRate: fields.vat ? 0.075 : 0 }, { approve });

  beforeAll(async () => {
    server = await startTestServer(target);
    token = await server.signup();
    // Jamuna's invoices go to its category's ledger; from repairs the business withholds all the
    // VAT (VDS) and 5% of the rest (AIT).
    await server.api("PUT", `/api/suppliers/${uuidv7()}`, token, {
      name: "Jamuna Hardware & Sons",
      category: "Repairs",
      ledger: "Jamuna Hardware",
    });
    const mapping = await server.api("PUT", "/api/ledger-mapping", token, {
      purchaseLedger: "Purchase",
      categoryLedgers: { Repairs: "Repairs & Maintenance" },
      withholding: { Repairs: { vdsShare: 1, aitRate: 0.05 } },
    });
    expect(mapping.status).toBe(200);
    for (const e of entered) ids.push(await enterAndApprove(e));
    // Neither in the export: one not approved, one approved but issued in December.
    await enterAndApprove({ ...(entered[0] as Entered), invoiceNumber: "M-900" }, false);
    await enterAndApprove({
      ...(entered[1] as Entered),
      invoiceNumber: "M-901",
      issueDate: "2026-12-01",
    });
  }, 240_000);
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const get = async (q: string) => {
    const res = await server.api("GET", `/api/exports/${q}`, token);
    expect(res.status).toBe(200);
    return res;
  };
  const range = "from=2026-11-01&to=2026-11-30";

  /** What the business withholds from an invoice, and so does not owe its supplier. */
  const withheldFrom = (e: Entered) =>
    e.supplierName === "Jamuna Hardware & Sons"
      ? { vds: e.vat, ait: Math.round((e.total - e.vat) * 0.05) }
      : { vds: 0, ait: 0 };

  it("writes an hledger journal Debian's hledger checks, owing each supplier its invoices' totals less what is withheld", async () => {
    const res = await get(`hledger?${range}`);
    expect(res.headers.get("content-disposition")).toContain(
      "chalan-2026-11-01-to-2026-11-30.journal",
    );
    const journal = await res.text();
    hledger(journal, "check", "--strict");
    const owed = Object.fromEntries(
      parseCsv(hledger(journal, "balance", "liabilities", "--flat", "-O", "csv"))
        .slice(1)
        .filter((r) => r[0] && r[0] !== "total")
        .map(([account, amount]) => [
          account,
          Math.round(Number(amount?.replace(/[^\d.-]/g, "")) * -100),
        ]),
    );
    const expected: Record<string, number> = {};
    const add = (key: string, poisha: number) => {
      if (poisha) expected[key] = (expected[key] ?? 0) + poisha;
    };
    for (const e of entered) {
      const ledger =
        e.supplierName === "Jamuna Hardware & Sons" ? "Jamuna Hardware" : e.supplierName;
      const { vds, ait } = withheldFrom(e);
      add(`liabilities:payable:${ledger}`, e.total - vds - ait);
      add("liabilities:vds payable:VDS Payable", vds);
      add("liabilities:ait payable:AIT Payable", ait);
    }
    expect(expected["liabilities:ait payable:AIT Payable"]).toBeGreaterThan(0);
    expect(owed).toEqual(expected);
    const spent = hledger(journal, "balance", "expenses", "--flat", "-O", "csv");
    expect(spent).toContain('"expenses:Repairs & Maintenance"');
    expect(spent).toContain('"expenses:Purchase"');
    expect(journal).not.toContain("M-900");
    expect(journal).not.toContain("M-901");
  });

  it("writes CSV of invoices and of line items, money in decimal taka, Bengali as written", async () => {
    const text = await (await get(`csv?${range}`)).text();
    const [header, ...rows] = parseCsv(text).filter((r) => r.length > 1);
    expect(header?.slice(0, 4)).toEqual(["Date", "Supplier", "Supplier BIN", "Invoice No"]);
    expect(rows.map((r) => r[3])).toEqual(entered.map((e) => e.invoiceNumber));
    const totalAt = header?.indexOf("Total (BDT)") as number;
    const sum = rows.reduce((s, r) => s + Math.round(Number(r[totalAt]) * 100), 0);
    expect(sum).toBe(entered.reduce((s, e) => s + e.total, 0));
    const column = (name: string) => rows.map((r) => r[header?.indexOf(name) as number]);
    const poisha = (cells: (string | undefined)[]) => cells.map((c) => Math.round(Number(c) * 100));
    expect(poisha(column("VDS withheld (BDT)"))).toEqual(entered.map((e) => withheldFrom(e).vds));
    expect(poisha(column("Payable to supplier (BDT)"))).toEqual(
      entered.map((e) => e.total - withheldFrom(e).vds - withheldFrom(e).ait),
    );
    expect(rows[1]?.[1]).toBe("পদ্মা ট্রেডার্স");
    expect(rows[0]?.[header?.indexOf("Approved by") as number]).toBe("Karim Rahman");

    const lines = parseCsv(await (await get(`csv?${range}&rows=lines`)).text()).filter(
      (r) => r.length > 1,
    );
    expect(lines).toHaveLength(1 + entered.length);
    expect(lines[1]?.slice(4, 8)).toEqual(["Goods lot 0", "1", "1250.00", "1250.00"]);
  });

  it("writes an XLSX workbook whose total column sums to the month", async () => {
    const res = await get(`xlsx?${range}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet("Invoices");
    if (!sheet) throw new Error("no Invoices sheet");
    expect(sheet.rowCount).toBe(1 + entered.length);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = header.indexOf("Total (BDT)") + 1;
    let sum = 0;
    sheet.eachRow((row, n) => {
      if (n > 1) sum += Math.round((row.getCell(col).value as number) * 100);
    });
    expect(sum).toBe(entered.reduce((s, e) => s + e.total, 0));
    expect(book.getWorksheet("Line items")?.rowCount).toBe(1 + entered.length);
  });

  it("writes Tally import files that a Tally takes once, however often they are imported", async () => {
    const tally = await fakeTally();
    try {
      const ledgers = await (await get(`tally-ledgers?${range}`)).text();
      const vouchers = await (await get(`tally-vouchers?${range}`)).text();
      for (let i = 0; i < 2; i++) {
        for (const body of [ledgers, vouchers]) {
          const took = parseTallyImportResult(
            await (await fetch(tally.url, { method: "POST", body })).text(),
          );
          expect(tallyImportTook(took), JSON.stringify(took)).toBe(true);
        }
      }
      expect(tally.held.size).toBe(entered.length);
      expect([...tally.held.values()].every((v) => v.imports === 2)).toBe(true);
      expect(tally.ledgers.get("পদ্মা ট্রেডার্স")).toBe("Sundry Creditors");
      expect(tally.ledgers.get("Repairs & Maintenance")).toBe("Purchase Accounts");
    } finally {
      await tally.close();
    }
  });

  it("refuses a bad range or format, and a mapping it does not know, saying why", async () => {
    const backwards = await server.api(
      "GET",
      "/api/exports/csv?from=2026-11-30&to=2026-11-01",
      token,
    );
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { detail: string }).detail).toContain(
      "from must not be after to",
    );
    const impossible = await server.api(
      "GET",
      "/api/exports/csv?from=2026-02-30&to=2026-03-01",
      token,
    );
    expect(impossible.status).toBe(400);
    expect((await server.api("GET", `/api/exports/pdf?${range}`, token)).status).toBe(404);
    const odd = await server.api("PUT", "/api/ledger-mapping", token, {
      purchaseLedger: "",
      vatLedger: "x",
    });
    expect(odd.status).toBe(400);
    // Nothing half-written: the mapping set earlier stands.
    const mapping = (await (await server.api("GET", "/api/ledger-mapping", token)).json()) as {
      purchaseLedger: string;
    };
    expect(mapping.purchaseLedger).toBe("Purchase");
  });
});
