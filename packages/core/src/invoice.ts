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

/** Business Identification Number from the NBR: 13 digits (the old `XXXXXXXXX-XXXX` form joined). */
export const Bin = z.string().regex(/^\d{13}$/, "a BIN is 13 digits");

/** A Bangladeshi phone number in national form, digits only: `01711223344`, `029123456`. */
export const PhoneNumber = z
  .string()
  .regex(/^(?:01[3-9]\d{8}|0[2-9]\d{7,9})$/, "a Bangladeshi number such as 01711223344");

/** A VAT rate as a fraction: 0.15 for 15%. */
export const VatRate = z.number().min(0).max(1);

export const DocumentType = z.enum(["mushak_6_3", "cash_memo", "bill", "receipt"]);
export type DocumentType = z.infer<typeof DocumentType>;

export const LineItem = z.object({
  description: z.string().trim().max(500),
  quantity: z.number().positive(),
  unitPrice: Poisha,
  amount: Poisha,
  vatRate: VatRate.optional(),
});
export type LineItem = z.infer<typeof LineItem>;

/** The editable invoice fields and the type of each value. */
export const fieldValueSchemas = {
  documentType: DocumentType,
  supplierName: z.string().trim().min(1).max(300),
  supplierBin: Bin,
  supplierAddress: z.string().trim().min(1).max(500),
  supplierPhone: PhoneNumber,
  buyerName: z.string().trim().min(1).max(300),
  buyerBin: Bin,
  invoiceNumber: z.string().trim().min(1).max(100),
  issueDate: IsoDate,
  dueDate: IsoDate,
  currency: z.string().regex(/^[A-Z]{3}$/, "use an ISO 4217 code such as BDT"),
  lineItems: z.array(LineItem).max(500),
  subtotal: Poisha,
  discount: Poisha,
  vatRate: VatRate,
  vat: Poisha,
  total: Poisha,
  /** The total as written in words, read to poisha (to compare with the figure). */
  amountInWords: Poisha,
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
