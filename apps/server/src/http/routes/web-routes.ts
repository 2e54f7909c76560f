import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";

export const webRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../web/public",
);

// Bengali glyphs (and ৳) are missing from many desktops' fonts; we serve Noto Sans Bengali ourselves.
const fontRoot = path.join(
  path.dirname(
    createRequire(import.meta.url).resolve("@fontsource/noto-sans-bengali/package.json"),
  ),
  "files",
);

/** The web app's files, from our own server only (no CDN). */
export const webRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: "index.html" });
  await app.register(fastifyStatic, {
    root: fontRoot,
    prefix: "/fonts/",
    decorateReply: false,
    maxAge: "365d",
    immutable: true,
  });
  app.get("/api/health", async () => ({ ok: true }));
};
