import {
  ConnectorKind,
  ConnectorSettings,
  type ConnectorsAnswer,
  ExportQuery,
  hledgerJournal,
  invoiceTable,
  LeaseRequest,
  LedgerMapping,
  lineItemTable,
  PostingResult,
  type QuickBooksConnectAnswer,
  tableCells,
  tallyLedgersEnvelope,
  tallyVouchersEnvelope,
  toCsv,
  UUID_PATTERN,
  voucherLedgers,
} from "@chalan/core";
import type { FastifyPluginAsync } from "fastify";
import { bookedInvoices } from "../../accounting/booked-invoices";
import { loadLedgerMapping, saveLedgerMapping } from "../../accounting/ledger-mapping-repo";
import {
  connectorRows,
  enabledConnectors,
  leasePostings,
  recordPostingResult,
  retryRejected,
  saveConnector,
} from "../../accounting/postings-repo";
import { xlsxWorkbook } from "../../accounting/xlsx-export";
import type { Config } from "../../config";
import {
  authorizeUrl,
  connect,
  forgetTokens,
  loadTokens,
  QboDisconnected,
  QboUnavailable,
  takeState,
} from "../../connectors/quickbooks-auth";
import { withTransaction } from "../../db/transaction";
import { type AppDeps, requireAuth } from "../app";
import { notFound, Problem } from "../problem";
import { parseOr400 } from "../zod-problem";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The Intuit app's keys, or a 409 saying what the server's operator must set. */
function quickBooksApp(config: Config) {
  if (config.quickbooks.app) return config.quickbooks.app;
  throw new Problem(
    409,
    "QuickBooks not set up",
    "This Chalan server has no Intuit app: its operator must set QUICKBOOKS_CLIENT_ID, QUICKBOOKS_CLIENT_SECRET and QUICKBOOKS_REDIRECT_URL (docs/quickbooks.md) before QuickBooks Online can be connected.",
  );
}

/** Where the web app shows how connecting QuickBooks went. */
const booksPage = (params: Record<string, string>) =>
  `/#/books?${new URLSearchParams({ quickbooks: "failed", ...params }).toString()}`;

