import { z } from "zod";
import type { FieldWrite } from "./field-merge";
import { UUID_PATTERN } from "./ids";
import { type FieldName, fieldNames, fieldValueSchemas, Provenance } from "./invoice";

/**
 * The sync protocol's messages (docs/sync.md), validated the same way on the device and the
 * server: a device pushes its field writes in batches and pulls everyone's since its cursor.
 */

const Uuid = z.string().regex(UUID_PATTERN, "an id made on the device (UUID)");
const HlcText = z
  .string()
  .max(100)
  .regex(/^\d{16}-\d{5}-[A-Za-z0-9._:-]{1,64}$/, "a hybrid logical timestamp");
const DeviceId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, "a device id");

/** One field write of one invoice on the wire: `value` checked against that field's schema. */
export const FieldWriteMessage = z
  .object({
    id: Uuid,
    invoiceId: Uuid,
    field: z.enum(fieldNames as [FieldName, ...FieldName[]]),
    value: z.unknown(),
    provenance: Provenance,
    confidence: z.number().min(0).max(1),
    at: HlcText,
    device: DeviceId,
    replaces: z.array(Uuid).max(64),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.value === null) return;
    const parsed = fieldValueSchemas[w.field].safeParse(w.value);
    if (!parsed.success) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `${w.field}: ${parsed.error.issues[0]?.message ?? "not a valid value"}`,
      });
    }
  });
export type FieldWriteMessage = FieldWrite & { invoiceId: string };

/**
 * `POST /api/sync/push`: a batch of writes; safe to send again after a timeout. Each write is
 * checked on its own (FieldWriteMessage), so one bad write is refused without holding up the rest.
 */
export const PushRequest = z
  .object({ device: DeviceId, writes: z.array(z.unknown()).min(1).max(500) })
  .strict();
export type PushRequest = z.infer<typeof PushRequest>;

/** Every write the server now holds (new or already known) is accepted; the others say why
 * (`id` is the write's id when it had one, else its position in the batch). */
export const PushResponse = z.object({
  accepted: z.array(Uuid),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** `GET /api/sync/pull?since=&limit=`: writes after the device's cursor, in server order. */
export const PullQuery = z
  .object({
    since: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    /** The asking device: its own writes are left out (it has them), the cursor still moves past them. */
    device: DeviceId.optional(),
  })
  .strict();
export type PullQuery = z.infer<typeof PullQuery>;

export const PullResponse = z.object({
  writes: z.array(
    z.object({
      seq: z.number().int().positive(),
      write: FieldWriteMessage,
      /** The name of the person signed in where the write was made; null for the server's own. */
      by: z.string().nullable(),
    }),
  ),
  /** Pass as `since` next time; equal to `since` when nothing was new. */
  cursor: z.number().int().min(0),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const Sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "a SHA-256 in lower-case hex")
  .describe("SHA-256 of a page's bytes");

/**
 * `POST /api/sync/invoices`: an invoice whose pages were uploaded one by one (tus, each named by
 * its SHA-256), made under the id chosen on the device. Sending it again changes nothing.
 */
export const InvoiceCommit = z
  .object({
    id: Uuid,
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().email().max(320),
    pages: z
      .array(z.object({ sha256: Sha256Hex, filename: z.string().max(255) }).strict())
      .min(1)
      .max(20),
  })
  .strict();
export type InvoiceCommit = z.infer<typeof InvoiceCommit>;

/** The answer when a commit names pages the server does not hold: upload these, then commit again. */
export const MissingPages = z.object({ missing: z.array(Sha256Hex) });
