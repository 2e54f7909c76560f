import { SUPPLIER_MATCH_THRESHOLD } from "@chalan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";
import { measureMatching, noisyQueries, supplierNames, suppliersSheet } from "./noisy-suppliers";

describe.each(dbTargets())("supplier matching on $name PostgreSQL", (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  it("matches 100 noisy names (slips, M/S and Ltd., Bengali for English) with precision ≥ 0.95", async () => {
    const token = await server.signup();
    const suppliers = supplierNames(500);
    const res = await fetch(`${server.url}/api/suppliers/import?commit=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: suppliersSheet(suppliers),
    });
    expect(((await res.json()) as { created: number }).created).toBe(suppliers.length);
    // This test's server holds one business.
    const { rows } = await server.chalan.pool.query<{ org_id: string }>(
      "SELECT DISTINCT org_id FROM suppliers",
    );
    const orgId = rows[0]?.org_id as string;

    const { precision, recall, wrong } = await measureMatching(
      server.chalan.pool,
      orgId,
      noisyQueries(suppliers, 100),
    );
    console.log(
      `supplier matching at ${SUPPLIER_MATCH_THRESHOLD}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(2)}; wrong: ${wrong.join("; ")}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
