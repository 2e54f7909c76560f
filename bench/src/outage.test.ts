import { describe, expect, it } from "vitest";
import { dbTargets } from "../../apps/server/test/databases";
import { startTestServer } from "../../apps/server/test/harness";
import { renderInvoiceImage } from "../../apps/server/test/render-invoice";
import { benchOutage } from "./outage";

describe("the outage benchmark", () => {
  it("gets every queued invoice to the server through cuts and app restarts, and counts the bytes", async () => {
    const server = await startTestServer(
      dbTargets()[0] as ReturnType<typeof dbTargets>[number],
      {},
      { readPage: async () => ({ fields: {} }) },
    );
    try {
      const email = `outage.${Date.now()}@example.com`;
      const token = await server.signup(email);
      const pages = await Promise.all(
        Array.from(
          { length: 8 },
          async (_, i) =>
            new Uint8Array(
              (await renderInvoiceImage({ supplierName: `Shop ${i}`, format: "jpeg" })).bytes,
            ),
        ),
      );
      const result = await benchOutage({
        serverUrl: server.url,
        pool: server.chalan.pool,
        session: { token, email, name: "Karim Rahman" },
        pages,
        // A fast link, cut often, and the app killed every second or two: the same code paths
        // as the real benchmark, in seconds.
        link: {
          bytesPerSecond: 150_000,
          latencyMs: 20,
          outages: { meanUpMs: 1_500, downMs: 300 },
          dropMidStream: 0.05,
        },
        restartEveryMs: [1_000, 2_500],
      });
      expect(result.invoices).toBe(8);
      expect(result.restarts).toBeGreaterThanOrEqual(1);
      expect(result.secondsToMetadata).toBeLessThanOrEqual(result.secondsToImages);
      expect(result.payloadBytes.images).toBe(pages.reduce((n, p) => n + p.length, 0));
      expect(result.wireBytes.up).toBeGreaterThan(result.payloadBytes.images);
      expect(result.efficiency).toBeGreaterThan(0.5);
      expect(result.efficiency).toBeLessThan(1);
      const { rows } = await server.chalan.pool.query<{ n: string }>(
        "SELECT count(*) AS n FROM invoices",
      );
      expect(Number(rows[0]?.n)).toBe(8);
    } finally {
      await server.chalan.stop();
    }
  }, 180_000);
});
