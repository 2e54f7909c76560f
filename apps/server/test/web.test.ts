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

  it("serves the page, its script and the Bengali font without any third-party host", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain("<title>Chalan · চালান</title>");
    expect(html).not.toMatch(/https?:\/\//);
    const css = await (await fetch(`${server.url}/style.css`)).text();
    for (const font of css.matchAll(/url\((\/fonts\/[^)]+)\)/g)) {
      const res = await fetch(`${server.url}${font[1]}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("font/woff2");
    }
    expect((await fetch(`${server.url}/app.js`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true });
  });

  it("answers unknown paths with problem+json", async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
