import { dhakaMonth } from "@chalan/core";
import { afterEach, describe, expect, it } from "vitest";
import { runReport } from "../src/cli/report";
import { captureOutput } from "./capture-output";
import { createDatabase, dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";
import { renderInvoiceImage } from "./render-invoice";
import { startSmtpSink } from "./smtp-sink";

/** `chalan report --month M` against a running server's database; returns what it printed. */
async function cliReport(server: TestServer, month: string): Promise<string> {
  const out = captureOutput();
  const code = await runReport(["--month", month], out.stream, {
    DATABASE_URL: server.config.databaseUrl,
    CHALAN_DATA_DIR: server.config.dataDir,
    SMTP_URL: "smtp://127.0.0.1:1",
  });
  expect(code).toBe(0);
  return out.text();
}

/** Invoices are received "now"; the report for this month is due on the 1st of the next. */
const thisMonth = dhakaMonth(new Date());
const [y, m] = thisMonth.split("-").map(Number) as [number, number];
const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
const dueAt = new Date(`${next}-01T03:00:00Z`); // 09:00 Asia/Dhaka
const beforeDue = new Date(dueAt.getTime() - 60_000);
const dayAfterDue = new Date(dueAt.getTime() + 86_400_000);

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;
const reportsIn = (...sinks: Sink[]) =>
  sinks.flatMap((s) => s.messages).filter((x) => x.parsed.subject?.startsWith("Chalan expenses"));

async function waitForReports(n: number, ...sinks: Sink[]) {
  const deadline = Date.now() + 30_000;
  while (reportsIn(...sinks).length < n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  // A little longer, so that a duplicate would have time to show up too.
  await new Promise((r) => setTimeout(r, 2000));
  return reportsIn(...sinks);
}

describe.each(dbTargets())("monthly report on $name PostgreSQL", (target) => {
  const running: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.stop();
  });

  /** The scheduler's clock; tests move it past the due time after the invoices are in. */
  async function setup(clock: { now: Date }, databaseUrl?: string) {
    const smtp = await startSmtpSink();
    running.push({ stop: smtp.close });
    const env = { SMTP_URL: smtp.url, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    const server = await startTestServer(target, env, {
      clock: () => clock.now,
      reportIntervalMs: 3_600_000,
    });
    running.push(server.chalan);
    return { smtp, server };
  }

  /** Uploads an invoice for `email` and fixes its total and VAT as a clerk would. */
  async function invoiceFor(
    server: TestServer,
    token: string,
    email: string,
    total: number,
    vat: number,
  ) {
    const { bytes } = await renderInvoiceImage({
      supplierName: "Karnaphuli Paper Mills",
      invoiceNumber: `K-${total}`,
      issueDate: "2026-03-10",
      lines: [{ description: "A4 paper ream", qty: 1, unitPrice: total - vat }],
      vatRate: 0,
    });
    const res = await server.upload(token, [{ bytes, name: "k.png", type: "image/png" }], {
      name: `Clerk ${email.split("@")[0]}`,
      email,
    });
    const { id } = (await res.json()) as { id: string };
    await server.waitForInvoice(token, id, (i) => i.status !== "captured");
    const patched = await server.api("PATCH", `/api/invoices/${id}`, token, {
      fields: { total, vat, supplierName: "Karnaphuli Paper Mills" },
    });
    expect(patched.status).toBe(200);
    return id;
  }

  it("sends each submitter one report with totals, VAT and a CSV of every invoice", async () => {
    const clock = { now: beforeDue };
    const { smtp, server } = await setup(clock);
    const token = await server.signup();
    await invoiceFor(server, token, "nasrin@example.com", 1_190_000, 155_217);
    await invoiceFor(server, token, "nasrin@example.com", 57_500, 7_500);
    await invoiceFor(server, token, "rafiq@example.com", 23_000, 3_000);
    clock.now = dueAt;
    expect(await server.chalan.scheduler.tick()).toEqual({ planned: true, reports: 2 });
    const mails = await waitForReports(2, smtp);
    expect(mails).toHaveLength(2);
    const nasrin = mails.find((x) => x.envelopeTo[0] === "nasrin@example.com");
    expect(nasrin?.parsed.subject).toContain("৳12,475.00");
    expect(nasrin?.parsed.subject).toContain("2 invoices");
    expect(nasrin?.parsed.text).toContain("৳1,627.17"); // VAT
    expect(nasrin?.parsed.text).toContain("Hello Clerk nasrin,");
    expect(nasrin?.parsed.text).toContain("Karnaphuli Paper Mills");
    const attachment = nasrin?.parsed.attachments[0];
    expect(attachment?.filename).toBe(`chalan-${thisMonth}.csv`);
    const csv =
      typeof attachment?.content === "string"
        ? attachment.content
        : new TextDecoder().decode(attachment?.content);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
    expect(csv).toContain("11900.00");
    expect(mails.find((x) => x.envelopeTo[0] === "rafiq@example.com")?.parsed.subject).toContain(
      "৳230.00",
    );

    // Ticking again, or later in the month, sends nothing more.
    expect(await server.chalan.scheduler.tick()).toEqual({ planned: false, reports: 0 });
    clock.now = dayAfterDue;
    expect(await server.chalan.scheduler.tick()).toEqual({ planned: false, reports: 0 });
    expect(await waitForReports(2, smtp)).toHaveLength(2);

    // On demand from the command line: the month is already done, so nothing is sent twice.
    expect(await cliReport(server, thisMonth)).toBe(
      "nasrin@example.com: already-sent\nrafiq@example.com: already-sent\n",
    );
  });

  it("catches up on start when the server was off at 09:00 on the 1st", async () => {
    const databaseUrl = await createDatabase(target);
    const first = await setup({ now: beforeDue }, databaseUrl);
    const token = await first.server.signup();
    await invoiceFor(first.server, token, "nasrin@example.com", 100_000, 0);
    expect((await first.server.chalan.scheduler.tick()).reports).toBe(0);
    await first.server.chalan.stop();
    running.splice(running.indexOf(first.server.chalan), 1);

    // Back a day late: the start-up check alone sends the report.
    const second = await setup({ now: dayAfterDue }, databaseUrl);
    const sent = await waitForReports(1, first.smtp, second.smtp);
    expect(sent.map((x) => x.envelopeTo[0])).toEqual(["nasrin@example.com"]);
    expect(sent[0]?.parsed.subject).toContain("৳1,000.00");
  });

  it("sends exactly once with two server processes on one database", async () => {
    const databaseUrl = await createDatabase(target);
    const clock = { now: beforeDue };
    const a = await setup(clock, databaseUrl);
    const b = await setup(clock, databaseUrl);
    const token = await a.server.signup();
    for (const who of ["a@example.com", "b@example.com", "c@example.com"]) {
      await invoiceFor(a.server, token, who, 50_000, 0);
    }
    // Both processes reach the due time together.
    clock.now = dueAt;
    const results = await Promise.all([
      a.server.chalan.scheduler.tick(),
      b.server.chalan.scheduler.tick(),
      a.server.chalan.scheduler.tick(),
    ]);
    expect(results.filter((r) => r.planned)).toHaveLength(1);
    expect(results.reduce((n, r) => n + r.reports, 0)).toBe(3);
    const sent = await waitForReports(3, a.smtp, b.smtp);
    expect(sent.map((x) => x.envelopeTo[0]).sort()).toEqual([
      "a@example.com",
      "b@example.com",
      "c@example.com",
    ]);
  });

  it("sends nothing for a month with no invoices", async () => {
    const clock = { now: beforeDue };
    const { smtp, server } = await setup(clock);
    await server.signup();
    clock.now = dueAt;
    expect(await server.chalan.scheduler.tick()).toEqual({ planned: true, reports: 0 });
    expect(await waitForReports(0, smtp)).toEqual([]);
    expect(smtp.messages).toEqual([]);
    expect(await cliReport(server, "2026-01")).toBe(
      "no invoices were received in 2026-01; nothing to send\n",
    );
  });
});
