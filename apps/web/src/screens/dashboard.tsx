import { dailyTotals, dhakaMonth, type ReportInvoice, summariseMonth } from "@chalan/core";
import { BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { useLiveQuery } from "dexie-react-hooks";
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

/** This month's spend from what is on the device: works offline, same sums as the monthly email. */
export function Dashboard() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const all = useLiveQuery(() => db.invoices.toArray(), []);
  if (!all) return null;
  const month = dhakaMonth(new Date());
  const invoices = all.map(asReport).filter((inv) => inv.issueDate?.startsWith(month));
  const summary = summariseMonth({ submitterEmail: "", submitterName: "", month, invoices });
  const days = dailyTotals(invoices, month);
  const money = (p: number) => showMoney(p, lang);
  const digits = new Intl.NumberFormat(lang === "bn" ? "bn-BD" : "en-IN");

  return (
    <section className="dashboard">
      <h1>
        {t("dashboard.title")} · {month}
      </h1>
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
        <p className="empty">{t("dashboard.none")}</p>
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
