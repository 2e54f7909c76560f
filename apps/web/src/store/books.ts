import {
  type ConnectorKind,
  type ConnectorSettings,
  ConnectorStatus,
  type ExportQuery,
  LedgerMapping,
  ReviewState,
} from "@chalan/core";
import { z } from "zod";
import type { ChalanDb } from "./db";
import { json, serverCall } from "./server-call";
import { currentSession } from "./session";

/** The business's books, as the server keeps them: these settings live only there. */
export async function fetchConnectors(db: ChalanDb): Promise<ConnectorStatus[]> {
  const body = await serverCall(db, "/api/connectors", {});
  return z.object({ connectors: z.array(ConnectorStatus) }).parse(body).connectors;
}

export async function saveConnector(
  db: ChalanDb,
  kind: ConnectorKind,
  settings: ConnectorSettings,
): Promise<void> {
  await serverCall(db, `/api/connectors/${kind}`, { method: "PUT", ...json(settings) });
}

/** Where to send the owner to let Chalan into their QuickBooks company (Intuit's sign-in page). */
export async function quickbooksSignInUrl(db: ChalanDb): Promise<string> {
  const body = await serverCall(db, "/api/connectors/quickbooks/connect", { method: "POST" });
  return z.object({ authorizeUrl: z.string().url() }).parse(body).authorizeUrl;
}

export async function disconnectQuickbooks(db: ChalanDb): Promise<void> {
  await serverCall(db, "/api/connectors/quickbooks/connection", { method: "DELETE" });
}

export async function fetchLedgerMapping(db: ChalanDb): Promise<LedgerMapping> {
  return LedgerMapping.parse(await serverCall(db, "/api/ledger-mapping", {}));
}

export async function saveLedgerMapping(db: ChalanDb, mapping: unknown): Promise<LedgerMapping> {
  const checked = LedgerMapping.parse(mapping);
  return LedgerMapping.parse(
    await serverCall(db, "/api/ledger-mapping", { method: "PUT", ...json(checked) }),
  );
}

/** A posting the target refused, sent again once the cause is fixed there; the invoice as now. */
export async function postAgain(
  db: ChalanDb,
  invoiceId: string,
  postingId: string,
): Promise<ReviewState> {
  await serverCall(db, `/api/postings/${postingId}/retry`, { method: "POST" });
  return ReviewState.parse(await serverCall(db, `/api/invoices/${invoiceId}`, {}));
}

export type ExportFormat = "csv" | "xlsx" | "hledger" | "tally-ledgers" | "tally-vouchers";

/**
 * Downloads an export of the approved and posted invoices issued in the range. A plain link cannot
 * carry the sign-in token, so the file is fetched and handed to the browser as a download.
 */
export async function downloadExport(
  db: ChalanDb,
  format: ExportFormat,
  query: ExportQuery,
): Promise<void> {
  const session = await currentSession(db);
  if (!session) throw new Error("Sign in first (Account).");
  const params = new URLSearchParams({ from: query.from, to: query.to, rows: query.rows });
  const res = await fetch(`/api/exports/${format}?${params}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.detail ?? `HTTP ${res.status}`);
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ??
    `chalan-${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
