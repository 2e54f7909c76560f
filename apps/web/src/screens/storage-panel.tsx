import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import { freeSpace, type StorageState, storageState, WARN_AT } from "../store/storage";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function StoragePanel() {
  const { t } = useTranslation();
  const [state, setState] = useState<StorageState>();
  const [freed, setFreed] = useState<number>();
  useEffect(() => {
    void storageState().then(setState);
  }, []);
  if (!state) return null;
  const full = state.quota > 0 && state.used / state.quota >= WARN_AT;

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
