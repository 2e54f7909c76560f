import {
  ApprovalRequest,
  applyHumanEdit,
  InvoiceListQuery,
  InvoicePatch,
  purchaseVoucher,
  SupplierChoice,
  UUID_PATTERN,
  VoucherError,
} from "@chalan/core";
import type { FastifyPluginAsync } from "fastify";
import { loadLedgerMapping } from "../../accounting/ledger-mapping-repo";
import { createPostings } from "../../accounting/postings-repo";
import { withTransaction } from "../../db/transaction";
import {
  approveInvoice,
  findInvoice,
  type InvoiceRecord,
  listInvoices,
  recordEvent,
} from "../../invoices/invoice-repo";
import { findSupplier, learnAlias } from "../../suppliers/supplier-repo";
import {
  invoiceHistory,
  lockOrgSync,
  settleInvoice,
  writeHere,
} from "../../sync/field-writes-repo";
import { type AppDeps, requireAuth } from "../app";
import { notFound, Problem } from "../problem";
import { parseOr400 } from "../zod-problem";

const toApi = (inv: InvoiceRecord) => ({
  id: inv.id,
  status: inv.status,
  submitter: { name: inv.submitterName, email: inv.submitterEmail },
  receivedAt: inv.receivedAt.toISOString(),
  updatedAt: inv.updatedAt.toISOString(),
  failureReason: inv.failureReason,
  reviewReasons: inv.reviewReasons,
  checks: inv.checks,
  approval: inv.approval,
  postings: inv.postings,
  supplierId: inv.supplierId,
  fields: inv.fields,
  pages: inv.pages.map((p) => ({
    n: p.pageNo,
    mime: p.mime,
    size: p.byteSize,
    sha256: p.sha256,
    url: `/api/invoices/${inv.id}/pages/${p.pageNo}`,
  })),
});

function invoiceId(params: unknown): string {
  const id = (params as { id: string }).id;
  if (!UUID_PATTERN.test(id)) throw notFound(`Invoice ${id}`);
  return id.toLowerCase();
}

