import type {
  ExtractedFields,
  FieldName,
  FieldState,
  InvoiceFields,
  InvoicePatch,
  InvoiceStatus,
} from "./invoice";

/** Fields an invoice cannot be booked without; below this confidence a person must look. */
const REQUIRED: FieldName[] = ["total", "issueDate"];
export const REVIEW_CONFIDENCE = 0.5;

/** For each field, the most confident reading across an invoice's pages. */
export function mostConfidentFields(pages: readonly ExtractedFields[]): ExtractedFields {
  const out: Record<string, ExtractedFields[FieldName]> = {};
  for (const page of pages) {
    for (const [name, f] of Object.entries(page)) {
      if (f && f.confidence > (out[name]?.confidence ?? -1)) out[name] = f;
    }
  }
  return out as ExtractedFields;
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

const FIELD_LABELS: Partial<Record<FieldName, string>> = {
  total: "total",
  issueDate: "invoice date",
};

/**
 * After reading, an invoice is ready when every required field is there and trusted; otherwise it
 * waits for a person, with the reasons a clerk sees on the review screen.
 */
export function statusAfterExtraction(fields: InvoiceFields): {
  status: InvoiceStatus;
  reviewReasons: string[];
} {
  if (Object.keys(fields).length === 0) {
    return { status: "needs_review", reviewReasons: ["no invoice found on the page"] };
  }
  const reviewReasons = REQUIRED.flatMap((name) => {
    const f = fields[name];
    const label = FIELD_LABELS[name] ?? name;
    if (f === undefined) return [`${label} not read`];
    if (f.provenance !== "human" && f.confidence < REVIEW_CONFIDENCE) {
      return [`${label} uncertain (${Math.round(f.confidence * 100)}% sure)`];
    }
    return [];
  });
  return { status: reviewReasons.length === 0 ? "extracted" : "needs_review", reviewReasons };
}
