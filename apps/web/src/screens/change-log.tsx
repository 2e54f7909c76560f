import { useLiveQuery } from "dexie-react-hooks";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import type { Mutation } from "../store/db";
import { type EditableField, editableFields, fieldText } from "../ui/field-text";
import { useLanguage } from "../ui/use-language";

const shown = new Set<string>(editableFields);

/** The invoice's entries in the op log, newest first: what changed, by whom, and if it left here. */
export function ChangeLog({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const log = useLiveQuery(
    () => db.mutations.where("invoiceId").equals(invoiceId).reverse().sortBy("seq"),
    [invoiceId],
  );
  if (!log || log.length === 0) return null;
  const when = new Intl.DateTimeFormat(lang === "bn" ? "bn-BD" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Dhaka",
  });
  const what = (m: Mutation) =>
    m.kind === "fields"
      ? (m.writes ?? [])
          .map(({ field: f, value: v }) =>
            shown.has(f)
              ? `${t(`field.${f}`)}: ${fieldText(f as EditableField, v, lang) || "—"}`
              : t(`field.${f}`, { defaultValue: f }),
          )
          .join(", ")
      : t(`log.${m.kind}`, { count: m.pages?.length ?? 0 });

  return (
    <details className="change-log">
      <summary>{t("log.title", { count: log.length })}</summary>
      <ol data-testid="change-log">
        {log.map((m) => (
          <li key={m.id}>
            <time>{when.format(m.at)}</time>{" "}
            <span className="who">{t(`log.by.${m.provenance}`)}</span> {what(m)}{" "}
            <span className="muted">· {m.pushed ? t("log.pushed") : t("log.waiting")}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
