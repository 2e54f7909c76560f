import {
  type CheckContext,
  checkInvoice,
  dhakaDate,
  type Finding,
  type KnownInvoice,
  matchSupplier,
  type Supplier,
  supplierKey,
} from "@chalan/core";
import type { ChalanDb, LocalInvoice } from "./db";

/** The cached supplier an invoice names: by its BIN, else its name as the server would match it. */
export function supplierOf(inv: LocalInvoice, suppliers: Supplier[]): Supplier | undefined {
  return matchSupplier(
    { bin: inv.fields.supplierBin?.value, name: inv.fields.supplierName?.value },
    suppliers,
  )?.supplier;
}

/**
 * The checks of #6 run here, offline, against what this device holds: its cached suppliers and the
 * invoices it knows (its own and those synced from other devices). The server runs the same checks
 * against everything once the invoice reaches it. Returns each given invoice's findings by id.
 */
export async function deviceChecks(
  db: ChalanDb,
  invoices: LocalInvoice[],
): Promise<Map<string, Finding[]>> {
  const suppliers = await db.suppliers.toArray();
  const all = await db.invoices.toArray();
  const known = new Map<string, KnownInvoice>(
    all.map((o) => [
      o.id,
      {
        id: o.id,
        supplierId: supplierOf(o, suppliers)?.id,
        supplierName: o.fields.supplierName?.value,
        invoiceNumber: o.fields.invoiceNumber?.value,
        total: o.fields.total?.value,
        issueDate: o.fields.issueDate?.value,
      },
    ]),
  );
  const today = dhakaDate(new Date());
  return new Map(
    invoices.map((inv) => {
      const supplier = supplierOf(inv, suppliers);
      const key = inv.fields.supplierName ? supplierKey(inv.fields.supplierName.value) : undefined;
      const others = [...known.values()].filter((o) => o.id !== inv.id);
      // The supplier's earlier totals: its invoices however spelled, or the same spelling unmatched.
      const supplierTotals = others
        .filter((o) =>
          supplier
            ? o.supplierId === supplier.id
            : key && o.supplierName && supplierKey(o.supplierName) === key,
        )
        .flatMap((o) => (o.total === undefined ? [] : [o.total]));
      const ctx: CheckContext = {
        today,
        invoiceId: inv.id,
        supplierTotals,
        others,
        ...(supplier && { supplier }),
      };
      return [inv.id, checkInvoice(inv.fields, ctx)];
    }),
  );
}
