import { LeasedPosting, ReviewState, tallyLedgersEnvelope } from "@chalan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { runTallyBridge } from "../src/cli/tally-bridge";
import { bridgePass } from "../src/connectors/tally-bridge";
import { dbTargets } from "./databases";
import { fakeTally } from "./fake-tally";
import { startTestServer, type TestServer } from "./harness";
import { memoFields, timePasses as passTime, typedInvoice } from "./typed-invoice";

describe.each(dbTargets())("the Tally bridge on $name PostgreSQL", (target) => {
  let server: TestServer;
  let token: string;
  let tally: Awaited<ReturnType<typeof fakeTally>>;

  beforeAll(async () => {
    server = await startTestServer(target);
    token = await server.signup();
    await server.api("PUT", "/api/connectors/tally", token, {
      enabled: true,
      company: "Rahman Traders",
    });
    tally = await fakeTally();
  });
  afterAll(async () => {
    await tally?.close();
    await server?.chalan.stop();
  });

  const bridge = {
    get server() {
      return server.url;
    },
    get token() {
      return token;
    },
    get tally() {
      return tally.url;
    },
  };
  const state = async (id: string) =>
    ReviewState.parse(await (await server.api("GET", `/api/invoices/${id}`, token)).json());
  const memo = (supplierName: string, invoiceNumber: string, total: number) =>
    typedInvoice(server, token, memoFields(supplierName, invoiceNumber, "2026-11-24", total));
  const timePasses = () => passTime(server);

  it("posts approved invoices into Tally, creating the supplier's ledger first, once each", async () => {
    const a = await memo("Surma Foods", "SF-1", 4_600_00);
    const b = await memo("Surma Foods", "SF-2", 9_200_00);
    const out: string[] = [];
    const code = await runTallyBridge(
      ["--server", server.url, "--token", token, "--tally", tally.url, "--once"],
      { write: (s: string) => out.push(s) } as unknown as NodeJS.WritableStream,
    );
    expect(code).toBe(0);
    expect(out.join("")).toContain(`${a} v1: posted`);
    for (const id of [a, b]) {
      const s = await state(id);
      expect(s.status).toBe("posted");
      expect(tally.held.get(`chalan-${id}`)?.imports).toBe(1);
    }
    expect(tally.ledgers.get("Surma Foods")).toBe("Sundry Creditors");
    expect(tally.ledgers.get("Purchase")).toBe("Purchase Accounts");
    expect(tally.ledgers.get("Input VAT")).toBe("Duties & Taxes");
    const voucher = tally.held.get(`chalan-${a}`);
    expect(voucher?.entries).toEqual([
      { ledger: "Surma Foods", amount: 4_600_00 },
      { ledger: "Purchase", amount: -4_000_00 },
      { ledger: "Input VAT", amount: -600_00 },
    ]);
    // Nothing left to do: another pass posts nothing again.
    expect(await bridgePass(bridge)).toBe(0);
  });

  it("loses no voucher and makes none twice when the power goes between Tally's import and its answer", async () => {
    const id = await memo("Bogura Sweets", "BS-77", 2_300_00);
    tally.dropAnswers(1);
    await bridgePass(bridge);
    // Tally took it, but nobody heard: the posting waits to be tried again.
    expect(tally.held.get(`chalan-${id}`)?.imports).toBe(1);
    expect((await state(id)).postings).toMatchObject([{ state: "pending", attempts: 1 }]);
    expect((await state(id)).postings[0]?.message).toMatch(/^Tally did not answer/);
    await timePasses();
    await bridgePass(bridge);
    // Found in the Day Book: reported posted without posting it again.
    expect(tally.held.get(`chalan-${id}`)?.imports).toBe(1);
    expect((await state(id)).postings).toMatchObject([
      { state: "posted", message: "Already in Tally", attempts: 2 },
    ]);
    expect((await state(id)).status).toBe("posted");
  });

  it("a bridge killed after posting, before reporting: the next one finds the voucher there", async () => {
    const id = await memo("Kushtia Mills", "KM-5", 7_360_00);
    // The bridge dies after Tally answered, before it told the server: its lease just runs out.
    const leased = await server.api("POST", "/api/connectors/tally/lease", token, { max: 10 });
    const [held] = z
      .object({ postings: z.array(LeasedPosting) })
      .parse(await leased.json()).postings;
    if (!held) throw new Error("nothing leased");
    await fetch(tally.url, { method: "POST", body: tallyLedgersEnvelope(held.ledgers) });
    await fetch(tally.url, { method: "POST", body: held.voucherXml });
    expect(tally.held.get(`chalan-${id}`)?.imports).toBe(1);
    await timePasses();
    await bridgePass(bridge);
    expect(tally.held.get(`chalan-${id}`)?.imports).toBe(1);
    expect((await state(id)).status).toBe("posted");
  });

  it("keeps Tally's LINEERROR on the invoice when Tally refuses, and retries while Tally is off", async () => {
    tally.refuseLedgers.add("Padma Traders");
    const refused = await memo("Padma Traders", "PT-9", 1_150_00);
    await bridgePass(bridge);
    expect((await state(refused)).postings).toMatchObject([
      { state: "rejected", message: "Could not create ledger 'Padma Traders'" },
    ]);
    expect((await state(refused)).status).toBe("approved");
    // Someone makes the ledger in Tally by hand and asks for it to be posted again.
    tally.refuseLedgers.delete("Padma Traders");
    const [rejected] = (await state(refused)).postings;
    expect((await server.api("POST", `/api/postings/${rejected?.id}/retry`, token)).status).toBe(
      200,
    );
    expect((await server.api("POST", `/api/postings/${rejected?.id}/retry`, token)).status).toBe(
      409,
    );
    await bridgePass(bridge);
    expect((await state(refused)).status).toBe("posted");

    const waiting = await memo("Jamuna Hardware", "JH-3", 5_750_00);
    await bridgePass({ ...bridge, tally: "http://127.0.0.1:9" });
    expect((await state(waiting)).postings).toMatchObject([{ state: "pending", attempts: 1 }]);
    expect((await state(waiting)).postings[0]?.message).toMatch(
      /^Tally did not answer at http:\/\/127\.0\.0\.1:9/,
    );
    await timePasses();
    await bridgePass(bridge);
    expect((await state(waiting)).status).toBe("posted");
  });

  it("alters the voucher in Tally for an amendment instead of adding another", async () => {
    const id = await memo("Rupsha Fish", "RF-12", 3_450_00);
    await bridgePass(bridge);
    await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { subtotal: 3_130_43, vat: 469_57, total: 3_600_00 },
    });
    await server.api("POST", `/api/invoices/${id}/approve`, token, { acceptWarnings: true });
    await bridgePass(bridge);
    const voucher = tally.held.get(`chalan-${id}`);
    expect(voucher?.imports).toBe(2);
    expect(voucher?.narration).toMatch(/\[v2\]$/);
    expect(voucher?.entries[0]).toEqual({ ledger: "Rupsha Fish", amount: 3_600_00 });
    expect([...tally.held.keys()].filter((k) => k === `chalan-${id}`)).toHaveLength(1);
    expect((await state(id)).postings.map((p) => [p.version, p.state])).toEqual([
      [2, "posted"],
      [1, "posted"],
    ]);
    // The exports show the books' version too.
    const journal = await (
      await server.api("GET", "/api/exports/hledger?from=2026-11-24&to=2026-11-24", token)
    ).text();
    expect(journal).toContain(`chalan:${id}, version:2`);
  });
});
