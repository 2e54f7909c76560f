import { type FieldName, type FieldWrite, parseHlc } from "@chalan/core";
import { useLiveQuery } from "dexie-react-hooks";
import { useTranslation } from "react-i18next";
import { db, sender } from "../store/app-db";
import type { LocalInvoice } from "../store/db";
import { pickValue } from "../store/invoices";
import type { DeviceNames } from "../sync/pull-writes";
import { type EditableField, fieldText } from "../ui/field-text";
import { useLanguage } from "../ui/use-language";

/**
 * The values two or more people gave one field without seeing each other's, side by side with who
 * gave each and when; one tap keeps one, and that choice syncs like any edit.
 */
export function ConflictChoices({
  inv,
  field,
  writes,
}: {
  inv: LocalInvoice;
  field: FieldName;
  writes: FieldWrite[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const who = useLiveQuery(
    async () => ({
      here: (await db.settings.get("deviceId"))?.value as string | undefined,
      names: ((await db.settings.get("deviceNames"))?.value ?? {}) as DeviceNames,
    }),
    [],
  );
  const when = new Intl.DateTimeFormat(lang === "bn" ? "bn-BD" : "en-GB", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Dhaka",
  });
  const author = (w: FieldWrite) =>
    w.device === who?.here
      ? t("review.thisDevice")
      : who?.names[w.device]
        ? t("review.otherDeviceOf", { name: who.names[w.device] })
        : t("review.otherDevice");
  return (
    <div className="conflict" data-testid={`conflict-${field}`}>
      <span>{t("invoice.conflict")}</span>
      <div className="choices">
        {writes.map((w) => (
          <button
            key={w.id}
            type="button"
            className="secondary choice"
            onClick={() => void pickValue(db, inv.id, field, w.value).then(sender.nudge)}
          >
            <strong>{fieldText(field as EditableField, w.value, lang)}</strong>
            <small>
              {author(w)} · {when.format(parseHlc(w.at).wall)}
            </small>
          </button>
        ))}
      </div>
    </div>
  );
}
