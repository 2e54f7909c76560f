import { FieldWriteMessage, PullQuery, PushRequest } from "@chalan/core";
import type { FastifyPluginAsync } from "fastify";
import { withTransaction } from "../../db/transaction";
import { acceptWrites, writesSince } from "../../sync/field-writes-repo";
import { type AppDeps, requireAuth } from "../app";
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
    return writesSince(deps.pool, auth.orgId, q.since, q.limit);
  });
};
