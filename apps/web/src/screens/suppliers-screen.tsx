import type { Supplier } from "@chalan/core";
import { useLiveQuery } from "dexie-react-hooks";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { db, sender } from "../store/app-db";
import { type ImportPreview, importSheet, removeSupplier, saveSupplier } from "../store/suppliers";
import { useOnline } from "../ui/use-online";

/**
 * The supplier as the form says: empty inputs are left out, the VAT rate is typed in percent. An
 * edited supplier keeps what the form does not show (aliases learnt, TIN, ledger…).
 */
function formFields(form: HTMLFormElement, editing?: Supplier): Record<string, unknown> {
  const { id: _, ...kept } = editing ?? { id: "" };
  const out: Record<string, unknown> = { ...kept };
  for (const [k, v] of new FormData(form)) {
    const text = String(v).trim();
    delete out[k];
    if (k === "aliases") {
      out[k] = text
        .split("\n")
        .map((a) => a.trim())
        .filter(Boolean);
    } else if (text !== "") {
      out[k] = k === "usualVatRate" ? Number(text) / 100 : text;
    }
  }
  return out;
}

/** The form's plain text inputs, beyond name and VAT rate: each a supplier field of the same name. */
const TEXT_INPUTS = [
  ["nameBn", {}],
  ["bin", { inputMode: "numeric" }],
  ["tin", { inputMode: "numeric" }],
  ["phone", { inputMode: "tel" }],
  ["address", {}],
  ["payment", {}],
  ["category", {}],
  ["ledger", {}],
] as const;

const percent = (rate: number | undefined) =>
  rate === undefined ? "" : String(Math.round(rate * 1000) / 10);

/** The business's suppliers, from this device's cache; adding and importing need the server. */
export function SuppliersScreen() {
  const { t } = useTranslation();
  const online = useOnline();
  const [search, setSearch] = useState("");
  const suppliers = useLiveQuery(() => db.suppliers.orderBy("name").toArray(), [], []);
  const [error, setError] = useState<string>();
  const [sheet, setSheet] = useState<{ file: File; preview: ImportPreview }>();
  const [editing, setEditing] = useState<Supplier>();
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
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    void attempt(async () => {
      await saveSupplier(db, formFields(form, editing), editing?.id);
      setEditing(undefined);
      form.reset();
    });
  };
  const remove = (s: Supplier) => {
    if (confirm(t("suppliers.removeAsk", { name: s.name })))
      void attempt(() => removeSupplier(db, s.id));
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
                {s.aliases.length > 0 && (
                  <div className="muted">
                    {t("suppliers.aliases", { names: s.aliases.join(", ") })}
                  </div>
                )}
                <div className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    disabled={!online}
                    onClick={() => setEditing(s)}
                  >
                    {t("suppliers.edit")}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={!online}
                    onClick={() => remove(s)}
                  >
                    {t("suppliers.remove")}
                  </button>
                </div>
              </td>
              <td>{s.bin ?? "—"}</td>
              <td>{s.usualVatRate === undefined ? "—" : `${percent(s.usualVatRate)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">{t("suppliers.empty")}</p>}

      <form className="supplier-form" onSubmit={save} key={editing?.id ?? "new"}>
        <h2>{editing ? t("suppliers.editing", { name: editing.name }) : t("suppliers.add")}</h2>
        <label>
          {t("suppliers.name")}{" "}
          <input name="name" required maxLength={200} defaultValue={editing?.name} />
        </label>
        {TEXT_INPUTS.map(([field, props]) => (
          <label key={field}>
            {t(`suppliers.${field}`)}{" "}
            <input name={field} maxLength={500} defaultValue={editing?.[field]} {...props} />
          </label>
        ))}
        <label>
          {t("suppliers.vat")}{" "}
          <input
            name="usualVatRate"
            inputMode="decimal"
            defaultValue={percent(editing?.usualVatRate)}
          />
        </label>
        <label>
          {t("suppliers.aliasesInput")}{" "}
          <textarea name="aliases" rows={2} defaultValue={editing?.aliases.join("\n")} />
        </label>
        <button type="submit" disabled={!online}>
          {t("suppliers.save")}
        </button>
        {editing && (
          <button type="button" className="secondary" onClick={() => setEditing(undefined)}>
            {t("suppliers.cancel")}
          </button>
        )}
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
