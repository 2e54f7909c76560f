import { REVIEW_CONFIDENCE, type Severity } from "@chalan/core";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalInvoice } from "../store/db";
import { conflictsOf } from "../store/field-writes";
import { type EditableField, fieldText, isMoney, parseFieldText } from "../ui/field-text";
import { useLanguage } from "../ui/use-language";
import { ConflictChoices } from "./conflict-choices";

/** Saved shortly after the clerk stops typing, and at once when they leave the field. */
const SAVE_AFTER_MS = 400;

/**
 * One field of the invoice: shows how it was obtained and how sure the reading is, and saves every
 * change on the device (no Save button to forget).
 */
export function FieldEditor({
  field,
  inv,
  save,
  onFocus,
  flagged,
}: {
  field: EditableField;
  /** The worst check finding about this field, if any (store/checks.ts). */
  flagged?: Severity;
  inv: LocalInvoice;
  save: (field: EditableField, value: unknown) => Promise<void>;
  onFocus: (field: EditableField) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const state = inv.fields[field];
  // Two people changed this field differently without seeing each other's change: one picks.
  const conflict = conflictsOf(inv)[field];
  const shown = fieldText(field, state?.value, lang);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string>();
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // A reading that arrives (or a language switch) updates the field unless the clerk is typing in it.
  useEffect(() => {
    if (!dirty.current) setText(shown);
  }, [shown]);

  async function commit(value: string) {
    clearTimeout(timer.current);
    const parsed = parseFieldText(field, value);
    if (!parsed.ok) {
      setError(t("invoice.invalid", { reason: t(`parse.${parsed.reason}`) }));
      return;
    }
    try {
      await save(field, parsed.value);
      setError(undefined);
      dirty.current = false;
    } catch (e) {
      setError(t("invoice.invalid", { reason: e instanceof Error ? e.message : String(e) }));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (e.key !== "Enter" || e.currentTarget instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    const inputs = Array.from(document.querySelectorAll<HTMLElement>(".fields [data-field]"));
    inputs[inputs.indexOf(e.currentTarget) + 1]?.focus();
  }

  const low = state && state.provenance !== "human" && state.confidence < REVIEW_CONFIDENCE;
  const percent = Math.round((state?.confidence ?? 0) * 100);
  const props = {
    id: `field-${field}`,
    "data-field": field,
    value: text,
    "aria-invalid": error ? true : undefined,
    onFocus: () => onFocus(field),
    onKeyDown,
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value;
      setText(v);
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void commit(v), SAVE_AFTER_MS);
    },
    onBlur: () => {
      if (dirty.current) void commit(text);
    },
  };

  return (
    <div
      className={`field ${low ? "low" : ""} from-${state?.provenance ?? "none"} ${flagged ? `flag-${flagged}` : ""}`}
    >
      <label htmlFor={props.id}>{t(`field.${field}`)}</label>
      {field === "notes" ? (
        <textarea {...props} rows={2} />
      ) : (
        <input {...props} inputMode={isMoney(field) ? "decimal" : undefined} autoComplete="off" />
      )}
      <small>
        {error ? (
          <span className="error" role="alert">
            {error}
          </span>
        ) : state?.provenance === "human" ? (
          t("invoice.byHuman")
        ) : state ? (
          low ? (
            t("invoice.lowConfidence", { percent })
          ) : (
            t("invoice.byMachine", { percent })
          )
        ) : null}
      </small>
      {conflict && <ConflictChoices inv={inv} field={field} writes={conflict} />}
    </div>
  );
}
