import {
  type CheckContext,
  checkInvoice,
  dhakaDate,
  type Finding,
  type KnownInvoice,
  type Supplier,
  supplierKey,
} from "@chalan/core";
import type { ChalanDb, LocalInvoice } from "./db";

/** The cached supplier an invoice names: by its BIN, else by its name, Bengali name or an alias. */
export function matchSupplier(inv: LocalInvoice, suppliers: Supplier[]): Supplier | undefined {
  const bin = inv.fields.supplierBin?.value;
  const byBin = bin ? suppliers.find((s) => s.bin === bin) : undefined;
  if (byBin) return byBin;
  const name = inv.fields.supplierName?.value;
  if (!name) return undefined;
  const key = supplierKey(name);
  return suppliers.find((s) =>
    [s.name, s.nameBn, ...s.aliases].some((n) => n !== undefined && supplierKey(n) === key),
  );
}

const known = (inv: LocalInvoice, suppliers: Supplier[]): KnownInvoice => ({
  id: inv.id,
  supplierId: matchSupplier(inv, suppliers)?.id,
  supplierName: inv.fields.supplierName?.value,
  invoiceNumber: inv.fields.invoiceNumber?.value,
  total: inv.fields.total?.value,
  issueDate: inv.fields.issueDate?.value,
});

/**
 * The checks of #6 run here, offline, against what this device holds: its cached suppliers and the
 * invoices it knows (its own and those synced from other devices). The server runs the same checks
 * against everything once the invoice reaches it.
 */
export async function deviceChecks(db: ChalanDb, inv: LocalInvoice): Promise<Finding[]> {
  const suppliers = await db.suppliers.toArray();
  const supplier = matchSupplier(inv, suppliers);
  const others = (await db.invoices.toArray()).filter((o) => o.id !== inv.id);
  const key = inv.fields.supplierName ? supplierKey(inv.fields.supplierName.value) : undefined;
  const supplierTotals = others
    .filter((o) => key && o.fields.supplierName && supplierKey(o.fields.supplierName.value) === key)
    .flatMap((o) => (o.fields.total ? [o.fields.total.value] : []));
  const ctx: CheckContext = {
    today: dhakaDate(new Date()),
    supplierTotals,
    others: others.map((o) => known(o, suppliers)),
    ...(supplier && { supplier }),
  };
  return checkInvoice(inv.fields, ctx);
}
