import { useLiveQuery } from "dexie-react-hooks";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import type { ReviewItem as Item } from "../store/review-order";
import { reviewQueue } from "../store/review-queue";
import { fieldText } from "../ui/field-text";
import { useLanguage } from "../ui/use-language";
import { href } from "../ui/use-route";
import { ConflictChoices } from "./conflict-choices";
import { usePageUrl } from "./page-viewer";

/**
 * Every invoice waiting for a person, the most money held back first: a conflict is settled here
 * with one tap; what the checks found is said here, and fixed on the invoice.
 */
export function ReviewQueue() {
  const { t } = useTranslation();
  const items = useLiveQuery(() => reviewQueue(db), [], null);
  if (items === null) return null;
  return (
    <section className="review">
      <h1>{t("review.title")}</h1>
      {items.length === 0 ? (
        <p className="muted" data-testid="review-empty">
          {t("review.empty")}
        </p>
      ) : (
        <ul className="review-items">
          {items.map((item) => (
            <ReviewItem key={item.inv.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewItem({ item: { inv, conflicts, errors } }: { item: Item }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const page = useLiveQuery(() => db.pages.get([inv.id, 1]), [inv.id]);
  const url = usePageUrl(page);
  // The device's own findings are said in the clerk's language; the server's other reasons as sent.
  const shown = new Set(errors.map((e) => e.message.en));
  const others = inv.reviewReasons.filter((r) => !r.includes("two devices") && !shown.has(r));
  const open = href({ screen: "invoice", id: inv.id });
  return (
    <li className="review-item" data-testid={`review-${inv.id}`}>
      <a className="thumb" href={open}>
        {url ? (
          <img src={url} alt={t("review.page")} />
        ) : (
          <span className="muted">{t("review.noPage")}</span>
        )}
      </a>
      <div>
        <h2>
          <a href={open}>{inv.fields.supplierName?.value ?? t("review.unknownSupplier")}</a>
        </h2>
        <p className="muted">
          {[
            inv.fields.invoiceNumber?.value,
            fieldText("issueDate", inv.fields.issueDate?.value, lang),
            fieldText("total", inv.fields.total?.value, lang),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {conflicts.map(([field, writes]) => (
          <div key={field} className="review-field">
            <strong>{t(`field.${field}`)}</strong>
            <ConflictChoices inv={inv} field={field} writes={writes} />
          </div>
        ))}
        {errors.length > 0 && (
          <ul className="checks">
            {errors.map((e) => (
              <li key={e.message.en} className="check-error" data-testid="review-check">
                <strong>{t("checks.error")}</strong> {e.message[lang]}
              </li>
            ))}
          </ul>
        )}
        {others.length > 0 && <p className="reasons">{others.join("; ")}</p>}
        <a className="button secondary" href={open}>
          {t("review.open")}
        </a>
      </div>
    </li>
  );
}
