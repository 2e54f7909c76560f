import { z } from "zod";
import { Posting } from "./accounting-outbox";
import { UUID_PATTERN } from "./ids";
import { InvoiceStatus } from "./invoice";
import { Finding } from "./invoice-checks";

/** `POST /api/invoices/:id/approve`: warnings must be accepted by whoever approves. */
export const ApprovalRequest = z.object({ acceptWarnings: z.boolean().default(false) }).strict();
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;

/** `POST /api/invoices/:id/supplier`: a reviewer names the invoice's supplier. */
export const SupplierChoice = z.object({ supplierId: z.string().regex(UUID_PATTERN) }).strict();
export type SupplierChoice = z.infer<typeof SupplierChoice>;

export const Approval = z.object({
  /** The user who approved it, and their name as the business knows them. */
  by: z.string(),
  byName: z.string().nullable(),
  at: z.string(),
  acceptedWarnings: z.array(Finding),
});
export type Approval = z.infer<typeof Approval>;

/**
 * The server's word on an invoice's review (part of every invoice it returns): authoritative, since
 * it checks against every supplier and invoice of the business; a device shows it beside its own.
 */
export const ReviewState = z.object({
  status: InvoiceStatus,
  reviewReasons: z.array(z.string()),
  checks: z.array(Finding),
  supplierId: z.string().nullable(),
  approval: Approval.nullable(),
  /** Where the approved invoice has got to in the books (issue #7). */
  postings: z.array(Posting),
});
export type ReviewState = z.infer<typeof ReviewState>;
