import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { bridgePass } from "../connectors/tally-bridge";

/**
 * `chalan tally-bridge --server URL --token T --tally http://localhost:9000 [--once] [--every S]`:
 * on the office PC, posts approved invoices into Tally as they come, until stopped (or, with
 * `--once`, until nothing is due). Safe to kill at any moment: see bridgePass.
 */
export async function runTallyBridge(
  args: string[],
  out: NodeJS.WritableStream,
  signal?: AbortSignal,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      server: { type: "string" },
      token: { type: "string" },
      tally: { type: "string", default: "http://localhost:9000" },
      once: { type: "boolean", default: false },
      every: { type: "string", default: "15" },
    },
  });
  const { server, token, tally } = values;
  if (!server || !token) {
    throw new Error("give Chalan's address and a token: --server https://… --token T");
  }
  const seconds = Number(values.every);
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error("--every takes seconds, 1 or more");
  const log = (line: string) => out.write(`${new Date().toISOString()} ${line}\n`);
  log(`posting from ${server} into Tally at ${tally}`);
  while (!signal?.aborted) {
    let handled = 0;
    try {
      handled = await bridgePass({ server: server.replace(/\/$/, ""), token, tally, log });
    } catch (e) {
      // Chalan's server out of reach (the office's internet is down): try again next round.
      log(`could not reach Chalan: ${(e as Error).message}`);
      if (values.once) return 1;
    }
    if (values.once && handled === 0) return 0;
    if (handled === 0) await sleep(seconds * 1000, undefined, { signal }).catch(() => {});
  }
  return 0;
}
