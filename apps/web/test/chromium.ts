import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export interface RunningChromium {
  browser: Browser;
  /** The profile's own context: its IndexedDB, Cache Storage and service workers persist on disk. */
  context: BrowserContext;
  /** SIGKILL, as when the phone's battery dies: no clean shutdown, nothing flushed on the way out. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium as its own process on a profile directory, driven over CDP, so a test can kill
 * it outright and start it again on the same profile. Fails loudly when Chromium is missing.
 */
export async function launchChromium(
  profileDir: string,
  extraArgs: string[] = [],
): Promise<RunningChromium> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install chromium (the web app's tests need it)`,
    );
  }
  const proc = spawn(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--no-default-browser-check",
      "--remote-debugging-port=0",
      `--user-data-dir=${profileDir}`,
      ...extraArgs,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const endpoint = await devtoolsEndpoint(proc);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error("Chromium started without its default context");
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  return {
    browser,
    context,
    async kill() {
      proc.kill("SIGKILL");
      await exited;
    },
    async close() {
      await browser.close().catch(() => {});
      proc.kill("SIGTERM");
      await exited;
    },
  };
}

function devtoolsEndpoint(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
    proc.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.once("exit", (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
}
