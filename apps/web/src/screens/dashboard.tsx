import {
  dailyTotals,
  dhakaMonth,
  nextMonth,
  previousMonth,
  type ReportInvoice,
  summariseMonth,
} from "@chalan/core";
import { BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { Bar } from "react-chartjs-2";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import type { LocalInvoice } from "../store/db";
import { showMoney } from "../ui/field-text";
import { useLanguage } from "../ui/use-language";
import { invoiceDate } from "./invoice-filter";

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

const asReport = (inv: LocalInvoice): ReportInvoice => ({
  id: inv.id,
  supplierName: inv.fields.supplierName?.value ?? null,
  invoiceNumber: inv.fields.invoiceNumber?.value ?? null,
  issueDate: invoiceDate(inv),
  receivedAt: new Date(inv.capturedAt).toISOString(),
  total: inv.fields.total?.value ?? null,
  vat: inv.fields.vat?.value ?? null,
  status: inv.status,
});

/** `December 2026` / `ডিসেম্বর ২০২৬` for `2026-12`. */
function monthTitle(month: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === "bn" ? "bn-BD" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A month's spend from what is on the device: works offline, same sums as the monthly email. */
export function Dashboard() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const thisMonth = dhakaMonth(new Date());
  const [month, setMonth] = useState(thisMonth);
  const all = useLiveQuery(() => db.invoices.toArray(), []);
  if (!all) return null;
  const invoices = all.map(asReport).filter((inv) => inv.issueDate?.startsWith(month));
  const summary = summariseMonth({ submitterEmail: "", submitterName: "", month, invoices });
  const days = dailyTotals(invoices, month);
  const money = (p: number) => showMoney(p, lang);
  const digits = new Intl.NumberFormat(lang === "bn" ? "bn-BD" : "en-IN");

  return (
    <section className="dashboard">
      <div className="month-nav">
        <button
          type="button"
          className="secondary"
          aria-label={t("dashboard.previous")}
          onClick={() => setMonth(previousMonth(month))}
        >
          ‹
        </button>
        <h1>{monthTitle(month, lang)}</h1>
        <button
          type="button"
          className="secondary"
          aria-label={t("dashboard.next")}
          disabled={month >= thisMonth}
          onClick={() => setMonth(nextMonth(month))}
        >
          ›
        </button>
      </div>
      <div className="tiles">
        <div className="tile">
          <span>{t("dashboard.spend")}</span>
          <strong data-testid="month-spend">{money(summary.total)}</strong>
        </div>
        <div className="tile">
          <span>{t("dashboard.vat")}</span>
          <strong>{money(summary.vat)}</strong>
        </div>
        <div className="tile">
          <span>{t("dashboard.invoices")}</span>
          <strong>{digits.format(summary.count)}</strong>
        </div>
      </div>
      {summary.total === 0 ? (
        <p className="empty">{t("dashboard.none", { month: monthTitle(month, lang) })}</p>
      ) : (
        <>
          <h2>{t("dashboard.daily")}</h2>
          <div className="chart">
            <Bar
              data={{
                labels: days.map((_, i) => digits.format(i + 1)),
                datasets: [{ data: days.map((p) => p / 100), backgroundColor: "#0f766e" }],
              }}
              options={{
                maintainAspectRatio: false,
                animation: false,
                plugins: {
                  tooltip: {
                    callbacks: { label: (c) => money(Math.round((c.parsed.y ?? 0) * 100)) },
                  },
                },
                scales: { y: { ticks: { callback: (v) => digits.format(Number(v)) } } },
              }}
            />
          </div>
          <h2>{t("dashboard.topSuppliers")}</h2>
          <ol className="top-suppliers">
            {summary.bySupplier.slice(0, 5).map((s) => (
              <li key={s.supplier}>
                <span>{s.supplier}</span> <span className="money">{money(s.total)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
