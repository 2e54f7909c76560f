import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";

describe("signing in", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dbTargets()[0] as ReturnType<typeof dbTargets>[number]);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  it("gives a working token and the user's name for the right password, a clear 401 otherwise", async () => {
    const email = `nasrin.${Date.now()}@example.com`;
    const signup = await server.api("POST", "/api/signup", undefined, {
      orgName: "Akter Store",
      name: "Nasrin Akter",
      email,
      password: "correct horse battery",
    });
    expect(await signup.json()).toMatchObject({ name: "Nasrin Akter" });

    const ok = await server.api("POST", "/api/login", undefined, {
      email: email.toUpperCase(),
      password: "correct horse battery",
    });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { token: string; name: string };
    expect(body.name).toBe("Nasrin Akter");
    expect((await server.api("GET", "/api/invoices", body.token)).status).toBe(200);

    const wrong = await server.api("POST", "/api/login", undefined, {
      email,
      password: "wrong password!",
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { detail: string }).detail).toMatch(/email and password/);
  });
});
