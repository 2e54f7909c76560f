import { useLiveQuery } from "dexie-react-hooks";
import { useTranslation } from "react-i18next";
import { setLanguage } from "./i18n/i18n";
import { AccountScreen } from "./screens/account-screen";
import { BooksScreen } from "./screens/books-screen";
import { CaptureScreen } from "./screens/capture-screen";
import { Dashboard } from "./screens/dashboard";
import { InvoiceList } from "./screens/invoice-list";
import { InvoiceScreen } from "./screens/invoice-screen";
import { ReviewQueue } from "./screens/review-queue";
import { SuppliersScreen } from "./screens/suppliers-screen";
import { db } from "./store/app-db";
import { reviewQueue } from "./store/review-queue";
import { useLanguage } from "./ui/use-language";
import { useOnline } from "./ui/use-online";
import { href, type Route, useRoute } from "./ui/use-route";
import { useSyncProgress } from "./ui/use-sync-progress";

const MB = 1024 * 1024;
const NAV = [
  "invoices",
  "review",
  "capture",
  "suppliers",
  "dashboard",
  "books",
  "account",
] as const;

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const online = useOnline();
  const lang = useLanguage();
  const { progress, secondsLeft } = useSyncProgress();
  const toReview = useLiveQuery(async () => (await reviewQueue(db)).length, [], 0);
  // An invoice waits while its pages, or any change made to it here, have not reached the server.
  const waiting = useLiveQuery(
    async () => {
      const ids = new Set(await db.invoices.where("place").notEqual("server").primaryKeys());
      for (const m of await db.mutations.where("pushed").equals(0).toArray()) ids.add(m.invoiceId);
      return ids.size;
    },
    [],
    0,
  );
  return (
    <>
      <header className="top">
        <a className="brand" href={href({ screen: "invoices" })}>
          {t("app.name")}
        </a>
        <nav>
          {NAV.map((screen) => (
            <a
              key={screen}
              href={href({ screen } as Route)}
              aria-current={route.screen === screen ? "page" : undefined}
            >
              {t(`nav.${screen}`)}
              {screen === "review" && toReview > 0 && (
                <span className="count" data-testid="review-count">
                  {toReview}
                </span>
              )}
            </a>
          ))}
        </nav>
        <button
          type="button"
          className="lang"
          onClick={() => setLanguage(lang === "en" ? "bn" : "en")}
          aria-label={t("language.label")}
        >
          {lang === "en" ? t("language.bn") : t("language.en")}
        </button>
      </header>
      <p className={`net ${online ? "online" : "offline"}`} role="status" data-testid="net">
        <span>{online ? t("net.online") : t("net.offline")}</span>
        {waiting > 0 && (
          <span data-testid="waiting"> · {t("net.waiting", { count: waiting })}</span>
        )}
        {online && progress.state === "syncing" && progress.invoices.total > 0 && (
          <span data-testid="sending">
            {" · "}
            {t("net.sending", {
              done: progress.invoices.done,
              total: progress.invoices.total,
              sent: progress.bytes.done / MB,
              size: progress.bytes.total / MB,
            })}
          </span>
        )}
        {online && progress.state === "waiting" && (
          <span data-testid="retry"> · {t("net.retry", { seconds: secondsLeft })}</span>
        )}
      </p>
      <main>
        {route.screen === "invoices" && <InvoiceList />}
        {route.screen === "review" && <ReviewQueue />}
        {route.screen === "capture" && <CaptureScreen />}
        {route.screen === "suppliers" && <SuppliersScreen />}
        {route.screen === "dashboard" && <Dashboard />}
        {route.screen === "books" && <BooksScreen />}
        {route.screen === "account" && <AccountScreen />}
        {route.screen === "invoice" && <InvoiceScreen id={route.id} />}
      </main>
    </>
  );
}
