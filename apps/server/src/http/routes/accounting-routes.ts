import {
  ExportQuery,
  hledgerJournal,
  invoiceTable,
  LedgerMapping,
  lineItemTable,
  type PurchaseVoucher,
  tableCells,
  toCsv,
} from "@chalan/core";
import type { FastifyPluginAsync } from "fastify";
import { bookedInvoices } from "../../accounting/booked-invoices";
import { loadLedgerMapping, saveLedgerMapping } from "../../accounting/ledger-mapping-repo";
import { xlsxWorkbook } from "../../accounting/xlsx-export";
import { type AppDeps, requireAuth } from "../app";
import { notFound } from "../problem";
import { parseOr400 } from "../zod-problem";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
    if (!["csv", "xlsx", "hledger"].includes(format)) throw notFound(`Export format ${format}`);
    const q = parseOr400(ExportQuery, req.query, "query");
    const mapping = await loadLedgerMapping(deps.pool, auth.orgId);
    const booked = await bookedInvoices(deps.pool, auth.orgId, mapping, q);
    const name = `chalan-${q.from}-to-${q.to}`;
    if (format === "hledger") {
      const vouchers = booked.flatMap((b) => ("error" in b.voucher ? [] : [b.voucher]));
      const left = booked.filter((b) => "error" in b.voucher);
      const journal = hledgerJournal(
        vouchers as PurchaseVoucher[],
        `Chalan purchases ${q.from} to ${q.to}`,
      );
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
};
