import { invoiceStatuses } from "@chalan/core";
import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import { PlaceBadge, StatusBadge } from "../ui/badges";
import { showDate, showMoney } from "../ui/field-text";
import { useLanguage } from "../ui/use-language";
import { href } from "../ui/use-route";
import { filterInvoices, type InvoiceFilter, invoiceDate, noFilter } from "./invoice-filter";

export function InvoiceList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [filter, setFilter] = useState<InvoiceFilter>(noFilter);
  const [showFilters, setShowFilters] = useState(false);
  const all = useLiveQuery(() => db.invoices.toArray(), []);
  if (!all) return null;
  const shown = filterInvoices(all, filter);
  const set = (patch: Partial<InvoiceFilter>) => setFilter({ ...filter, ...patch });

  return (
    <section>
      <h1>{t("list.title")}</h1>
      {all.length === 0 ? (
        <p className="empty">
          {t("list.empty")} <a href={href({ screen: "capture" })}>{t("nav.capture")}</a>
        </p>
      ) : (
        <>
          {/* On a phone the filters fold away, so the invoices come first. */}
          <button
            type="button"
            className="secondary filters-toggle"
            aria-expanded={showFilters}
            onClick={() => setShowFilters(!showFilters)}
          >
            {t("list.filters")}
          </button>
          <form
            className={`filters ${showFilters ? "open" : ""}`}
            onSubmit={(e) => e.preventDefault()}
          >
            <label>
              {t("list.status")}
              <select
                value={filter.status}
                onChange={(e) => set({ status: e.currentTarget.value as InvoiceFilter["status"] })}
              >
                <option value="all">{t("list.all")}</option>
                {invoiceStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={filter.needsReview}
                onChange={(e) => set({ needsReview: e.currentTarget.checked })}
              />
              {t("list.needsReview")}
            </label>
            <label>
              {t("list.from")}
              <input
                type="date"
                value={filter.from}
                onChange={(e) => set({ from: e.currentTarget.value })}
              />
            </label>
            <label>
              {t("list.to")}
              <input
                type="date"
                value={filter.to}
                onChange={(e) => set({ to: e.currentTarget.value })}
              />
            </label>
            <label>
              {t("list.supplier")}
              <input
                type="search"
                value={filter.supplier}
                onChange={(e) => set({ supplier: e.currentTarget.value })}
              />
            </label>
          </form>
          <p className="muted">{t("list.count", { count: shown.length })}</p>
          <ul className="invoices">
            {shown.map((inv) => (
              <li key={inv.id}>
                <a href={href({ screen: "invoice", id: inv.id })} data-testid="invoice-row">
                  <span className="supplier">{inv.fields.supplierName?.value ?? "—"}</span>
                  <span className="date">{showDate(invoiceDate(inv), lang)}</span>
                  <span className="money">
                    {inv.fields.total ? showMoney(inv.fields.total.value, lang) : "—"}
                  </span>
                  <span className="badges">
                    <StatusBadge inv={inv} />
                    <PlaceBadge inv={inv} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
