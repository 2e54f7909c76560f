import { SupplierFields, UUID_PATTERN } from "@chalan/core";
import type { FastifyPluginAsync } from "fastify";
import { withTransaction } from "../../db/transaction";
import { listSuppliers, putSupplier, removeSupplier } from "../../suppliers/supplier-repo";
import { type AppDeps, requireAuth } from "../app";
import { notFound } from "../problem";
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
