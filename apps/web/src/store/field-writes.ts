import {
  addWrite,
  emptyLog,
  type FieldName,
  type FieldState,
  type FieldWrite,
  formatHlc,
  type Hlc,
  headsReplacedBy,
  type Provenance,
  resolveField,
  stateOf,
  tick,
  uuidv7,
} from "@chalan/core";
import type { ChalanDb, LocalInvoice } from "./db";

/** This device's hybrid logical clock, kept with the data; call inside a transaction with settings. */
async function stamp(db: ChalanDb, device: string): Promise<string> {
  const last = (await db.settings.get("clock"))?.value as Hlc | undefined;
  const next = tick(last ?? null, device, Date.now());
  await db.settings.put({ key: "clock", value: next });
  return formatHlc(next);
}

/**
 * Writes fields of an invoice as sync writes (docs/sync.md): each names the heads it replaces,
 * goes into the invoice's field logs, and the fields shown are what the logs resolve to.
 * Returns the invoice as it now is and the writes to put in the op log.
 */
export async function writeFields(
  db: ChalanDb,
  inv: LocalInvoice,
  device: string,
  values: Partial<Record<FieldName, { value: unknown; confidence: number }>>,
  provenance: Provenance,
): Promise<{ inv: LocalInvoice; writes: FieldWrite[] }> {
  const logs = { ...inv.logs };
  const fields: Record<string, FieldState> = { ...inv.fields };
  const writes: FieldWrite[] = [];
  for (const [name, { value, confidence }] of Object.entries(values) as [
    FieldName,
    { value: unknown; confidence: number },
  ][]) {
    const log = logs[name] ?? emptyLog;
    const write: FieldWrite = {
      id: uuidv7(),
      field: name,
      value,
      provenance,
      confidence,
      at: await stamp(db, device),
      device,
      replaces: headsReplacedBy(log, provenance),
    };
    logs[name] = addWrite(log, write);
    const resolved = resolveField(name, logs[name]);
    const state = resolved && stateOf(resolved.write);
    if (state) fields[name] = state;
    else delete fields[name];
    writes.push(write);
  }
  return { inv: { ...inv, logs, fields: fields as LocalInvoice["fields"] }, writes };
}
