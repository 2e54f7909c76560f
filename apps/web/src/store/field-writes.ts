import {
  addWrite,
  emptyLog,
  type FieldLog,
  type FieldName,
  type FieldState,
  type FieldWrite,
  formatHlc,
  type Hlc,
  headsReplacedBy,
  type Provenance,
  parseHlc,
  receive,
  resolveField,
  stateOf,
  tick,
  uuidv7,
} from "@chalan/core";
import type { ChalanDb, LocalInvoice } from "./db";

/** Moves this device's clock past a timestamp it received, so its next writes sort after it. */
export async function observe(db: ChalanDb, device: string, at: string): Promise<void> {
  const last = (await db.settings.get("clock"))?.value as Hlc | undefined;
  await db.settings.put({
    key: "clock",
    value: receive(last ?? null, parseHlc(at), device, Date.now()),
  });
}

/** This device's hybrid logical clock, kept with the data; call inside a transaction with settings. */
async function stamp(db: ChalanDb, device: string): Promise<string> {
  const last = (await db.settings.get("clock"))?.value as Hlc | undefined;
  const next = tick(last ?? null, device, Date.now());
  await db.settings.put({ key: "clock", value: next });
  return formatHlc(next);
}

/**
 * Lays writes (made here or pulled from the server) into an invoice's field logs; the fields shown
 * become what the logs resolve to. Writes already held change nothing.
 */
export function withWrites(inv: LocalInvoice, writes: readonly FieldWrite[]): LocalInvoice {
  const logs = { ...inv.logs };
  const fields: Record<string, FieldState> = { ...inv.fields };
  for (const write of writes) {
    const name = write.field;
    logs[name] = addWrite(logs[name] ?? emptyLog, write);
    const resolved = resolveField(name, logs[name]);
    const state = resolved && stateOf(resolved.write);
    if (state) fields[name] = state;
    else delete fields[name];
  }
  return { ...inv, logs, fields: fields as LocalInvoice["fields"] };
}

/** Fields two people changed differently without seeing each other's change, with both values. */
export function conflictsOf(inv: LocalInvoice): Partial<Record<FieldName, FieldWrite[]>> {
  const out: Partial<Record<FieldName, FieldWrite[]>> = {};
  for (const [name, log] of Object.entries(inv.logs) as [FieldName, FieldLog][]) {
    const conflict = resolveField(name, log)?.conflict ?? [];
    if (conflict.length > 0) out[name] = conflict;
  }
  return out;
}

/**
 * Writes fields of an invoice as sync writes (docs/sync.md): each names the heads it replaces.
 * Returns the invoice as it now is and the writes to put in the op log.
 */
export async function writeFields(
  db: ChalanDb,
  inv: LocalInvoice,
  device: string,
  values: Partial<Record<FieldName, { value: unknown; confidence: number }>>,
  provenance: Provenance,
): Promise<{ inv: LocalInvoice; writes: FieldWrite[] }> {
  let next = inv;
  const writes: FieldWrite[] = [];
  for (const [name, { value, confidence }] of Object.entries(values) as [
    FieldName,
    { value: unknown; confidence: number },
  ][]) {
    const write: FieldWrite = {
      id: uuidv7(),
      field: name,
      value,
      provenance,
      confidence,
      at: await stamp(db, device),
      device,
      replaces: headsReplacedBy(next.logs[name] ?? emptyLog, provenance),
    };
    next = withWrites(next, [write]);
    writes.push(write);
  }
  return { inv: next, writes };
}
