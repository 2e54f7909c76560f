import { readFile } from "node:fs/promises";
import path from "node:path";
import { Sha256Hex } from "@chalan/core";
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { resolveToken } from "../../auth/tokens";
import { ingestInvoice } from "../../pipeline/ingest";
import { keepUploadedPage } from "../../sync/uploaded-pages";
import type { AppDeps } from "../app";
import { Problem } from "../problem";

const TUS_PATH = "/api/uploads";

const problemBody = (p: Problem) => ({ status_code: p.status, body: JSON.stringify(p.toJSON()) });

/**
 * Resumable uploads (tus 1.0) for links that drop mid-photo: the client resumes from the last byte
 * the server acknowledged. An upload with `sha256` metadata is one page of an invoice the device
 * commits afterwards (`POST /api/sync/invoices`, docs/sync.md). Otherwise it is a one-page invoice
 * (metadata `name`, `email`, optional `filename` and device-chosen `id`) through the same ingest as
 * `/upload-invoice`.
 */
export const tusRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const directory = path.join(deps.config.dataDir, "tus");
  const datastore = new FileStore({ directory });

  const authOf = async (authorization: string | null) => {
    const m = authorization?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})$/);
    const auth = m?.[1] ? await resolveToken(deps.pool, m[1]) : null;
    if (!auth) throw problemBody(new Problem(401, "Unauthorized", "Send a valid bearer token."));
    return auth;
  };

  const tus = new Server({
    path: TUS_PATH,
    datastore,
    maxSize: deps.config.maxUploadBytes,
    respectForwardedHeaders: true,
    async onIncomingRequest(req, uploadId) {
      const auth = await authOf(req.headers.get("authorization"));
      if (req.method !== "POST" && uploadId) {
        const upload = await datastore.getUpload(uploadId).catch(() => null);
        if (upload && upload.metadata?.orgId !== auth.orgId) {
          throw problemBody(new Problem(404, "Not found", "No such upload."));
        }
      }
    },
    async onUploadCreate(req, upload) {
      const auth = await authOf(req.headers.get("authorization"));
      const sha256 = upload.metadata?.sha256;
      if (sha256 != null && !Sha256Hex.safeParse(sha256).success) {
        throw problemBody(
          new Problem(
            400,
            "Invalid sha256",
            "sha256 must be the page's SHA-256 in lower-case hex.",
          ),
        );
      }
      // The organisation comes from the token, never from client-supplied metadata.
      return { metadata: { ...upload.metadata, orgId: auth.orgId, userId: auth.userId } };
    },
    async onUploadFinish(req, upload) {
      const auth = await authOf(req.headers.get("authorization"));
      const meta = upload.metadata ?? {};
      const bytes = await readFile(path.join(directory, upload.id));
      const filename = meta.filename ?? upload.id;
      try {
        const result = meta.sha256
          ? await keepUploadedPage(deps, auth, bytes, meta.sha256, filename)
          : await ingestInvoice(deps, auth, {
              id: meta.id ?? undefined,
              name: meta.name,
              email: meta.email,
              files: [{ filename, bytes }],
            }).then(({ id, status }) => ({ id, status }));
        await datastore.remove(upload.id).catch(() => {});
        return {
          status_code: 200,
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(result),
        };
      } catch (e) {
        if (e instanceof Problem) {
          await datastore.remove(upload.id).catch(() => {});
          throw problemBody(e);
        }
        throw e;
      }
    },
  });

  // tus bodies are raw bytes; leave the stream untouched for the tus handler.
  app.addContentTypeParser("application/offset+octet-stream", (_req, _payload, done) => done(null));
  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    await tus.handle(req.raw, reply.raw);
  };
  app.all(TUS_PATH, handle);
  app.all(`${TUS_PATH}/*`, handle);
};
