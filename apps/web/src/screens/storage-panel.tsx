import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import { freeSpace, nearlyFull, type StorageState, storageState, WARN_AT } from "../store/storage";
import { useLanguage } from "../ui/use-language";

/** `12.3 MB`, `9.8 GB`, in the chosen script. */
function size(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 2 ** 30 ? [bytes / 2 ** 30, "GB"] : [bytes / 2 ** 20, "MB"];
  const digits = new Intl.NumberFormat(lang === "bn" ? "bn-BD" : "en-IN", {
    maximumFractionDigits: 1,
  });
  return `${digits.format(value)} ${unit}`;
}

export function StoragePanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const mb = (bytes: number) => size(bytes, lang);
  const [state, setState] = useState<StorageState>();
  const [freed, setFreed] = useState<number>();
  useEffect(() => {
    void storageState().then(setState);
  }, []);
  if (!state) return null;
  const full = nearlyFull(state);

  return (
    <section className="storage">
      <h2>{t("storage.title")}</h2>
      <p data-testid="storage-used">
        {t("storage.used", { used: mb(state.used), quota: mb(state.quota) })}
      </p>
      <meter min={0} max={state.quota || 1} value={state.used} high={state.quota * WARN_AT} />
      <p className="muted">
        {state.persisted ? t("storage.persisted") : t("storage.notPersisted")}
      </p>
      {full && (
        <p className="error" role="alert">
          {t("storage.warning")}
        </p>
      )}
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          setFreed(await freeSpace(db));
          setState(await storageState());
        }}
      >
        {t("storage.clean")}
      </button>
      {freed !== undefined && <p role="status">{t("storage.cleaned", { size: mb(freed) })}</p>}
    </section>
  );
}
