import { z } from "zod";
import { UUID_PATTERN } from "./ids";

/**
 * The accounting packages Chalan posts to: Tally through the bridge on the office PC, QuickBooks
 * Online from the server itself (docs/quickbooks.md).
 */
export const ConnectorKind = z.enum(["tally", "quickbooks"]);
export type ConnectorKind = z.infer<typeof ConnectorKind>;

/** `PUT /api/connectors/:kind`: whether approved invoices are posted there, and to which company. */
export const ConnectorSettings = z
  .object({
    enabled: z.boolean(),
    /** Tally's company to post into (SVCURRENTCOMPANY); the one loaded in Tally if left out. */
    company: z.string().trim().min(1).max(200).optional(),
    /**
     * QuickBooks Online keeps the books on Intuit's servers outside Bangladesh: turning it on needs
     * this acknowledgement from the business's admin.
     */
    dataLeavesBangladesh: z.literal(true).optional(),
  })
  .strict();
export type ConnectorSettings = z.infer<typeof ConnectorSettings>;

/** How many of a connector's postings wait, are in the books, or were refused. */
export const PostingCounts = z.object({
  pending: z.number().int().min(0),
  posted: z.number().int().min(0),
  rejected: z.number().int().min(0),
});
export type PostingCounts = z.infer<typeof PostingCounts>;

/** One connector as `GET /api/connectors` lists it; every kind is listed, off or on. */
export const ConnectorStatus = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("tally"),
    enabled: z.boolean(),
    company: z.string().nullable(),
    counts: PostingCounts,
  }),
  z.object({
    kind: z.literal("quickbooks"),
    enabled: z.boolean(),
    /** The server has Intuit app credentials (QUICKBOOKS_CLIENT_ID and _SECRET) configured. */
    available: z.boolean(),
    /** Chalan holds OAuth tokens for a QuickBooks company. */
    connected: z.boolean(),
    /** That company's id at Intuit. */
    realmId: z.string().nullable(),
    counts: PostingCounts,
  }),
]);
export type ConnectorStatus = z.infer<typeof ConnectorStatus>;

/** `GET /api/connectors`. */
export const ConnectorsAnswer = z.object({ connectors: z.array(ConnectorStatus) });
export type ConnectorsAnswer = z.infer<typeof ConnectorsAnswer>;

/** `POST /api/connectors/quickbooks/connect`: where to send the admin to let Chalan in. */
export const QuickBooksConnectAnswer = z.object({ authorizeUrl: z.string().url() });
export type QuickBooksConnectAnswer = z.infer<typeof QuickBooksConnectAnswer>;

export const PostingState = z.enum(["pending", "posted", "rejected", "superseded"]);
export type PostingState = z.infer<typeof PostingState>;

/** One posting of one version of an invoice to one connector, as the invoice shows it. */
export const Posting = z.object({
  id: z.string(),
  connector: ConnectorKind,
  version: z.number().int().positive(),
  state: PostingState,
  attempts: z.number().int().min(0),
  /** The target's words: why it refused, or what went wrong on the last try. */
  message: z.string().nullable(),
  /** The target's own id of the voucher, once posted. */
  targetRef: z.string().nullable(),
  updatedAt: z.string(),
});
export type Posting = z.infer<typeof Posting>;

/** `POST /api/connectors/:kind/lease`: up to `max` postings due, each held for the bridge a while. */
export const LeaseRequest = z.object({ max: z.number().int().min(1).max(50).default(10) }).strict();

/** A posting handed to a bridge: what to send, and the token to report back with. */
export const LeasedPosting = z.object({
  id: z.string(),
  leaseToken: z.string(),
  invoiceId: z.string(),
  version: z.number().int().positive(),
  /** `YYYY-MM-DD`: where to look for the voucher in the target, to tell whether it is there. */
  date: z.string(),
  /** The voucher's key in the target (Tally's REMOTEID). */
  remoteId: z.string(),
  /** Ledgers the voucher names, each with the group to create it in if the target lacks it. */
  ledgers: z.array(z.object({ name: z.string(), parent: z.string(), billWise: z.boolean() })),
  company: z.string().optional(),
  /** The import request for the voucher, ready to send. */
  voucherXml: z.string(),
});
export type LeasedPosting = z.infer<typeof LeasedPosting>;

/** `POST /api/postings/:id/result`: what the target said. */
export const PostingResult = z
  .object({
    leaseToken: z.string().regex(UUID_PATTERN),
    /** posted: it is in the books; rejected: the target refused it (a person must act); retry: try later. */
    outcome: z.enum(["posted", "rejected", "retry"]),
    message: z.string().max(2000).optional(),
    targetRef: z.string().max(200).optional(),
  })
  .strict();
export type PostingResult = z.infer<typeof PostingResult>;
