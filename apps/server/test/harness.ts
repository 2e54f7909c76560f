import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Config, loadConfig } from "../src/config";
import { type Chalan, type ChalanOptions, startChalan } from "../src/server";
import { createDatabase, type DbTarget } from "./databases";

export interface TestServer {
  chalan: Chalan;
  url: string;
  config: Config;
  /** Signs up a new organisation and returns its bearer token. */
  signup(email?: string): Promise<string>;
  api(method: string, urlPath: string, token?: string, body?: unknown): Promise<Response>;
  upload(
    token: string,
    files: { bytes: Buffer; name: string; type?: string }[],
    fields?: Record<string, string>,
  ): Promise<Response>;
  waitForInvoice(
    token: string,
    id: string,
    done: (inv: ApiInvoice) => boolean,
    timeoutMs?: number,
  ): Promise<ApiInvoice>;
}

export interface ApiInvoice {
  id: string;
  status: string;
  failureReason: string | null;
  reviewReasons: string[];
  supplierId: string | null;
  checks: {
    check: string;
    severity: string;
    fields: string[];
    message: { en: string; bn: string };
  }[];
  fields: Record<string, { value: unknown; confidence: number; provenance: string } | undefined>;
  pages: { n: number; mime: string; url: string }[];
}

let seq = 0;

export async function startTestServer(
  target: DbTarget,
  env: Record<string, string> = {},
  opts: ChalanOptions = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "chalan-test-"));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    CHALAN_DATA_DIR: dataDir,
    DATABASE_URL: await createDatabase(target),
    ...env,
  });
  const chalan = await startChalan(config, opts);
  const url = chalan.url;
  const api = (method: string, urlPath: string, token?: string, body?: unknown) =>
    fetch(url + urlPath, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined
        ? { body: typeof body === "string" ? body : JSON.stringify(body) }
        : {}),
    });
  return {
    chalan,
    url,
    config,
    api,
    async signup(email = `owner${++seq}.${Date.now()}@example.com`) {
      const res = await api("POST", "/api/signup", undefined, {
        orgName: "Rahman Traders",
        name: "Karim Rahman",
        email,
        password: "correct horse battery",
      });
      if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async upload(token, files, fields = { name: "Karim Rahman", email: "karim@example.com" }) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      for (const f of files) {
        form.append(
          "file",
          new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "image/jpeg" }),
          f.name,
        );
      }
      return fetch(`${url}/upload-invoice`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
    },
    async waitForInvoice(token, id, done, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await api("GET", `/api/invoices/${id}`, token);
        const inv = (await res.json()) as ApiInvoice;
        // Not there yet (a device still sending it) is waited for too.
        if (res.ok && done(inv)) return inv;
        if (Date.now() > deadline) throw new Error(`invoice ${id} stuck: ${JSON.stringify(inv)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}
