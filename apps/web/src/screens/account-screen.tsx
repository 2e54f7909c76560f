import { useLiveQuery } from "dexie-react-hooks";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { db, sender } from "../store/app-db";
import { currentSession, signIn, signOut, signUp } from "../store/session";
import { useOnline } from "../ui/use-online";
import { StoragePanel } from "./storage-panel";

export function AccountScreen() {
  const { t } = useTranslation();
  const online = useOnline();
  const session = useLiveQuery(() => currentSession(db), [], null);
  const [error, setError] = useState<string>();

  const submit = (action: typeof signIn) => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    try {
      await action(db, Object.fromEntries(new FormData(e.currentTarget)));
      setError(undefined);
      void sender.kick();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="account">
      <h1>{t("account.title")}</h1>
      {session ? (
        <p>
          {t("account.signedIn", { email: session.email })}{" "}
          <button type="button" className="secondary" onClick={() => signOut(db)}>
            {t("account.signOut")}
          </button>
        </p>
      ) : (
        <>
          {!online && <p className="muted">{t("account.needsNetwork")}</p>}
          <div className="forms">
            <form onSubmit={submit(signIn)}>
              <h2>{t("account.signIn")}</h2>
              <label>
                {t("account.email")} <input name="email" type="email" required />
              </label>
              <label>
                {t("account.password")} <input name="password" type="password" required />
              </label>
              <button type="submit" disabled={!online}>
                {t("account.signIn")}
              </button>
            </form>
            <form onSubmit={submit(signUp)}>
              <h2>{t("account.signUp")}</h2>
              <label>
                {t("account.orgName")} <input name="orgName" required maxLength={200} />
              </label>
              <label>
                {t("account.name")} <input name="name" required maxLength={200} />
              </label>
              <label>
                {t("account.email")} <input name="email" type="email" required />
              </label>
              <label>
                {t("account.password")}{" "}
                <input name="password" type="password" minLength={8} required />
              </label>
              <button type="submit" disabled={!online}>
                {t("account.signUp")}
              </button>
            </form>
          </div>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <StoragePanel />
    </section>
  );
}
