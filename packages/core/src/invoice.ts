import { z } from "zod";

export const invoiceStatuses = [
  "captured",
  "extracted",
  "needs_review",
  "approved",
  "posted",
  "failed",
] as const;
export const InvoiceStatus = z.enum(invoiceStatuses);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const Provenance = z.enum(["local_ocr", "server_ocr", "human", "import"]);
export type Provenance = z.infer<typeof Provenance>;

/** Calendar date in Asia/Dhaka, `YYYY-MM-DD`. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a real calendar date");

/** Money in integer poisha (1 Tk = 100 poisha). */
export const Poisha = z.number().int("money is whole poisha").min(0).max(Number.MAX_SAFE_INTEGER);

/** The editable invoice fields and the type of each value. */
export const fieldValueSchemas = {
  supplierName: z.string().trim().min(1).max(300),
  invoiceNumber: z.string().trim().min(1).max(100),
  issueDate: IsoDate,
  dueDate: IsoDate,
  currency: z.string().regex(/^[A-Z]{3}$/, "use an ISO 4217 code such as BDT"),
  subtotal: Poisha,
  vat: Poisha,
  total: Poisha,
  notes: z.string().max(5000),
} as const;
export type FieldName = keyof typeof fieldValueSchemas;
export const fieldNames = Object.keys(fieldValueSchemas) as FieldName[];
export type FieldValues = { [K in FieldName]: z.infer<(typeof fieldValueSchemas)[K]> };

export interface FieldState<V = unknown> {
  value: V;
  confidence: number;
  provenance: Provenance;
}
export type InvoiceFields = { [K in FieldName]?: FieldState<FieldValues[K]> };

/** A machine reading of one field: the value, how sure, and where on the page it was read. */
export interface ExtractedField<V> {
  value: V;
  confidence: number;
  box?: { x0: number; y0: number; x1: number; y1: number };
}
export type ExtractedFields = { [K in FieldName]?: ExtractedField<FieldValues[K]> };

/** Body of `PATCH /api/invoices/:id`: human edits; `null` clears a field. */
export const InvoicePatch = z
  .object({
    fields: z
      .object(
        Object.fromEntries(
          Object.entries(fieldValueSchemas).map(([k, s]) => [k, s.nullable().optional()]),
        ) as { [K in FieldName]: z.ZodOptional<z.ZodNullable<(typeof fieldValueSchemas)[K]>> },
      )
      .strict(),
  })
  .strict();
export type InvoicePatch = z.infer<typeof InvoicePatch>;
