import { dhakaDate, uuidv7 } from "@chalan/core";
import { describe, expect } from "vitest";
import { deviceChecks } from "./checks";
import type { ChalanDb, LocalInvoice } from "./db";
import { captureInvoice, editFields, type NewPage } from "./invoices";
import { it } from "./test-db";

const page = (n: number): NewPage => ({
  bytes: new Blob([new Uint8Array([0xff, 0xd8, n])], { type: "image/jpeg" }),
  mime: "image/jpeg",
  width: 10,
  height: 10,
  sha256: String(n).padStart(64, "0"),
  original: { name: `p${n}.jpg`, bytes: 3, sha256: String(n).padStart(64, "0") },
});

const checksOf = async (db: ChalanDb, inv: LocalInvoice) =>
  (await deviceChecks(db, [inv])).get(inv.id) ?? [];

describe("checks on the device", () => {
  it("finds the same invoice entered twice and a BIN that is not the cached supplier's", async ({
    db,
  }) => {
    await db.suppliers.put({
      id: uuidv7(),
      name: "Meghna Stores",
      nameBn: "মেঘনা স্টোর্স",
      aliases: [],
      bin: "0012345670101",
    });
    const today = dhakaDate(new Date());
    const first = await captureInvoice(db, [page(1)]);
    await editFields(db, first, {
      supplierName: "মেঘনা স্টোর্স",
      invoiceNumber: "MS-118",
      issueDate: today,
    });
    const second = await captureInvoice(db, [page(2)]);
    const inv = await editFields(db, second, {
      supplierName: "M/S Meghna Stores Ltd.",
      supplierBin: "0098765430101",
      invoiceNumber: "MS-118",
      issueDate: today,
    });
    // Both spellings match the cached supplier (one its Bengali name, one its English name), so the
    // number repeats under one supplier; and the BIN is not that supplier's.
    const found = await checksOf(db, inv);
    expect(found.map((f) => [f.check, f.severity])).toEqual([
      ["bin-matches-supplier", "error"],
      ["duplicate-number", "error"],
    ]);
    expect(found[1]?.message.en).toContain(first);
    const other = await editFields(db, second, {
      invoiceNumber: "MS-119",
      supplierBin: "0012345670101",
    });
    expect(await checksOf(db, other)).toEqual([]);
  });

  it("matches a misspelt supplier name to the cached supplier, as the server would", async ({
    db,
  }) => {
    await db.suppliers.put({
      id: uuidv7(),
      name: "Karnaphuli Paper Mills",
      aliases: [],
      usualVatRate: 0.075,
    });
    const id = await captureInvoice(db, [page(3)]);
    const inv = await editFields(db, id, {
      supplierName: "M/S Karnafuli Paper Mils",
      vatRate: 0.15,
    });
    expect((await checksOf(db, inv)).map((f) => f.check)).toEqual(["vat-rate-usual"]);
  });
});
