import type {
  ExtractedFields,
  FieldName,
  FieldState,
  InvoiceFields,
  InvoicePatch,
  InvoiceStatus,
  Provenance,
} from "./invoice";

/** Fields an invoice cannot be booked without; below this confidence a person must look. */
const REQUIRED: FieldName[] = ["total", "issueDate"];
export const REVIEW_CONFIDENCE = 0.5;

/**
 * Lays a machine reading over the stored fields. A value a person typed is never replaced by a
 * machine's guess, however confident.
 */
export function applyExtraction(
  existing: InvoiceFields,
  extracted: ExtractedFields,
  provenance: Exclude<Provenance, "human">,
): InvoiceFields {
  const out: Record<string, FieldState> = { ...existing };
  for (const [name, field] of Object.entries(extracted)) {
    if (!field || out[name]?.provenance === "human") continue;
    out[name] = { value: field.value, confidence: field.confidence, provenance };
  }
  return out as InvoiceFields;
}

export interface FieldChange {
  field: FieldName;
  from: unknown;
  to: unknown;
}

/** Applies a person's edits (`null` clears a field) and says what changed, for the audit trail. */
export function applyHumanEdit(
  existing: InvoiceFields,
  patch: InvoicePatch,
): { fields: InvoiceFields; changes: FieldChange[] } {
  const out: Record<string, FieldState> = { ...existing };
  const changes: FieldChange[] = [];
  for (const [name, value] of Object.entries(patch.fields) as [FieldName, unknown][]) {
    if (value === undefined) continue;
    const before = out[name]?.value ?? null;
    if (value === null) delete out[name];
    else out[name] = { value, confidence: 1, provenance: "human" };
    if (before !== value) changes.push({ field: name, from: before, to: value });
  }
  return { fields: out as InvoiceFields, changes };
}

/** After reading, an invoice is ready when every required field is there and trusted. */
export function statusAfterExtraction(fields: InvoiceFields): InvoiceStatus {
  const ok = REQUIRED.every((name) => {
    const f = fields[name];
    return f !== undefined && (f.provenance === "human" || f.confidence >= REVIEW_CONFIDENCE);
  });
  return ok ? "extracted" : "needs_review";
}
