import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { loadConfig } from "../../apps/server/src/config";
import { startChalan } from "../../apps/server/src/server";
import { freePort } from "../../apps/server/test/free-port";

/**
 * A Chalan server on the embedded defaults in a fresh data directory, with one business signed up.
 * Its reading is a no-op: the benchmarks using it measure sync and checks, and hundreds of OCR
 * readings would compete with them for the same two cores.
 */
export async function startBenchServer(): Promise<{
  serverUrl: string;
  pool: pg.Pool;
  session: { token: string; email: string; name: string };
  stop(): Promise<void>;
}> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "chalan-bench-"));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    CHALAN_DATA_DIR: dataDir,
    CHALAN_PG_PORT: String(await freePort()),
  });
  const chalan = await startChalan(config, { readPage: async () => ({ fields: {} }) });
  const email = "owner@meghna.example";
  const res = await fetch(`${chalan.url}/api/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      orgName: "Meghna Stores",
      name: "Karim Rahman",
      email,
      password: "correct horse battery",
    }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return {
    serverUrl: chalan.url,
    pool: chalan.pool,
    session: { token, email, name: "Karim Rahman" },
    async stop() {
      await chalan.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
