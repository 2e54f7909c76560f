import type { LedgerMapping } from "@chalan/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import { fetchLedgerMapping, saveLedgerMapping } from "../store/books";
import { type CategoryRow, categoryRows, fromCategoryRows } from "../store/category-rows";

/** The mapping's single-ledger settings, each an input of the same name. */
const LEDGERS = [
  "purchaseLedger",
  "inputVatLedger",
  "vdsLedger",
  "aitLedger",
  "supplierGroup",
  "purchaseGroup",
  "vatGroup",
  "costCentre",
] as const;

/**
 * Which ledgers approved invoices are posted to. A supplier's own party ledger is set on the
 * supplier (Suppliers screen); here: the purchase and input VAT ledgers, the groups new ledgers go
 * under, a ledger and the tax withheld per supplier category, and an optional cost centre.
 */
export function LedgerMappingForm() {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<LedgerMapping>();
  const [rows, setRows] = useState<CategoryRow[]>([]);
  const [note, setNote] = useState<{ error?: string; saved?: boolean }>({});

  const show = useCallback((m: LedgerMapping) => {
    setMapping(m);
    setRows(categoryRows(m));
  }, []);
  useEffect(() => {
    fetchLedgerMapping(db).then(show, (e: Error) => setNote({ error: e.message }));
  }, [show]);

  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const typed: Record<string, unknown> = {};
    for (const k of LEDGERS) {
      const v = String(form.get(k) ?? "").trim();
      if (v) typed[k] = v;
    }
    const categories = fromCategoryRows(rows);
    if ("problem" in categories) {
      setNote({ error: t(`books.mapping.problem.${categories.problem}`) });
      return;
    }
    saveLedgerMapping(db, { ...typed, ...categories }).then(
      (m) => {
        show(m);
        setNote({ saved: true });
      },
      (err: Error) => setNote({ error: err.message }),
    );
  };

  return (
    <form className="panel ledger-mapping" onSubmit={save} data-testid="ledger-mapping">
      <h2>{t("books.mapping.title")}</h2>
      <p className="muted">{t("books.mapping.intro")}</p>
      {mapping &&
        LEDGERS.map((k) => (
          <label key={k}>
            {t(`books.mapping.${k}`)}{" "}
            <input
              name={k}
              defaultValue={mapping[k] ?? ""}
              maxLength={200}
              required={k !== "costCentre"}
            />
          </label>
        ))}
      <fieldset>
        <legend>{t("books.mapping.categories")}</legend>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place while typed
          <div className="category-row" key={i}>
            {(["category", "ledger", "vds", "ait"] as const).map((k, n) => (
              <label key={k} className={`category-${k}`}>
                <span className="muted">{t(`books.mapping.${k}`)}</span>
                <input
                  inputMode={n > 1 ? "decimal" : undefined}
                  value={r[k]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setRows(rows.map((row, j) => (j === i ? { ...row, [k]: value } : row)));
                  }}
                />
              </label>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              {t("books.mapping.removeRow")}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setRows([...rows, { category: "", ledger: "", vds: "", ait: "" }])}
        >
          {t("books.mapping.addRow")}
        </button>
      </fieldset>
      <button type="submit" disabled={!mapping}>
        {t("books.mapping.save")}
      </button>
      {note.saved && (
        <p className="muted" role="status">
          {t("books.mapping.saved")}
        </p>
      )}
      {note.error && (
        <p className="error" role="alert">
          {note.error}
        </p>
      )}
    </form>
  );
}
