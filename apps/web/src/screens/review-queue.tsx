import { useLiveQuery } from "dexie-react-hooks";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import { type ReviewItem as Item, reviewOrder } from "../store/review-order";
import { fieldText } from "../ui/field-text";
import { useLanguage } from "../ui/use-language";
import { href } from "../ui/use-route";
import { ConflictChoices } from "./conflict-choices";
import { usePageUrl } from "./page-viewer";

/** Every invoice waiting for a person: a conflict is settled here with one tap, the rest opened. */
export function ReviewQueue() {
  const { t } = useTranslation();
  const items = useLiveQuery(
    async () => reviewOrder(await db.invoices.where("status").equals("needs_review").toArray()),
    [],
    null,
  );
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

function ReviewItem({ item: { inv, conflicts } }: { item: Item }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const page = useLiveQuery(() => db.pages.get([inv.id, 1]), [inv.id]);
  const url = usePageUrl(page);
  const others = inv.reviewReasons.filter((r) => !r.includes("two devices"));
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
        {others.length > 0 && <p className="reasons">{others.join("; ")}</p>}
        <a className="button secondary" href={open}>
          {t("review.open")}
        </a>
      </div>
    </li>
  );
}
