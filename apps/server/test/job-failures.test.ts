import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnreadablePageError } from "../src/pipeline/extract-job";
import { dbTargets } from "./databases";
import { type ApiInvoice, startTestServer, type TestServer } from "./harness";
import { renderInvoiceImage } from "./render-invoice";

/**
 * The page reader is replaced here (it is the only OCR stand-in in the suite) so that failures can
 * be made to happen on purpose: the queue, retries and the API are real.
 */
describe.each(dbTargets())("failing jobs on $name PostgreSQL", (target) => {
  let server: TestServer;
  let token: string;
  let page: Buffer;
  const calls = new Map<number, number>();

  beforeAll(async () => {
    server = await startTestServer(
      target,
      {},
      {
        retry: { limit: 3, delaySeconds: 0, backoff: false },
        async readPage(bytes) {
          // Each test's page carries its scenario in its size, so one reader serves them all.
          const n = (calls.get(bytes.length) ?? 0) + 1;
          calls.set(bytes.length, n);
          const scenario = scenarios.get(bytes.length);
          if (scenario === "unreadable")
            throw new UnreadablePageError("the page image cannot be read");
          if (scenario === "always-down") throw new Error("OCR worker crashed");
          if (scenario === "flaky" && n < 3) throw new Error("temporary failure");
          return {
            fields: {
              total: { value: 4_200, confidence: 0.9 },
              issueDate: { value: "2026-03-01", confidence: 0.9 },
            },
          };
        },
      },
    );
    token = await server.signup();
    page = (await renderInvoiceImage()).bytes;
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const scenarios = new Map<number, string>();
  /** A valid PNG made unique by trailing bytes (PNG decoders ignore data after IEND). */
  async function uploadScenario(scenario: string, pad: number): Promise<ApiInvoice> {
    const bytes = Buffer.concat([page, Buffer.alloc(pad)]);
    scenarios.set(bytes.length, scenario);
    const res = await server.upload(token, [{ bytes, name: `${scenario}.png`, type: "image/png" }]);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    return server.waitForInvoice(token, id, (i) => i.status !== "captured", 30_000);
  }

  it("fails at once, with the reason in the API, when the page itself cannot be read", async () => {
    const inv = await uploadScenario("unreadable", 1);
    expect(inv.status).toBe("failed");
    expect(inv.failureReason).toBe("the page image cannot be read");
    expect(calls.get(page.length + 1)).toBe(1);
  });

  it("retries a transient failure and then succeeds", async () => {
    const inv = await uploadScenario("flaky", 2);
    expect(inv.status).toBe("extracted");
    expect(inv.fields.total?.value).toBe(4_200);
    expect(calls.get(page.length + 2)).toBe(3);
  });

  it("ends failed after the last retry of a failure that does not go away", async () => {
    const inv = await uploadScenario("always-down", 3);
    expect(inv.status).toBe("failed");
    expect(inv.failureReason).toBe("reading failed: OCR worker crashed");
    expect(calls.get(page.length + 3)).toBe(4); // the first try and three retries
  });
});
