import { FieldWriteMessage, InvoiceCommit, PullQuery, PushRequest, Sha256Hex } from "@chalan/core";
import type { FastifyPluginAsync } from "fastify";
import { withTransaction } from "../../db/transaction";
import { suppliersSince } from "../../suppliers/supplier-repo";
import { acceptWrites, writesSince } from "../../sync/field-writes-repo";
import { commitInvoice, heldPageSize } from "../../sync/uploaded-pages";
import { type AppDeps, requireAuth } from "../app";
import { notFound } from "../problem";
import { parseOr400 } from "../zod-problem";

/** The sync protocol's two calls (docs/sync.md). */
export const syncRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.post("/api/sync/push", async (req) => {
    const auth = requireAuth(req);
    const body = parseOr400(PushRequest, req.body, "sync push");
    const good: FieldWriteMessage[] = [];
    const rejected: { id: string; reason: string }[] = [];
    for (const [i, raw] of body.writes.entries()) {
      const w = FieldWriteMessage.safeParse(raw);
      if (w.success) good.push(w.data);
      else {
        const id = (raw as { id?: unknown })?.id;
        const reason = w.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ");
        rejected.push({ id: typeof id === "string" ? id : `#${i}`, reason });
      }
    }
    const accepted =
      good.length === 0
        ? []
        : await withTransaction(deps.pool, (tx) => acceptWrites(tx, auth.orgId, auth.userId, good));
    return { accepted, rejected };
  });

  app.get("/api/sync/pull", async (req) => {
    const auth = requireAuth(req);
    const q = parseOr400(PullQuery, req.query, "sync pull");
    return writesSince(deps.pool, auth.orgId, q.since, q.limit, q.device);
  });

  /** Suppliers changed since the device's cursor, for its cache (docs/sync.md). */
  app.get("/api/sync/suppliers", async (req) => {
    const auth = requireAuth(req);
    const q = parseOr400(PullQuery.omit({ device: true }), req.query, "sync pull");
    return suppliersSince(deps.pool, auth.orgId, q.since, q.limit);
  });

  /** Whether a page needs uploading: a device asks before it sends the bytes. */
  app.get("/api/sync/pages/:sha256", async (req) => {
    const auth = requireAuth(req);
    const sha256 = (req.params as { sha256: string }).sha256;
    const size = Sha256Hex.safeParse(sha256).success
      ? await heldPageSize(deps.pool, auth.orgId, sha256)
      : null;
    if (size === null) throw notFound(`Page ${sha256}`);
    return { sha256, size };
  });

  app.post("/api/sync/invoices", async (req, reply) => {
    const auth = requireAuth(req);
    const commit = parseOr400(InvoiceCommit, req.body, "invoice");
    const result = await commitInvoice(deps, auth, commit);
    return reply.code(202).send({ id: result.id, status: result.status });
  });
};
