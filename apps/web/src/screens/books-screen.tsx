import { useTranslation } from "react-i18next";
import { useOnline } from "../ui/use-online";
import { ConnectorsPanel } from "./connectors-panel";
import { ExportsPanel } from "./exports-panel";
import { LedgerMappingForm } from "./ledger-mapping-form";

/**
 * The books: where approved invoices are posted (Tally, QuickBooks), which ledgers they go to, and
 * files for an accountant. All of it is the server's: this screen needs the connection.
 */
export function BooksScreen() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <section className="books">
      <h1>{t("books.title")}</h1>
      {online ? (
        <>
          <ConnectorsPanel />
          <LedgerMappingForm />
          <ExportsPanel />
        </>
      ) : (
        <p className="muted">{t("books.offline")}</p>
      )}
    </section>
  );
}
