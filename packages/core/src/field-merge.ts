import { compareHlc, type Hlc, parseHlc } from "./hlc";
import type { FieldName, FieldState, Provenance } from "./invoice";

/**
 * Field-level merge for invoices edited on many devices, offline, in any order (issue #5, the
 * rules in DESIGN.md). Each write names the writes of the same field its author had in front of it;
 * those it replaces. What no write replaces is a head. A replica's state is a pure function of the
 * set of writes it has received, so replicas that received the same writes agree, whatever the
 * order, however often each arrived.
 */

/** One write of one field of one invoice, as it travels between devices and the server. */
export interface FieldWrite {
  /** The mutation id, made on the device; a resend is the same write. */
  id: string;
  field: FieldName;
  /** `null` clears the field. */
  value: unknown;
  provenance: Provenance;
  /** How sure the reading is, in [0,1]; 1 for a person's value. */
  confidence: number;
  /** Hybrid logical timestamp (`formatHlc`). */
  at: string;
  device: string;
  /** Ids of the writes of this field its author had as heads: the ones this write replaces. */
  replaces: string[];
}

/** A replica's knowledge of one field: the heads, and every id some write replaced. */
export interface FieldLog {
  heads: FieldWrite[];
  replaced: string[];
}

export const emptyLog: FieldLog = { heads: [], replaced: [] };

/**
 * Edits that move money or change which supplier and which invoice: two people who changed one of
 * these without seeing each other's change must not be settled by a clock; a person decides.
 */
export const CONFLICT_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>([
  "total",
  "vat",
  "issueDate",
  "supplierName",
  "invoiceNumber",
]);

const byId = (a: FieldWrite, b: FieldWrite) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const at = (w: FieldWrite): Hlc => parseHlc(w.at);

/** Adds one write: idempotent, and the result does not depend on the order writes arrive in. */
export function addWrite(log: FieldLog, w: FieldWrite): FieldLog {
  if (log.heads.some((h) => h.id === w.id)) return log;
  const replaced = new Set([...log.replaced, ...w.replaces]);
  const heads = log.heads.filter((h) => !replaced.has(h.id));
  if (!replaced.has(w.id)) heads.push(w);
  return { heads: heads.sort(byId), replaced: [...replaced].sort() };
}

/**
 * Who outranks whom, whatever the clocks: a person over any machine, the server's reading (full
 * preprocessing, second reader) over a phone's quick draft, which may carry a phone's wrong clock.
 * An import is a machine's copy of someone's books: ranked with the server's reading.
 */
const RANK: Record<Provenance, number> = { human: 3, server_ocr: 2, import: 2, local_ocr: 1 };

/**
 * The replaces list for a new write on a replica: the heads it saw that rank no higher than it. A
 * person replaces everything they saw; a machine reading never takes a person's value away, and a
 * phone's draft never the server's reading.
 */
export function headsReplacedBy(log: FieldLog, provenance: Provenance): string[] {
  return log.heads.filter((h) => RANK[h.provenance] <= RANK[provenance]).map((h) => h.id);
}

export interface ResolvedField {
  write: FieldWrite;
  /** Concurrent human values of a conflict field, latest first; empty when there is none. */
  conflict: FieldWrite[];
}

/**
 * The field's value on every replica with these writes: the highest-ranked heads (a person's over
 * a machine's whatever the clocks); among equals the later timestamp wins, except that concurrent
 * human edits of a conflict field that disagree are all kept for a person to choose from.
 */
export function resolveField(field: FieldName, log: FieldLog): ResolvedField | null {
  const top = Math.max(...log.heads.map((h) => RANK[h.provenance]));
  const pool = log.heads
    .filter((h) => RANK[h.provenance] === top)
    .sort((a, b) => compareHlc(at(b), at(a)) || byId(a, b));
  const write = pool[0];
  if (!write) return null;
  const values = new Set(pool.map((h) => JSON.stringify(h.value)));
  const conflict =
    write.provenance === "human" && CONFLICT_FIELDS.has(field) && values.size > 1 ? pool : [];
  return { write, conflict };
}

/** The resolved write as an invoice holds it (`null` when it clears the field). */
export function stateOf(write: FieldWrite): FieldState | null {
  return write.value === null
    ? null
    : { value: write.value, confidence: write.confidence, provenance: write.provenance };
}
