import { ExportQuery } from "@chalan/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import { downloadExport, type ExportFormat } from "../store/books";

/** Last month in Dhaka, the range an accountant asks for most. */
function lastMonth(): { from: string; to: string } {
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Dhaka" });
  const [y, m] = today.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

const FILES: { key: string; format: ExportFormat; rows?: "lines" }[] = [
  { key: "csv", format: "csv" },
  { key: "csvLines", format: "csv", rows: "lines" },
  { key: "xlsx", format: "xlsx" },
  { key: "hledger", format: "hledger" },
  { key: "tallyLedgers", format: "tally-ledgers" },
  { key: "tallyVouchers", format: "tally-vouchers" },
];

/** Approved and posted invoices issued in a range, as files for an accountant or a manual Tally import. */
export function ExportsPanel() {
  const { t } = useTranslation();
  const [range] = useState(lastMonth);
  const [error, setError] = useState<string>();

  const download = (file: (typeof FILES)[number]) => (e: FormEvent) => {
    e.preventDefault();
    const form = (e.currentTarget as HTMLButtonElement).form as HTMLFormElement;
    const query = ExportQuery.safeParse({
      ...Object.fromEntries(new FormData(form)),
      rows: file.rows ?? "invoices",
    });
    if (!query.success) {
      setError(t("books.exports.badRange"));
      return;
    }
    downloadExport(db, file.format, query.data).then(
      () => setError(undefined),
      (err: Error) => setError(err.message),
    );
  };

  return (
    <form className="panel exports" data-testid="exports" onSubmit={(e) => e.preventDefault()}>
      <h2>{t("books.exports.title")}</h2>
      <p className="muted">{t("books.exports.intro")}</p>
      <label>
        {t("books.exports.from")} <input type="date" name="from" defaultValue={range.from} />
      </label>{" "}
      <label>
        {t("books.exports.to")} <input type="date" name="to" defaultValue={range.to} />
      </label>
      <p className="downloads">
        {FILES.map((f) => (
          <button
            key={f.key}
            type="button"
            className="secondary"
            data-testid={`export-${f.key}`}
            onClick={download(f)}
          >
            {t(`books.exports.${f.key}`)}
          </button>
        ))}
      </p>
      <p className="muted">{t("books.exports.tallyHow")}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
