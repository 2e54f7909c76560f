import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";

export const webRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../web/public",
);

/** The web app's files, from our own server only (no CDN). */
export const webRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: "index.html" });
  app.get("/api/health", async () => ({ ok: true }));
};
