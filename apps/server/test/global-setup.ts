import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    embeddedPgUrl: string;
  }
}

/** One embedded PostgreSQL for the whole run; each test file makes its own databases in it. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "chalan-test-pg-"));
  const pg = await startEmbeddedPostgres(dir, await freePort());
  project.provide("embeddedPgUrl", pg.url);
  return async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
