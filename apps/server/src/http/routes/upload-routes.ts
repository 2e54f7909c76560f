import type { FastifyPluginAsync } from "fastify";
import { ingestInvoice, type UploadedFile } from "../../pipeline/ingest";
import { type AppDeps, requireAuth } from "../app";
import { Problem } from "../problem";
import { tusRoutes } from "./tus-routes";

export const uploadRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  /** Billify's endpoint: multipart `file` parts (the pages of one invoice) plus `name` and `email`. */
  app.post("/upload-invoice", async (req, reply) => {
    const auth = requireAuth(req);
    if (!req.isMultipart()) {
      throw new Problem(
        415,
        "Expected multipart/form-data",
        "Send the invoice as multipart/form-data with `file`, `name` and `email` parts.",
      );
    }
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    for await (const part of req.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file") {
          throw new Problem(
            400,
            "Unexpected file part",
            `Send pages as \`file\` parts, not \`${part.fieldname}\`.`,
          );
        }
        files.push({ filename: part.filename, bytes: await part.toBuffer() });
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    const result = await ingestInvoice(deps, auth, {
      id: fields.id,
      name: fields.name,
      email: fields.email,
      files,
    });
    return reply.code(202).send({ id: result.id, status: result.status });
  });

  await app.register(tusRoutes, deps);
};
