import { SupplierFields, UUID_PATTERN } from "@chalan/core";
import type { FastifyPluginAsync } from "fastify";
import { withTransaction } from "../../db/transaction";
import { importSuppliers } from "../../suppliers/supplier-import";
import { listSuppliers, putSupplier, removeSupplier } from "../../suppliers/supplier-repo";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

import { type AppDeps, requireAuth } from "../app";
import { notFound, Problem } from "../problem";
import { parseOr400 } from "../zod-problem";

function supplierId(params: unknown): string {
  const id = (params as { id: string }).id;
  if (!UUID_PATTERN.test(id)) throw notFound(`Supplier ${id}`);
  return id.toLowerCase();
}

/** The business's suppliers; every change reaches the devices' caches at their next sync. */
export const supplierRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.get("/api/suppliers", async (req) => {
    const auth = requireAuth(req);
    return { suppliers: await listSuppliers(deps.pool, auth.orgId) };
  });

  // A sheet of suppliers: CSV or XLSX as the request body.
  app.addContentTypeParser(
    ["text/csv", XLSX_MIME],
    { parseAs: "buffer", bodyLimit: 5 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  /** Preview by default; `?commit=true` writes the good rows (docs in README). */
  app.post("/api/suppliers/import", async (req) => {
    const auth = requireAuth(req);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw new Problem(
        415,
        "Expected a CSV or XLSX file",
        "Send the sheet as the request body with Content-Type text/csv or the XLSX type.",
      );
    }
    const commit = (req.query as { commit?: string }).commit === "true";
    return importSuppliers(deps.pool, auth, req.body, commit);
  });

  app.put("/api/suppliers/:id", async (req) => {
    const auth = requireAuth(req);
    const id = supplierId(req.params);
    const fields = parseOr400(SupplierFields, req.body, "supplier");
    return withTransaction(deps.pool, (tx) => putSupplier(tx, auth.orgId, auth.userId, id, fields));
  });

  app.delete("/api/suppliers/:id", async (req, reply) => {
    const auth = requireAuth(req);
    const id = supplierId(req.params);
    const removed = await withTransaction(deps.pool, (tx) =>
      removeSupplier(tx, auth.orgId, auth.userId, id),
    );
    if (!removed) throw notFound(`Supplier ${id}`);
    return reply.code(204).send();
  });
};
