import type { FieldName, Severity } from "@chalan/core";
import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePageIntake } from "../capture/use-page-intake";
import { db, sender } from "../store/app-db";
import { deviceChecks } from "../store/checks";
import { addPages, editFields } from "../store/invoices";
import { PlaceBadge, StatusBadge } from "../ui/badges";
import { type EditableField, editableFields } from "../ui/field-text";
import { useInvoiceKeys } from "../ui/use-invoice-keys";
import { useLanguage } from "../ui/use-language";
import { href } from "../ui/use-route";
import { ApprovalPanel } from "./approval-panel";
import { ChangeLog } from "./change-log";
import { FieldEditor } from "./field-editor";
import { PageViewer } from "./page-viewer";

export function InvoiceScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const inv = useLiveQuery(() => db.invoices.get(id), [id], null);
  const pages = useLiveQuery(() => db.pages.where("invoiceId").equals(id).sortBy("n"), [id], []);
  const [focused, setFocused] = useState<EditableField>();
  const [page, setPage] = useState(1);
  const intake = usePageIntake((more) => addPages(db, id, more));
  const lang = useLanguage();
  // Re-run whenever the invoice, another invoice or a cached supplier changes.
  const findings = useLiveQuery(
    async () => {
      const current = await db.invoices.get(id);
      return current ? ((await deviceChecks(db, [current])).get(id) ?? []) : [];
    },
    [id],
    [],
  );
  const worst = (field: EditableField): Severity | undefined =>
    findings.find((f) => f.fields.includes(field as FieldName) && f.severity === "error")
      ?.severity ??
    findings.find((f) => f.fields.includes(field as FieldName) && f.severity === "warning")
      ?.severity;
  useInvoiceKeys(id);

  if (inv === null) return null;
  if (inv === undefined) return <p className="error">{t("invoice.notFound")}</p>;

  const where = focused && inv.boxes[focused as FieldName];
  const save = async (field: EditableField, value: unknown) => {
    await editFields(db, id, { [field]: value });
    sender.nudge();
  };

  return (
    <section className="invoice">
      <p>
        <a href={href({ screen: "invoices" })}>← {t("invoice.back")}</a>{" "}
        <span className="muted keys">{t("invoice.keys")}</span>
      </p>
      <div className="badges">
        <StatusBadge inv={inv} />
        <PlaceBadge inv={inv} />
        <span className="muted" data-testid="reading">
          {t(`reading.${inv.reading}`, {
            seconds: (inv.readingMs ?? 0) / 1000,
            error: inv.readingError,
          })}
        </span>
      </div>
      {inv.sendError !== undefined && (
        <div className="reasons" role="alert">
          {t("invoice.sendError", { reason: inv.sendError })}{" "}
          <button type="button" className="secondary" onClick={() => sender.retry(id)}>
            {t("invoice.sendAgain")}
          </button>
        </div>
      )}
      {inv.reviewReasons.length > 0 && (
        <div className="reasons" data-testid="review-reasons">
          <strong>{t("invoice.reasons")}:</strong> {inv.reviewReasons.join("; ")}
        </div>
      )}
      {findings.length > 0 && (
        <ul className="checks" data-testid="checks">
          {findings.map((f) => (
            <li key={`${f.check}-${f.message.en}`} className={`check-${f.severity}`}>
              <strong>{t(`checks.${f.severity}`)}</strong> {f.message[lang]}
            </li>
          ))}
        </ul>
      )}
      <div className="invoice-body">
        <div>
          <PageViewer
            pages={pages}
            current={where ? where.page : page}
            onPage={setPage}
            highlight={where?.box}
          />
          {pages.some((p) => p.onServer) ? (
            // The server keeps an invoice's pages as first sent; later pages need sync (#5).
            <p className="muted">{t("invoice.addPageAfterSend")}</p>
          ) : (
            <label className="button secondary">
              {t("invoice.addPage")}
              <input
                type="file"
                accept="image/*,application/pdf"
                multiple
                hidden
                onChange={(e) => void intake.take(Array.from(e.currentTarget.files ?? []))}
              />
            </label>
          )}
          {intake.errors.map((e) => (
            <p key={e} className="error" role="alert">
              {e}
            </p>
          ))}
        </div>
        <div>
          <form className="fields" onSubmit={(e) => e.preventDefault()}>
            {editableFields.map((f) => (
              <FieldEditor
                key={f}
                field={f}
                inv={inv}
                save={save}
                onFocus={setFocused}
                flagged={worst(f)}
              />
            ))}
          </form>
          <ApprovalPanel inv={inv} />
          <ChangeLog invoiceId={id} />
        </div>
      </div>
    </section>
  );
}
