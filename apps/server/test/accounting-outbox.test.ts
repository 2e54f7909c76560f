import { LeasedPosting, ReviewState, uuidv7 } from "@chalan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";
import { memoFields, typedInvoice } from "./typed-invoice";

const Leased = z.object({ postings: z.array(LeasedPosting) });

describe.each(dbTargets())("the accounting outbox on $name PostgreSQL", (target) => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer(target);
    token = await server.signup();
    const on = await server.api("PUT", "/api/connectors/tally", token, {
      enabled: true,
      company: "Rahman Traders",
    });
    expect(on.status).toBe(200);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const state = async (id: string) =>
    ReviewState.parse(await (await server.api("GET", `/api/invoices/${id}`, token)).json());
  const lease = async (max = 10) => {
    const res = await server.api("POST", "/api/connectors/tally/lease", token, { max });
    expect(res.status).toBe(200);
    return Leased.parse(await res.json()).postings;
  };
  const report = (id: string, body: unknown) =>
    server.api("POST", `/api/postings/${id}/result`, token, body);

  /** A memo from Meghna Stores typed in by a clerk, VAT at 15% inside the total. */
  const approvedInvoice = (total: number, approve = true) =>
    typedInvoice(server, token, memoFields("Meghna Stores", `MS-${total}`, "2026-11-20", total), {
      approve,
    });

  it("approving puts the invoice in the outbox; a bridge leases it, reports it posted, and the invoice is posted", async () => {
    const id = await approvedInvoice(11_500_00);
    expect((await state(id)).postings).toMatchObject([
      { connector: "tally", version: 1, state: "pending", attempts: 0 },
    ]);
    const [held, ...others] = (await lease()).filter((p) => p.invoiceId === id);
    expect(others).toEqual([]);
    if (!held) throw new Error("nothing leased");
    expect(held.remoteId).toBe(`chalan-${id}`);
    expect(held.company).toBe("Rahman Traders");
    expect(held.voucherXml).toContain(`REMOTEID="chalan-${id}" VCHTYPE="Purchase" ACTION="Create"`);
    expect(held.ledgers.map((l) => l.name)).toEqual(["Meghna Stores", "Purchase", "Input VAT"]);
    // Held: no other bridge gets it meanwhile.
    expect((await lease()).map((p) => p.id)).not.toContain(held.id);

    const stranger = await report(held.id, { leaseToken: uuidv7(), outcome: "posted" });
    expect(stranger.status).toBe(409);
    const done = await report(held.id, {
      leaseToken: held.leaseToken,
      outcome: "posted",
      targetRef: "119",
    });
    expect(done.status).toBe(200);
    // Said twice (the bridge lost the first answer): still once.
    expect((await report(held.id, { leaseToken: held.leaseToken, outcome: "posted" })).status).toBe(
      200,
    );
    const after = await state(id);
    expect(after.status).toBe("posted");
    expect(after.postings).toMatchObject([
      { version: 1, state: "posted", targetRef: "119", attempts: 1 },
    ]);
  });

  it("an edit of a posted invoice reopens it; approving again posts an amendment that alters the voucher", async () => {
    const id = await approvedInvoice(23_000_00);
    const [first] = (await lease()).filter((p) => p.invoiceId === id);
    await report(first?.id as string, { leaseToken: first?.leaseToken, outcome: "posted" });
    // A note is not in the books: the invoice stays posted.
    await server.api("PATCH", `/api/invoices/${id}`, token, { fields: { notes: "paid in cash" } });
    expect((await state(id)).status).toBe("posted");
    await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { subtotal: 20_869_57, vat: 3_130_43, total: 24_000_00 },
    });
    const reopened = await state(id);
    expect(reopened.status).toBe("needs_review");
    expect(reopened.reviewReasons).toContain(
      "changed after approval: approve again to amend the books",
    );
    expect(
      (await server.api("POST", `/api/invoices/${id}/approve`, token, { acceptWarnings: true }))
        .status,
    ).toBe(200);
    const [amendment] = (await lease()).filter((p) => p.invoiceId === id);
    expect(amendment?.version).toBe(2);
    expect(amendment?.voucherXml).toContain('ACTION="Alter"');
    expect(amendment?.voucherXml).toContain("<AMOUNT>24000.00</AMOUNT>");
    expect((await state(id)).postings.map((p) => [p.version, p.state])).toEqual([
      [2, "pending"],
      [1, "posted"],
    ]);
  });

  it("keeps what the target refused, with its words, on the invoice; retries what could not be sent", async () => {
    const refused = await approvedInvoice(5_750_00);
    const later = await approvedInvoice(8_050_00);
    const held = await lease();
    const r = held.find((p) => p.invoiceId === refused);
    const l = held.find((p) => p.invoiceId === later);
    await report(r?.id as string, {
      leaseToken: r?.leaseToken,
      outcome: "rejected",
      message: "Ledger 'Meghna Stores' does not exist!",
    });
    await report(l?.id as string, {
      leaseToken: l?.leaseToken,
      outcome: "retry",
      message: "Tally is not running",
    });
    expect((await state(refused)).postings).toMatchObject([
      { state: "rejected", message: "Ledger 'Meghna Stores' does not exist!" },
    ]);
    expect((await state(refused)).status).toBe("approved");
    expect((await state(later)).postings).toMatchObject([
      { state: "pending", message: "Tally is not running", attempts: 1 },
    ]);
  });

  it("gives a posting whose bridge died to the next bridge once its lease has run out", async () => {
    const id = await approvedInvoice(3_450_00);
    const [dead] = (await lease()).filter((p) => p.invoiceId === id);
    // Two minutes later (the lease's length), as far as the database can tell.
    await server.chalan.pool.query(
      "UPDATE postings SET leased_until = now() - interval '1 second' WHERE id = $1",
      [dead?.id],
    );
    const [next] = (await lease()).filter((p) => p.invoiceId === id);
    expect(next?.id).toBe(dead?.id);
    expect(next?.leaseToken).not.toBe(dead?.leaseToken);
    // The dead bridge's late word no longer counts; the live one's does.
    expect(
      (await report(dead?.id as string, { leaseToken: dead?.leaseToken, outcome: "posted" }))
        .status,
    ).toBe(409);
    expect(
      (await report(next?.id as string, { leaseToken: next?.leaseToken, outcome: "posted" }))
        .status,
    ).toBe(200);
  });

  it("refuses to approve for the books an invoice they cannot take, and bad bridge reports", async () => {
    const id = await approvedInvoice(1_000_00, false);
    await server.api("PATCH", `/api/invoices/${id}`, token, { fields: { issueDate: null } });
    const res = await server.api("POST", `/api/invoices/${id}/approve`, token, {
      acceptWarnings: true,
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      "The invoice has no issue date: the books need it.",
    );
    expect((await state(id)).postings).toEqual([]);
    expect(
      (await report("not-a-posting", { leaseToken: uuidv7(), outcome: "posted" })).status,
    ).toBe(404);
    expect((await report(uuidv7(), { leaseToken: uuidv7(), outcome: "maybe" })).status).toBe(400);
    expect((await server.api("POST", "/api/connectors/quickbooks/lease", token, {})).status).toBe(
      404,
    );
  });
});