/** The books' side: where approved invoices are posted, and exports for an accountant. */
export const accountingRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.get("/api/ledger-mapping", async (req) => {
    const auth = requireAuth(req);
    return loadLedgerMapping(deps.pool, auth.orgId);
  });

  app.put("/api/ledger-mapping", async (req) => {
    const auth = requireAuth(req);
    const mapping = parseOr400(LedgerMapping, req.body, "ledger mapping");
    await saveLedgerMapping(deps.pool, auth.orgId, auth.userId, mapping);
    return mapping;
  });

  /**
   * Approved and posted invoices issued in a date range: CSV (`rows=invoices` or `lines`), an XLSX
   * workbook with both, or an hledger journal of their vouchers.
   */
  app.get("/api/exports/:format", async (req, reply) => {
    const auth = requireAuth(req);
    const { format } = req.params as { format: string };
    if (!["csv", "xlsx", "hledger", "tally-ledgers", "tally-vouchers"].includes(format)) {
      throw notFound(`Export format ${format}`);
    }
    const q = parseOr400(ExportQuery, req.query, "query");
    const mapping = await loadLedgerMapping(deps.pool, auth.orgId);
    const booked = await bookedInvoices(deps.pool, auth.orgId, mapping, q);
    const name = `chalan-${q.from}-to-${q.to}`;
    const vouchers = booked.flatMap((b) => ("error" in b.voucher ? [] : [b.voucher]));
    if (format === "tally-ledgers" || format === "tally-vouchers") {
      // For Tally's own Import (masters first, then vouchers) where no bridge runs. Importing the
      // vouchers again alters them (REMOTEID), so a file imported twice adds nothing.
      const company = (await enabledConnectors(deps.pool, auth.orgId)).find(
        (c) => c.kind === "tally",
      )?.company;
      const ledgers = vouchers
        .flatMap((v) => voucherLedgers(v, mapping))
        .filter((l, i, all) => all.findIndex((o) => o.name === l.name) === i);
      const xml =
        format === "tally-ledgers"
          ? tallyLedgersEnvelope(ledgers, company ?? undefined)
          : tallyVouchersEnvelope(
              vouchers.map((voucher) => ({ voucher, action: "Create" as const })),
              company ?? undefined,
            );
      return reply
        .type("text/xml; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}-${format}.xml"`)
        .send(xml);
    }
    if (format === "hledger") {
      const left = booked.filter((b) => "error" in b.voucher);
      const journal = hledgerJournal(vouchers, `Chalan purchases ${q.from} to ${q.to}`);
      const notes = left.map(
        (b) => `; not in this journal: ${b.id}: ${"error" in b.voucher ? b.voucher.error : ""}\n`,
      );
      return reply
        .type("text/plain; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}.journal"`)
        .send(journal + notes.join(""));
    }
    if (format === "csv") {
      const table = q.rows === "lines" ? lineItemTable(booked) : invoiceTable(booked);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}-${q.rows}.csv"`)
        .send(`\uFEFF${toCsv(tableCells(table))}`);
    }
    const book = await xlsxWorkbook([
      { name: "Invoices", table: invoiceTable(booked) },
      { name: "Line items", table: lineItemTable(booked) },
    ]);
    return reply
      .type(XLSX_MIME)
      .header("content-disposition", `attachment; filename="${name}.xlsx"`)
      .send(book);
  });

  const kindOf = (params: unknown): ConnectorKind => {
    const kind = ConnectorKind.safeParse((params as { kind: string }).kind);
    if (!kind.success) throw notFound(`Connector ${(params as { kind: string }).kind}`);
    return kind.data;
  };

  /** Every connector, on or off: what it is set to, whether it can post, and its postings' counts. */
  app.get("/api/connectors", async (req): Promise<ConnectorsAnswer> => {
    const auth = requireAuth(req);
    const rows = await connectorRows(deps.pool, auth.orgId);
    const tokens = await loadTokens(deps.pool, auth.orgId);
    const of = (kind: ConnectorKind) =>
      rows.get(kind) ?? {
        enabled: false,
        company: null,
        counts: { pending: 0, posted: 0, rejected: 0 },
      };
    const tally = of("tally");
    const quickbooks = of("quickbooks");
    return {
      connectors: [
        { kind: "tally", ...tally },
        {
          kind: "quickbooks",
          enabled: quickbooks.enabled,
          available: deps.config.quickbooks.app !== undefined,
          connected: tokens !== null,
          realmId: tokens?.realmId ?? null,
          counts: quickbooks.counts,
        },
      ],
    };
  });

  /**
   * Turns posting to a package on or off; approvals from then on create postings for it. There are
   * no user roles: a business's one account is its admin, and it alone can send data abroad.
   */
  app.put("/api/connectors/:kind", async (req) => {
    const auth = requireAuth(req);
    const kind = kindOf(req.params);
    const settings = parseOr400(ConnectorSettings, req.body, "connector settings");
    if (kind === "quickbooks" && settings.enabled) {
      if (!settings.dataLeavesBangladesh) {
        throw new Problem(
          400,
          "Acknowledgement needed",
          "QuickBooks Online keeps the books on Intuit's servers outside Bangladesh: every approved invoice's supplier, date, number and amounts would leave the country. To turn it on, acknowledge this (dataLeavesBangladesh: true).",
        );
      }
      quickBooksApp(deps.config);
    }
    await saveConnector(deps.pool, auth.orgId, kind, settings);
    return settings;
  });

  /** Starts connecting a QuickBooks company: the admin is sent to Intuit to allow Chalan in. */
  app.post("/api/connectors/quickbooks/connect", async (req): Promise<QuickBooksConnectAnswer> => {
    const auth = requireAuth(req);
    const qbApp = quickBooksApp(deps.config);
    return {
      authorizeUrl: await authorizeUrl(deps.pool, deps.config.quickbooks, qbApp, auth.orgId),
    };
  });

  /**
   * Intuit sends the admin back here (no bearer token: the one-use `state` names the business) with
   * a code, exchanged for the company's tokens; then on to the web app's books page.
   */
  app.get("/api/connectors/quickbooks/callback", async (req, reply) => {
    const q = req.query as Partial<Record<"code" | "state" | "realmId" | "error", string>>;
    const fail = (reason: string) => reply.redirect(booksPage({ reason }));
    const qbApp = deps.config.quickbooks.app;
    if (!qbApp) return fail("QuickBooks Online is not set up on this server.");
    const orgId = q.state ? await takeState(deps.pool, q.state) : null;
    if (!orgId) {
      return fail(
        "This QuickBooks link was already used or is more than 10 minutes old: connect again from Chalan.",
      );
    }
    if (q.error) {
      return fail(
        q.error === "access_denied"
          ? "Chalan was not allowed into QuickBooks at Intuit."
          : `Intuit said: ${q.error}`,
      );
    }
    if (!q.code || !q.realmId) return fail("Intuit sent back no code or company.");
    try {
      await connect(deps.pool, deps.config.quickbooks, qbApp, orgId, q.code, q.realmId);
    } catch (e) {
      if (!(e instanceof QboUnavailable || e instanceof QboDisconnected)) throw e;
      return fail(`Intuit did not let Chalan in: ${e.message}`);
    }
    return reply.redirect(booksPage({ quickbooks: "connected" }));
  });

  /** Forgets the QuickBooks company's tokens; postings wait until a company is connected again. */
  app.delete("/api/connectors/quickbooks/connection", async (req) => {
    const auth = requireAuth(req);
    await forgetTokens(deps.pool, auth.orgId);
    return { connected: false };
  });

  /** The bridge on the office PC takes postings that are due, each held for it a while. */
  app.post("/api/connectors/:kind/lease", async (req) => {
    const auth = requireAuth(req);
    if (kindOf(req.params) !== "tally") {
      throw new Problem(
        404,
        "Not found",
        "Only Tally has a bridge: the server posts to QuickBooks itself.",
      );
    }
    const { max } = parseOr400(LeaseRequest, req.body ?? {}, "lease request");
    const postings = await withTransaction(deps.pool, (tx) =>
      leasePostings(tx, auth.orgId, max, deps.config.postingLeaseSeconds),
    );
    return { postings };
  });

  /** What the target said of a posting the bridge holds. */
  app.post("/api/postings/:id/result", async (req) => {
    const auth = requireAuth(req);
    const { id } = req.params as { id: string };
    if (!UUID_PATTERN.test(id)) throw notFound(`Posting ${id}`);
    const result = parseOr400(PostingResult, req.body, "posting result");
    const said = await withTransaction(deps.pool, (tx) =>
      recordPostingResult(tx, auth.orgId, id, result),
    );
    if (said === "not-found") throw notFound(`Posting ${id}`);
    if (said === "not-yours") {
      throw new Problem(
        409,
        "Lease lost",
        `Posting ${id} is no longer held by this bridge (its lease ran out or it was settled): lease it again.`,
      );
    }
    return { recorded: true };
  });

  /** A person fixed what the target refused (made the ledger in Tally, say): post it again. */
  app.post("/api/postings/:id/retry", async (req) => {
    const auth = requireAuth(req);
    const { id } = req.params as { id: string };
    if (!UUID_PATTERN.test(id)) throw notFound(`Posting ${id}`);
    if (!(await retryRejected(deps.pool, auth.orgId, id))) {
      throw new Problem(409, "Not refused", `Posting ${id} is not one the target refused.`);
    }
    return { pending: true };
  });
};