export const invoiceRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.get("/api/invoices", async (req) => {
    const auth = requireAuth(req);
    const q = parseOr400(InvoiceListQuery, req.query, "query");
    const invoices = await listInvoices(deps.pool, auth.orgId, q);
    return { invoices: invoices.map(toApi) };
  });

  app.get("/api/invoices/:id", async (req) => {
    const auth = requireAuth(req);
    const id = invoiceId(req.params);
    const inv = await findInvoice(deps.pool, auth.orgId, id);
    if (!inv) throw notFound(`Invoice ${id}`);
    return toApi(inv);
  });

  app.patch("/api/invoices/:id", async (req) => {
    const auth = requireAuth(req);
    const id = invoiceId(req.params);
    const patch = parseOr400(InvoicePatch, req.body, "invoice edit");
    return withTransaction(deps.pool, async (tx) => {
      await lockOrgSync(tx, auth.orgId);
      const inv = await findInvoice(tx, auth.orgId, id, { forUpdate: true });
      if (!inv) throw notFound(`Invoice ${id}`);
      // An edit of an approved or posted invoice reopens it; approving it again amends the books.
      const { changes } = applyHumanEdit(inv.fields, patch);
      if (changes.length > 0) {
        // An edit here is a write like a device's: devices pull it, conflicts are caught.
        const values = Object.fromEntries(
          changes.map((c) => [c.field, { value: c.to, confidence: 1 }]),
        );
        await writeHere(tx, auth.orgId, auth.userId, id, values, "human");
        await recordEvent(tx, auth.orgId, id, `user:${auth.userId}`, "edited", { changes });
      }
      return toApi((await findInvoice(tx, auth.orgId, id)) as InvoiceRecord);
    });
  });

  /**
   * A person approves the invoice for the books. Errors (and conflicts) must be fixed first;
   * warnings must be accepted by name (`acceptWarnings: true`), and who accepted which is kept.
   */
  app.post("/api/invoices/:id/approve", async (req) => {
    const auth = requireAuth(req);
    const id = invoiceId(req.params);
    const { acceptWarnings } = parseOr400(ApprovalRequest, req.body ?? {}, "approval");
    return withTransaction(deps.pool, async (tx) => {
      await lockOrgSync(tx, auth.orgId);
      const inv = await findInvoice(tx, auth.orgId, id, { forUpdate: true });
      if (!inv) throw notFound(`Invoice ${id}`);
      if (inv.status === "approved" || inv.status === "posted") return toApi(inv);
      if (inv.status === "captured" || inv.status === "failed") {
        throw new Problem(409, "Not ready", `Invoice ${id} has not been read yet (${inv.status}).`);
      }
      const blocking = [
        ...inv.reviewReasons.filter((r) => r.includes("edited on two devices")),
        ...inv.checks.filter((c) => c.severity === "error").map((c) => c.message.en),
      ];
      if (blocking.length > 0) {
        throw new Problem(409, "Fix first", `Fix these before approving: ${blocking.join(" ")}`, {
          errors: blocking,
        });
      }
      const warnings = inv.checks.filter((c) => c.severity === "warning");
      if (warnings.length > 0 && !acceptWarnings) {
        throw new Problem(
          409,
          "Warnings to accept",
          `Approve anyway only if these are right (send acceptWarnings: true): ${warnings.map((w) => w.message.en).join(" ")}`,
          { warnings: warnings.map((w) => w.message) },
        );
      }
      await approveInvoice(tx, auth.orgId, id, auth.userId, warnings);
      // Into the accounting outbox in the same transaction: approved means on its way to the books.
      const mapping = await loadLedgerMapping(tx, auth.orgId);
      const supplier = inv.supplierId
        ? await findSupplier(tx, auth.orgId, inv.supplierId)
        : undefined;
      try {
        await createPostings(tx, auth.orgId, id, (version) =>
          purchaseVoucher({ id, version, fields: inv.fields }, supplier, mapping),
        );
      } catch (e) {
        if (e instanceof VoucherError) throw new Problem(409, "Not ready for the books", e.message);
        throw e;
      }
      await recordEvent(tx, auth.orgId, id, `user:${auth.userId}`, "approved", {
        acceptedWarnings: warnings.map((w) => w.check),
      });
      return toApi((await findInvoice(tx, auth.orgId, id)) as InvoiceRecord);
    });
  });

  /** A reviewer names the invoice's supplier; the spelling on the invoice is learnt as an alias. */
  app.post("/api/invoices/:id/supplier", async (req) => {
    const auth = requireAuth(req);
    const id = invoiceId(req.params);
    const { supplierId } = parseOr400(SupplierChoice, req.body, "supplier choice");
    return withTransaction(deps.pool, async (tx) => {
      await lockOrgSync(tx, auth.orgId);
      const inv = await findInvoice(tx, auth.orgId, id, { forUpdate: true });
      if (!inv) throw notFound(`Invoice ${id}`);
      const supplier = await learnAlias(
        tx,
        auth.orgId,
        auth.userId,
        supplierId,
        inv.fields.supplierName?.value,
      );
      if (!supplier) throw notFound(`Supplier ${supplierId}`);
      // Checked again: now matched, the supplier's BIN, VAT rate and history apply.
      await settleInvoice(tx, auth.orgId, id, { read: inv.status !== "captured" });
      await recordEvent(tx, auth.orgId, id, `user:${auth.userId}`, "supplier_chosen", {
        supplierId,
      });
      return toApi((await findInvoice(tx, auth.orgId, id)) as InvoiceRecord);
    });
  });

  /** Who changed which field, on which device, when, from what to what (docs/sync.md). */
  app.get("/api/invoices/:id/history", async (req) => {
    const auth = requireAuth(req);
    const id = invoiceId(req.params);
    const changes = await invoiceHistory(deps.pool, auth.orgId, id);
    if (changes.length === 0 && !(await findInvoice(deps.pool, auth.orgId, id))) {
      throw notFound(`Invoice ${id}`);
    }
    return { changes };
  });

  app.get("/api/invoices/:id/pages/:n", async (req, reply) => {
    const auth = requireAuth(req);
    const id = invoiceId(req.params);
    const n = Number((req.params as { n: string }).n);
    const inv = await findInvoice(deps.pool, auth.orgId, id);
    const page = inv?.pages.find((p) => p.pageNo === n);
    if (!page) throw notFound(`Page ${(req.params as { n: string }).n} of invoice ${id}`);
    const bytes = await deps.blobs.get(page.sha256);
    return reply
      .type(page.mime)
      .header("Cache-Control", "private, max-age=31536000, immutable")
      .header("ETag", `"${page.sha256}"`)
      .send(bytes);
  });
};
