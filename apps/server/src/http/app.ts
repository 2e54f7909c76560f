import multipart from "@fastify/multipart";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from "fastify";
import type pg from "pg";
import type { PgBoss } from "pg-boss";
import { type AuthContext, resolveToken } from "../auth/tokens";
import type { BlobStore } from "../blobs/blob-store";
import type { Config } from "../config";
import { Problem } from "./problem";
import { accountingRoutes } from "./routes/accounting-routes";
import { authRoutes } from "./routes/auth-routes";
import { invoiceRoutes } from "./routes/invoice-routes";
import { supplierRoutes } from "./routes/supplier-routes";
import { syncRoutes } from "./routes/sync-routes";
import { uploadRoutes } from "./routes/upload-routes";
import { webRoutes } from "./routes/web-routes";

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export interface AppDeps {
  config: Config;
  pool: pg.Pool;
  boss: PgBoss;
  blobs: BlobStore;
}

/** Fastify's own error codes, restated as something a clerk (or their app) can act on. */
function toProblem(err: FastifyError, config: Config): Problem | null {
  const mb = Math.round(config.maxUploadBytes / 1024 / 1024);
  switch (err.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new Problem(
        400,
        "Malformed JSON",
        `The request body is not valid JSON: ${err.message}`,
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new Problem(415, "Unsupported media type", err.message);
    case "FST_REQ_FILE_TOO_LARGE":
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new Problem(413, "Upload too large", `Each file may be at most ${mb} MB.`);
    case "FST_FILES_LIMIT":
    case "FST_PARTS_LIMIT":
      return new Problem(413, "Too many files", "At most 20 pages per invoice.");
  }
  if (err.validation) return new Problem(400, "Invalid request", err.message);
  return null;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.decorateRequest("auth", null);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const problem =
      err instanceof Problem ? err : (toProblem(err, deps.config) ?? internalError(err, req));
    void reply.code(problem.status).type("application/problem+json").send(problem.toJSON());
  });
  app.setNotFoundHandler((req, reply) => {
    void reply
      .code(404)
      .type("application/problem+json")
      .send(new Problem(404, "Not found", `No such endpoint: ${req.method} ${req.url}`).toJSON());
  });

  app.addHook("onRequest", async (req) => {
    const header = req.headers.authorization;
    const m = header?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})$/);
    if (m?.[1]) req.auth = await resolveToken(deps.pool, m[1]);
  });

  await app.register(multipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 20, fields: 20, parts: 40 },
  });
  await app.register(authRoutes, deps);
  await app.register(uploadRoutes, deps);
  await app.register(invoiceRoutes, deps);
  await app.register(supplierRoutes, deps);
  await app.register(syncRoutes, deps);
  await app.register(accountingRoutes, deps);
  await app.register(webRoutes);
  return app;
}

function internalError(err: Error, req: FastifyRequest): Problem {
  console.error(`${req.method} ${req.url} failed:`, err);
  return new Problem(
    500,
    "Internal error",
    "Something went wrong on the server; nothing was saved.",
  );
}

/** The caller's organisation and user, or a 401 that says how to get a token. */
export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) {
    throw new Problem(
      401,
      "Unauthorized",
      "Send `Authorization: Bearer <token>` with a valid token from /api/signup or /api/login.",
    );
  }
  return req.auth;
}
