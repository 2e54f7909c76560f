import { ConnectorsAnswer, ReviewState } from "@chalan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bridgePass } from "../src/connectors/tally-bridge";
import { dbTargets } from "./databases";
import { fakeQuickBooks, quickbooksSettings } from "./fake-quickbooks";
import { fakeTally } from "./fake-tally";
import { startTestServer, type TestServer } from "./harness";
import { memoFields, timePasses as passTime, typedInvoice } from "./typed-invoice";

const intuitApp = {
  clientId: "ABkPq1fakeClientId",
  clientSecret: "fakeClientSecret",
  redirectUrl: "https://chalan.example.com.bd/api/connectors/quickbooks/callback",
};

describe.each(dbTargets())("QuickBooks Online on $name PostgreSQL", (target) => {
  let server: TestServer;
  let token: string;
  let qbo: Awaited<ReturnType<typeof fakeQuickBooks>>;

  beforeAll(async () => {
    qbo = await fakeQuickBooks(intuitApp);
    server = await startTestServer(target, {
      ...quickbooksSettings(qbo.url, intuitApp),
      // The tests run each pass themselves.
      QUICKBOOKS_POLL_SECONDS: "3600",
    });
    token = await server.signup();
  });
  afterAll(async () => {
    await server?.chalan.stop();
    await qbo?.close();
  });

  const connectors = async () => {
    const res = await server.api("GET", "/api/connectors", token);
    expect(res.status).toBe(200);
    const { connectors } = ConnectorsAnswer.parse(await res.json());
    const quickbooks = connectors.find((c) => c.kind === "quickbooks");
    if (quickbooks?.kind !== "quickbooks") throw new Error("QuickBooks not listed");
    return { all: connectors, quickbooks };
  };
  const state = async (id: string) =>
    ReviewState.parse(await (await server.api("GET", `/api/invoices/${id}`, token)).json());
  const pass = () => server.chalan.quickbooks.pass();
  const memo = (supplierName: string, invoiceNumber: string, total: number) =>
    typedInvoice(server, token, memoFields(supplierName, invoiceNumber, "2026-11-25", total));
  const timePasses = () => passTime(server);
  const billsOf = (id: string) =>
    [...qbo.bills.values()].filter((b) => String(b.PrivateNote).includes(`chalan-${id} `));
  const callback = (params: Record<string, string>) =>
    fetch(`${server.url}/api/connectors/quickbooks/callback?${new URLSearchParams(params)}`, {
      redirect: "manual",
    });
  const connectState = async () => {
    const res = await server.api("POST", "/api/connectors/quickbooks/connect", token);
    expect(res.status).toBe(200);
    const { authorizeUrl } = (await res.json()) as { authorizeUrl: string };
    return new URL(authorizeUrl);
  };

  it("is off until the admin turns it on knowing the books leave Bangladesh", async () => {
    const before = await connectors();
    expect(before.all.map((c) => c.kind)).toEqual(["tally", "quickbooks"]);
    expect(before.quickbooks).toEqual({
      kind: "quickbooks",
      enabled: false,
      available: true,
      connected: false,
      realmId: null,
      counts: { pending: 0, posted: 0, rejected: 0 },
    });
    const refused = await server.api("PUT", "/api/connectors/quickbooks", token, { enabled: true });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(
      /^QuickBooks Online keeps the books on Intuit's servers outside Bangladesh.*acknowledge/,
    );
    expect((await connectors()).quickbooks.enabled).toBe(false);
    const on = await server.api("PUT", "/api/connectors/quickbooks", token, {
      enabled: true,
      dataLeavesBangladesh: true,
    });
    expect(on.status).toBe(200);
    expect((await connectors()).quickbooks.enabled).toBe(true);
  });

  it("connects a company: the admin is sent to Intuit and comes back with a code", async () => {
    const url = await connectState();
    expect(`${url.origin}${url.pathname}`).toBe(`${qbo.url}/connect/oauth2`);
    expect(url.searchParams.get("client_id")).toBe(intuitApp.clientId);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("scope")).toBe("com.intuit.quickbooks.accounting");
    expect(url.searchParams.get("redirect_uri")).toBe(intuitApp.redirectUrl);
    const stateValue = url.searchParams.get("state") ?? "";
    expect(stateValue).toMatch(/^[0-9a-f]{48}$/);

    const back = await callback({ code: qbo.consent(), state: stateValue, realmId: qbo.realmId });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/#/books?quickbooks=connected");
    expect((await connectors()).quickbooks).toMatchObject({
      connected: true,
      realmId: qbo.realmId,
    });

    // A state is used once; one Intuit never handed out, or a refusal, says why on the books page.
    const again = await callback({ code: qbo.consent(), state: stateValue, realmId: qbo.realmId });
    const failed = new URLSearchParams(again.headers.get("location")?.split("?")[1]);
    expect(failed.get("quickbooks")).toBe("failed");
    expect(failed.get("reason")).toMatch(/already used or is more than 10 minutes old/);
    const denied = await callback({
      error: "access_denied",
      state: (await connectState()).searchParams.get("state") ?? "",
    });
    expect(denied.headers.get("location")).toMatch(/^\/#\/books\?quickbooks=failed&reason=Chalan/);
    const badCode = await callback({
      code: "never-issued",
      state: (await connectState()).searchParams.get("state") ?? "",
      realmId: qbo.realmId,
    });
    expect(
      new URLSearchParams(badCode.headers.get("location")?.split("?")[1]).get("reason"),
    ).toMatch(/^Intuit did not let Chalan in/);
    // The earlier connection stands.
    expect((await connectors()).quickbooks.connected).toBe(true);
  });

  it("posts an approved invoice as one Bill: the supplier as vendor, its date and number, lines summing to the total", async () => {
    const id = await memo("Meghna Stores", "MS-1", 11_500_00);
    expect(await pass()).toBe(1);
    const s = await state(id);
    expect(s.status).toBe("posted");
    const [bill, ...more] = billsOf(id);
    expect(more).toEqual([]);
    if (!bill) throw new Error("no Bill");
    expect(s.postings).toMatchObject([
      { connector: "quickbooks", version: 1, state: "posted", targetRef: bill.Id },
    ]);
    const vendorId = (bill.VendorRef as { value: string }).value;
    expect(qbo.vendors.get(vendorId)?.DisplayName).toBe("Meghna Stores");
    expect(bill).toMatchObject({ TxnDate: "2026-11-25", DocNumber: "MS-1", SyncToken: "0" });
    expect(String(bill.PrivateNote)).toMatch(/\[v1\]$/);
    const lines = bill.Line as {
      Amount: number;
      AccountBasedExpenseLineDetail: { AccountRef: { value: string } };
    }[];
    expect(lines.map((l) => Math.round(l.Amount * 100))).toEqual([10_000_00, 1_500_00]);
    expect(
      lines.map((l) => {
        const a = qbo.accounts.get(l.AccountBasedExpenseLineDetail.AccountRef.value);
        return [a?.Name, a?.AccountType];
      }),
    ).toEqual([
      ["Purchase", "Cost of Goods Sold"],
      ["Input VAT", "Other Current Asset"],
    ]);
    // Every API call named its version and asked for JSON.
    const apiCalls = qbo.requests.filter((r) => r.url.pathname.startsWith("/v3/"));
    expect(apiCalls.length).toBeGreaterThan(0);
    for (const r of apiCalls) {
      expect(r.url.searchParams.get("minorversion")).toBe("75");
      expect(r.headers.accept).toBe("application/json");
    }
    // Nothing left to do; the vendor and accounts are found, not made again, next time.
    expect(await pass()).toBe(0);
    await memo("Meghna Stores", "MS-2", 2_300_00);
    await pass();
    expect(qbo.vendors.size).toBe(1);
    expect(qbo.accounts.size).toBe(2);
    expect((await connectors()).quickbooks.counts).toEqual({ pending: 0, posted: 2, rejected: 0 });
  });

  it("makes no second Bill when the answer to the first was lost", async () => {
    const id = await memo("Bogura Sweets", "BS-77", 2_300_00);
    qbo.dropAnswers(1);
    await pass();
    expect(billsOf(id)).toHaveLength(1);
    const [waiting] = (await state(id)).postings;
    expect(waiting).toMatchObject({ state: "pending", attempts: 1 });
    expect(waiting?.message).toMatch(/^QuickBooks did not answer/);
    await timePasses();
    await pass();
    expect(billsOf(id)).toHaveLength(1);
    expect((await state(id)).postings).toMatchObject([
      { state: "posted", message: "Already in QuickBooks", targetRef: billsOf(id)[0]?.Id },
    ]);
    // Had it been sent again, Intuit would answer the same requestid with the same Bill.
    const { rows } = await server.chalan.pool.query<{ access_token: string }>(
      "SELECT access_token FROM quickbooks_tokens",
    );
    const replay = await fetch(
      `${qbo.url}/v3/company/${qbo.realmId}/bill?requestid=${waiting?.id}&minorversion=75`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${rows[0]?.access_token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(billsOf(id)[0]),
      },
    );
    expect(((await replay.json()) as { Bill: { Id: string } }).Bill.Id).toBe(billsOf(id)[0]?.Id);
    expect(billsOf(id)).toHaveLength(1);
  });

  it("refreshes an expired access token and keeps the new refresh token Intuit rotated in", async () => {
    const tokens = () =>
      server.chalan.pool
        .query<{ refresh_token: string; access_expires_at: Date }>(
          "SELECT refresh_token, access_expires_at FROM quickbooks_tokens",
        )
        .then((r) => r.rows[0]);
    const before = await tokens();
    const refreshes = qbo.refreshes();
    qbo.expireAccessTokens();
    const id = await memo("Kushtia Mills", "KM-5", 7_360_00);
    await pass();
    expect((await state(id)).status).toBe("posted");
    expect(qbo.refreshes()).toBe(refreshes + 1);
    const after = await tokens();
    expect(after?.refresh_token).toBe(qbo.currentRefreshToken());
    expect(after?.refresh_token).not.toBe(before?.refresh_token);
    expect(after?.access_expires_at.getTime()).toBeGreaterThan(Date.now() + 3000_000);
    // Its access token running out in the database is refreshed before any call.
    await server.chalan.pool.query("UPDATE quickbooks_tokens SET access_expires_at = now()");
    const next = await memo("Kushtia Mills", "KM-6", 1_150_00);
    await pass();
    expect((await state(next)).status).toBe("posted");
    expect(qbo.refreshes()).toBe(refreshes + 2);
  });

  it("keeps Intuit's words when it refuses, and posts once the cause is fixed and the posting retried", async () => {
    // The business also sells to Padma Traders: QuickBooks has them as a customer already.
    qbo.customers.add("Padma Traders");
    const id = await memo("Padma Traders", "PT-9", 1_150_00);
    await pass();
    const [refused] = (await state(id)).postings;
    expect(refused).toMatchObject({ state: "rejected" });
    expect(refused?.message).toMatch(
      /^Duplicate Name Exists Error: The name supplied already exists\. : Another customer, vendor or employee/,
    );
    expect((await state(id)).status).toBe("approved");
    expect((await connectors()).quickbooks.counts.rejected).toBe(1);
    // The admin renames the customer in QuickBooks and sends the invoice again.
    qbo.customers.delete("Padma Traders");
    expect((await server.api("POST", `/api/postings/${refused?.id}/retry`, token)).status).toBe(
      200,
    );
    await pass();
    expect((await state(id)).status).toBe("posted");
    expect(billsOf(id)).toHaveLength(1);
  });

  it("updates the same Bill when an approved and posted invoice is edited and approved again", async () => {
    const id = await memo("Rupsha Fish", "RF-12", 3_450_00);
    await pass();
    const [first] = billsOf(id);
    expect(first?.SyncToken).toBe("0");
    await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { subtotal: 3_130_43, vat: 469_57, total: 3_600_00 },
    });
    expect(
      (await server.api("POST", `/api/invoices/${id}/approve`, token, { acceptWarnings: true }))
        .status,
    ).toBe(200);
    await pass();
    const [bill, ...more] = billsOf(id);
    expect(more).toEqual([]);
    expect(bill?.Id).toBe(first?.Id);
    expect(bill?.SyncToken).toBe("1");
    expect(bill?.TotalAmt).toBe(3600);
    expect(String(bill?.PrivateNote)).toMatch(/\[v2\]$/);
    expect((await state(id)).postings.map((p) => [p.version, p.state, p.targetRef])).toEqual([
      [2, "posted", first?.Id],
      [1, "posted", first?.Id],
    ]);
    expect((await state(id)).status).toBe("posted");
  });

  it("with Tally on too, posts each invoice once to each", async () => {
    const tally = await fakeTally();
    try {
      await server.api("PUT", "/api/connectors/tally", token, { enabled: true });
      const id = await memo("Jamuna Hardware", "JH-3", 5_750_00);
      expect((await state(id)).postings.map((p) => [p.connector, p.state])).toEqual([
        ["quickbooks", "pending"],
        ["tally", "pending"],
      ]);
      await pass();
      // In QuickBooks, but Tally's office PC has not posted it yet.
      expect((await state(id)).status).toBe("approved");
      await bridgePass({ server: server.url, token, tally: tally.url });
      expect((await state(id)).status).toBe("posted");
      expect((await state(id)).postings.map((p) => [p.connector, p.state])).toEqual([
        ["quickbooks", "posted"],
        ["tally", "posted"],
      ]);
      expect(billsOf(id)).toHaveLength(1);
      expect(tally.held.get(`chalan-${id}`)?.imports).toBe(1);
    } finally {
      await server.api("PUT", "/api/connectors/tally", token, { enabled: false });
      await tally.close();
    }
  });

  it("forgets the company on disconnect; postings wait until one is connected again", async () => {
    const res = await server.api("DELETE", "/api/connectors/quickbooks/connection", token);
    expect(await res.json()).toEqual({ connected: false });
    expect((await connectors()).quickbooks).toMatchObject({ connected: false, realmId: null });
    const id = await memo("Surma Foods", "SF-1", 4_600_00);
    expect(await pass()).toBe(0);
    expect((await state(id)).postings).toMatchObject([{ state: "pending", attempts: 0 }]);
  });
});

describe.each(dbTargets().slice(0, 1))(
  "QuickBooks without an Intuit app on $name PostgreSQL",
  (target) => {
    it("is listed as unavailable, and connecting or turning it on says what the operator must set", async () => {
      const server = await startTestServer(target);
      try {
        const token = await server.signup();
        const res = await server.api("GET", "/api/connectors", token);
        const { connectors } = ConnectorsAnswer.parse(await res.json());
        expect(connectors).toContainEqual(
          expect.objectContaining({ kind: "quickbooks", available: false, connected: false }),
        );
        const connect = await server.api("POST", "/api/connectors/quickbooks/connect", token);
        expect(connect.status).toBe(409);
        expect(((await connect.json()) as { detail: string }).detail).toMatch(
          /QUICKBOOKS_CLIENT_ID, QUICKBOOKS_CLIENT_SECRET and QUICKBOOKS_REDIRECT_URL/,
        );
        const on = await server.api("PUT", "/api/connectors/quickbooks", token, {
          enabled: true,
          dataLeavesBangladesh: true,
        });
        expect(on.status).toBe(409);
      } finally {
        await server.chalan.stop();
      }
    });
  },
);
