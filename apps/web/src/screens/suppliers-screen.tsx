import { useLiveQuery } from "dexie-react-hooks";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { db, sender } from "../store/app-db";
import { addSupplier, type ImportPreview, importSheet } from "../store/suppliers";
import { useOnline } from "../ui/use-online";

/** Empty inputs are left out; the VAT rate is typed in percent. */
function formFields(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new FormData(form)) {
    const text = String(v).trim();
    if (text === "") continue;
    out[k] = k === "usualVatRate" ? Number(text) / 100 : text;
  }
  return out;
}

/** The business's suppliers, from this device's cache; adding and importing need the server. */
export function SuppliersScreen() {
  const { t } = useTranslation();
  const online = useOnline();
  const [search, setSearch] = useState("");
  const suppliers = useLiveQuery(() => db.suppliers.orderBy("name").toArray(), [], []);
  const [error, setError] = useState<string>();
  const [sheet, setSheet] = useState<{ file: File; preview: ImportPreview }>();
  const q = search.trim().toLowerCase();
  const shown = suppliers.filter(
    (s) =>
      q === "" || [s.name, s.nameBn, s.bin, ...s.aliases].some((v) => v?.toLowerCase().includes(q)),
  );

  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    void attempt(async () => {
      await addSupplier(db, formFields(form));
      form.reset();
    });
  };

  return (
    <section className="suppliers">
      <h1>{t("suppliers.title")}</h1>
      {!online && <p className="muted">{t("suppliers.offline")}</p>}
      <input
        type="search"
        placeholder={t("suppliers.search")}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <table data-testid="supplier-list">
        <thead>
          <tr>
            <th>{t("suppliers.name")}</th>
            <th>{t("suppliers.bin")}</th>
            <th>{t("suppliers.vat")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.id}>
              <td>
                {s.name}
                {s.nameBn && <div className="muted">{s.nameBn}</div>}
              </td>
              <td>{s.bin ?? "—"}</td>
              <td>
                {s.usualVatRate === undefined ? "—" : `${Math.round(s.usualVatRate * 1000) / 10}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">{t("suppliers.empty")}</p>}

      <form className="supplier-form" onSubmit={add}>
        <h2>{t("suppliers.add")}</h2>
        <label>
          {t("suppliers.name")} <input name="name" required maxLength={200} />
        </label>
        <label>
          {t("suppliers.nameBn")} <input name="nameBn" maxLength={200} />
        </label>
        <label>
          {t("suppliers.bin")} <input name="bin" inputMode="numeric" />
        </label>
        <label>
          {t("suppliers.phone")} <input name="phone" inputMode="tel" />
        </label>
        <label>
          {t("suppliers.vat")} <input name="usualVatRate" inputMode="decimal" />
        </label>
        <button type="submit" disabled={!online}>
          {t("suppliers.save")}
        </button>
      </form>

      <div className="supplier-import">
        <h2>{t("suppliers.import")}</h2>
        <p className="muted">{t("suppliers.importHelp")}</p>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv"
          data-testid="supplier-sheet"
          disabled={!online}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file)
              void attempt(async () =>
                setSheet({ file, preview: await importSheet(db, file, false) }),
              );
          }}
        />
        {sheet && (
          <div data-testid="import-preview">
            <p>
              {t("suppliers.previewSummary", {
                created: sheet.preview.created,
                updated: sheet.preview.updated,
                refused: sheet.preview.refused,
              })}
            </p>
            {sheet.preview.ignoredColumns.length > 0 && (
              <p className="muted">
                {t("suppliers.ignored", { columns: sheet.preview.ignoredColumns.join(", ") })}
              </p>
            )}
            <ul className="import-errors">
              {sheet.preview.rows
                .filter((r) => r.errors.length > 0)
                .map((r) => (
                  <li key={r.line}>
                    {t("suppliers.line", { line: r.line })}: {r.errors.join("; ")}
                  </li>
                ))}
            </ul>
            {!sheet.preview.committed ? (
              <button
                type="button"
                disabled={!online || sheet.preview.created + sheet.preview.updated === 0}
                onClick={() =>
                  void attempt(async () => {
                    const done = await importSheet(db, sheet.file, true);
                    setSheet({ file: sheet.file, preview: done });
                    await sender.kick();
                  })
                }
              >
                {t("suppliers.importGood")}
              </button>
            ) : (
              <p data-testid="import-done">{t("suppliers.imported")}</p>
            )}
          </div>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
