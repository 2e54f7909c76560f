import { useTranslation } from "react-i18next";
import type { LocalInvoice } from "../store/db";

export function StatusBadge({ inv }: { inv: LocalInvoice }) {
  const { t } = useTranslation();
  return <span className={`badge status-${inv.status}`}>{t(`status.${inv.status}`)}</span>;
}

export function PlaceBadge({ inv }: { inv: LocalInvoice }) {
  const { t } = useTranslation();
  return (
    <span className={`badge place-${inv.place}`} data-testid="place">
      {t(`place.${inv.place}`)}
    </span>
  );
}
