import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";
import { Problem } from "../problem";

/** The built web app (`npm run build -w @chalan/web`; `npm start` and `npm test` build it first). */
export const webRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../web/dist",
);

/** The web app's files, from our own server only (no CDN). */
export const webRoutes: FastifyPluginAsync = async (app) => {
  app.get("/api/health", async () => ({ ok: true }));
  if (!existsSync(path.join(webRoot, "index.html"))) {
    app.log.warn({ webRoot }, "web app not built: run `npm run build -w @chalan/web`");
    app.get("/", async () => {
      throw new Problem(
        503,
        "Web app not built",
        "The web app has not been built on this server; run `npm run build -w @chalan/web`.",
      );
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: "/",
    index: "index.html",
    cacheControl: false,
    // Hashed bundles never change; everything else (index.html, sw.js, the models) is revalidated
    // so a new release reaches the service worker.
    setHeaders(reply, file) {
      const hashed = path.relative(webRoot, file).startsWith("assets/");
      reply.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
};
