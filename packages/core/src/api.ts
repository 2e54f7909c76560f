import { z } from "zod";
import { InvoiceStatus, IsoDate } from "./invoice";

const Email = z.string().trim().toLowerCase().email("not a valid email address").max(320);

export const SignupRequest = z.object({
  orgName: z.string().trim().min(1, "orgName is required").max(200),
  name: z.string().trim().min(1, "name is required").max(200),
  email: Email,
  password: z.string().min(8, "password must be at least 8 characters").max(200),
});
export type SignupRequest = z.infer<typeof SignupRequest>;

export const LoginRequest = z.object({
  email: Email,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const InvoiceListQuery = z
  .object({
    status: InvoiceStatus.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to" });
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

/** The pages part of `GET /api/invoices/:id`: what a device needs to fetch them. */
export const InvoicePages = z.object({
  pages: z.array(
    z.object({
      n: z.number().int().min(1),
      mime: z.string(),
      size: z.number().int().positive(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      url: z.string().startsWith("/api/"),
    }),
  ),
});
export type InvoicePages = z.infer<typeof InvoicePages>;
