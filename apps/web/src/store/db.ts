import type {
  Box,
  FieldLog,
  FieldName,
  FieldWrite,
  InvoiceFields,
  InvoiceStatus,
  Provenance,
  Supplier,
} from "@chalan/core";
import { Dexie, type EntityTable, type Table } from "dexie";

/** Where an invoice's bytes are: only here, on their way, or confirmed stored by the server. */
export type Place = "device" | "syncing" | "server";

/** What the on-device reading of an invoice has got to. */
export type ReadingState = "waiting" | "reading" | "done" | "failed";

export interface LocalInvoice {
  id: string;
  /** Instants in ms since the epoch (UTC); business dates live in the fields, in Asia/Dhaka. */
  capturedAt: number;
  updatedAt: number;
  status: InvoiceStatus;
  reviewReasons: string[];
  /** What the field logs resolve to: the values shown and checked. */
  fields: InvoiceFields;
  /** Every field's sync log (docs/sync.md): the writes no other write replaced, and the replaced ids. */
  logs: Partial<Record<FieldName, FieldLog>>;
  /** Where on which page each machine-read field was read, for the review screen. */
  boxes: Partial<Record<FieldName, { page: number; box: Box }>>;
  pageCount: number;
  /** Pages read on the device so far, in order; pages added later are read after them. */
  pagesRead: number;
  reading: ReadingState;
  readingError?: string;
  readingMs?: number;
  place: Place;
  /** Why the server refused the invoice, in its words; cleared when it is sent again. */
  sendError?: string;
}

export interface LocalPage {
  invoiceId: string;
  n: number;
  /** The downscaled image (or the PDF as given) kept on the device. */
  bytes: Blob;
  mime: string;
  width: number;
  height: number;
  sha256: string;
  /** The file as captured, before downscaling: recorded so the server can tell a re-photo. */
  original: { name: string; bytes: number; sha256: string };
  /** For a PDF, its first page drawn as an image (width × height above): read and shown here. */
  preview?: Blob;
  /** The server holds these bytes (uploaded alone, docs/sync.md) but not yet an invoice with them. */
  uploaded?: boolean;
  /** The resumable upload under way for these bytes (a path on the server). */
  uploadUrl?: string;
  /** The server holds the invoice with this page: it may be cleaned up here. */
  onServer: boolean;
}

/** One local change, in order, for the sync of #5 to push. */
export interface Mutation {
  seq?: number;
  id: string;
  deviceId: string;
  at: number;
  invoiceId: string;
  kind: "capture" | "add_page" | "fields";
  provenance: Provenance;
  /** For `fields`: the writes, as they are pushed to the server. */
  writes?: FieldWrite[];
  /** Why the server refused some of the writes (they are not sent again). */
  pushError?: string;
  pages?: { n: number; sha256: string; original: string }[];
  pushed: 0 | 1;
}

export interface Setting {
  key: string;
  value: unknown;
}

export type ChalanDb = Dexie & {
  invoices: EntityTable<LocalInvoice, "id">;
  pages: Table<LocalPage, [string, number]>;
  mutations: EntityTable<Mutation, "seq">;
  /** The business's suppliers as last pulled (docs/sync.md), for checks made offline. */
  suppliers: EntityTable<Supplier, "id">;
  settings: EntityTable<Setting, "key">;
};

export function openDb(name = "chalan"): ChalanDb {
  // Strict durability: a write the UI calls saved is on disk, not in the OS cache, when the power goes.
  const db = new Dexie(name, { chromeTransactionDurability: "strict" }) as ChalanDb;
  db.version(1).stores({
    invoices: "id, capturedAt, status, place",
    pages: "[invoiceId+n], invoiceId",
    mutations: "++seq, &id, invoiceId, pushed",
    suppliers: "id, name",
    settings: "key",
  });
  return db;
}
