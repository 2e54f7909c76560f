import type { ConnectorSettings, ConnectorStatus } from "@chalan/core";
import { useLiveQuery } from "dexie-react-hooks";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { db } from "../store/app-db";
import {
  disconnectQuickbooks,
  fetchConnectors,
  quickbooksSignInUrl,
  saveConnector,
} from "../store/books";
import { currentSession } from "../store/session";
import { routeParams } from "../ui/use-route";

type Tally = Extract<ConnectorStatus, { kind: "tally" }>;
type Quickbooks = Extract<ConnectorStatus, { kind: "quickbooks" }>;

/** Where approved invoices are posted, each package with what waits, went in, and was refused. */
export function ConnectorsPanel() {
  const { t } = useTranslation();
  const [connectors, setConnectors] = useState<ConnectorStatus[]>();
  const [error, setError] = useState<string>();
  // Back from Intuit's sign-in page: the server says how it went in the address.
  const [signIn] = useState(() => {
    const p = routeParams(location.hash);
    return { result: p.get("quickbooks"), reason: p.get("reason") };
  });

  const load = useCallback(() => {
    fetchConnectors(db).then(setConnectors, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const act = (work: () => Promise<unknown>) =>
    work().then(
      () => {
        setError(undefined);
        load();
      },
      (e: Error) => setError(e.message),
    );

  const tally = connectors?.find((c): c is Tally => c.kind === "tally");
  const quickbooks = connectors?.find((c): c is Quickbooks => c.kind === "quickbooks");
  return (
    <div className="panel connectors">
      <h2>{t("books.connectors.title")}</h2>
      {signIn.result === "connected" && (
        <p className="muted" role="status" data-testid="quickbooks-signed-in">
          {t("books.quickbooks.signedIn")}
        </p>
      )}
      {signIn.result === "failed" && (
        <p className="error" role="alert">
          {t("books.quickbooks.signInFailed", { reason: signIn.reason ?? "" })}
        </p>
      )}
      {tally && <TallyCard status={tally} act={act} />}
      {quickbooks && <QuickbooksCard status={quickbooks} act={act} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Act = (work: () => Promise<unknown>) => Promise<void>;

function Counts({ status }: { status: ConnectorStatus }) {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid={`counts-${status.kind}`}>
      {t("books.connectors.counts", status.counts)}
    </p>
  );
}

function TallyCard({ status, act }: { status: Tally; act: Act }) {
  const { t } = useTranslation();
  const session = useLiveQuery(() => currentSession(db), [], null);
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const company = String(form.get("company") ?? "").trim();
    const settings: ConnectorSettings = {
      enabled: form.get("enabled") === "on",
      ...(company && { company }),
    };
    void act(() => saveConnector(db, "tally", settings));
  };
  const command = `npx chalan tally-bridge --server ${location.origin} --token ${session?.token ?? "…"} --tally http://localhost:9000`;
  return (
    <form className="connector" data-testid="connector-tally" onSubmit={save}>
      <h3>{t("books.tally.title")}</h3>
      <label>
        <input type="checkbox" name="enabled" defaultChecked={status.enabled} />{" "}
        {t("books.tally.enable")}
      </label>
      <label>
        {t("books.tally.company")}{" "}
        <input name="company" defaultValue={status.company ?? ""} maxLength={200} />
      </label>
      <button type="submit">{t("books.connectors.save")}</button>
      {status.enabled && (
        <>
          <Counts status={status} />
          <p>{t("books.tally.bridge")}</p>
          <pre className="command" data-testid="bridge-command">
            {command}
          </pre>
          <p className="muted">{t("books.tally.bridgeNote")}</p>
        </>
      )}
    </form>
  );
}

function QuickbooksCard({ status, act }: { status: Quickbooks; act: Act }) {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  return (
    <div className="connector" data-testid="connector-quickbooks">
      <h3>{t("books.quickbooks.title")}</h3>
      <p className="warning" data-testid="quickbooks-abroad">
        {t("books.quickbooks.abroad")}
      </p>
      {!status.available ? (
        <p className="muted">{t("books.quickbooks.unavailable")}</p>
      ) : status.enabled ? (
        <>
          {status.connected ? (
            <p data-testid="quickbooks-connected">
              {t("books.quickbooks.connected", { realm: status.realmId ?? "" })}{" "}
              <button
                type="button"
                className="secondary"
                onClick={() => void act(() => disconnectQuickbooks(db))}
              >
                {t("books.quickbooks.disconnect")}
              </button>
            </p>
          ) : (
            <p>
              {t("books.quickbooks.notConnected")}{" "}
              <button
                type="button"
                data-testid="quickbooks-sign-in"
                onClick={() =>
                  void act(async () => {
                    location.assign(await quickbooksSignInUrl(db));
                  })
                }
              >
                {t("books.quickbooks.signIn")}
              </button>
            </p>
          )}
          <Counts status={status} />
          <button
            type="button"
            className="secondary"
            onClick={() => void act(() => saveConnector(db, "quickbooks", { enabled: false }))}
          >
            {t("books.quickbooks.turnOff")}
          </button>
        </>
      ) : (
        <>
          <label>
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
              data-testid="quickbooks-understood"
            />{" "}
            {t("books.quickbooks.understand")}
          </label>
          <button
            type="button"
            disabled={!understood}
            data-testid="quickbooks-enable"
            onClick={() =>
              void act(() =>
                saveConnector(db, "quickbooks", { enabled: true, dataLeavesBangladesh: true }),
              )
            }
          >
            {t("books.quickbooks.turnOn")}
          </button>
        </>
      )}
    </div>
  );
}
