import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";

describe("the web app is served by our own server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dbTargets()[0] as ReturnType<typeof dbTargets>[number]);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const get = (path: string) => fetch(`${server.url}${path}`);

  it("serves the app, its bundles, fonts and manifest without any third-party host", async () => {
    const html = await (await get("/")).text();
    expect(html).toContain("<title>Chalan · চালান</title>");
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const asset of scripts) {
      const res = await get(asset as string);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("immutable");
      const text = await res.text();
      if (asset?.endsWith(".css")) {
        const fonts = [...text.matchAll(/url\((\/assets\/[^)]+\.woff2)\)/g)];
        expect(fonts.length).toBeGreaterThan(0);
        for (const font of fonts) {
          expect((await get(font[1] as string)).headers.get("content-type")).toBe("font/woff2");
        }
      }
    }
    const manifest = await (await get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ start_url: "/", display: "standalone" });
    for (const icon of manifest.icons) expect((await get(icon.src)).status).toBe(200);
    expect(await (await get("/api/health")).json()).toEqual({ ok: true });
  });

  it("has the service worker revalidated on every visit, so a new release reaches phones", async () => {
    const sw = await get("/sw.js");
    expect(sw.status).toBe(200);
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    expect(await sw.text()).toContain("index.html");
  });

  it("serves Tesseract's and pdf.js's workers, cores, models and fonts for reading on the device", async () => {
    const version = (pkg: string) => createRequire(import.meta.url)(`${pkg}/package.json`).version;
    const ocr = `/ocr/${version("tesseract.js")}`;
    const pdf = `/pdf/${version("pdfjs-dist")}`;
    for (const file of [
      `${ocr}/worker.min.js`,
      `${ocr}/core/tesseract-core-simd-lstm.wasm.js`,
      `${ocr}/lang/eng.traineddata.gz`,
      `${ocr}/lang/ben.traineddata.gz`,
      `${pdf}/pdf.worker.min.mjs`,
      `${pdf}/standard_fonts/LiberationSans-Regular.ttf`,
    ]) {
      const res = await get(file);
      expect(res.status, file).toBe(200);
      expect(Number(res.headers.get("content-length"))).toBeGreaterThan(100_000);
    }
  });

  it("answers unknown paths with problem+json", async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
