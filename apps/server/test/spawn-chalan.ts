import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const mainTs = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const cliJs = fileURLToPath(new URL("../bin/chalan.js", import.meta.url));

export interface ChalanProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** SIGKILL, as a power cut would; resolves once it is gone. */
  kill(): Promise<void>;
}

/** A process of its own, as a user runs it; resolves once it prints `ready`. */
function spawnUntil(args: string[], env: Record<string, string>, ready: string) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise<ChalanProcess>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes(ready)) {
        resolve({
          child,
          output: () => output,
          kill: async () => {
            child.kill("SIGKILL");
            await gone;
          },
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`${args.slice(-1)} exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

/** The real server as `npm start` runs it. */
export const spawnServer = (env: Record<string, string>) =>
  spawnUntil(["--import", "tsx", mainTs], env, "Chalan is running");

/** `npx chalan <args>`, e.g. the Tally bridge; `ready` is the line it prints once going. */
export const spawnCli = (args: string[], ready: string) => spawnUntil([cliJs, ...args], {}, ready);
