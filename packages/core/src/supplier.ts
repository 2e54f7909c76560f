import { z } from "zod";
import { UUID_PATTERN } from "./ids";
import { Bin, PhoneNumber, VatRate } from "./invoice";

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A supplier of one business (issue #6): the reference data every device caches, so it can check
 * invoices offline. Both names and any aliases are kept as written (Bengali or English).
 */
export const SupplierFields = z
  .object({
    name: Text(200),
    nameBn: Text(200).optional(),
    aliases: z.array(Text(200)).max(50).default([]),
    bin: Bin.optional(),
    tin: z
      .string()
      .regex(/^\d{12}$/, "a TIN is 12 digits")
      .optional(),
    address: Text(500).optional(),
    phone: PhoneNumber.optional(),
    /** Bank account or bKash number, as the business writes it. */
    payment: Text(200).optional(),
    category: Text(100).optional(),
    ledger: Text(200).optional(),
    usualVatRate: VatRate.optional(),
  })
  .strict();
export type SupplierFields = z.infer<typeof SupplierFields>;

export const Supplier = SupplierFields.extend({
  id: z.string().regex(UUID_PATTERN, "an id (UUID)"),
});
export type Supplier = z.infer<typeof Supplier>;

/** `GET /api/sync/suppliers?since=&limit=`: changes after the device's cursor; a removed one is `deleted`. */
export const SupplierPullResponse = z.object({
  suppliers: z.array(
    z.object({
      seq: z.number().int().positive(),
      supplier: Supplier,
      deleted: z.boolean(),
    }),
  ),
  cursor: z.number().int().min(0),
  more: z.boolean(),
});
export type SupplierPullResponse = z.infer<typeof SupplierPullResponse>;
