import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, dbTargets } from "./databases";
import { fakeTally } from "./fake-tally";
import { mulberry32 } from "./faulty-link";
import { freePort } from "./free-port";
import { startTestServer } from "./harness";
import { type ChalanProcess, spawnCli, spawnServer } from "./spawn-chalan";
import { memoFields, typedInvoice } from "./typed-invoice";

const INVOICES = 200;
const SEED = 20261202;
const SUPPLIERS = ["Surma Foods", "Padma Traders", "মেসার্স রহমান স্টোর", "Jamuna Oil Mills"];

/**
 * Issue #7's done-when: 200 invoices approved while the server and the Tally bridge are killed
 * (SIGKILL) at random moments and restarted; in the end each is in Tally exactly once. Tally (the
 * stand-in) takes a while over each request after applying it, so kills land between Tally doing
 * a thing and the bridge hearing of it, and between the bridge hearing and the server recording it.
 * One database target: the outbox's SQL runs on both in accounting-outbox.test.ts; this is about
 * processes dying, and takes minutes.
 */
describe.each(dbTargets().slice(0, 1))(
  "server and bridge killed at random ($name PostgreSQL)",
  (target) => {
    const cleanup: (() => Promise<unknown>)[] = [];
    afterAll(async () => {
      for (const c of cleanup.reverse()) await c().catch(() => {});
    });

    it("posts every approved invoice to Tally exactly once", async () => {
      const random = mulberry32(SEED);
      const databaseUrl = await createDatabase(target);
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = {
        PORT: String(port),
        HOST: "127.0.0.1",
        CHALAN_DATA_DIR: await mkdtemp(path.join(tmpdir(), "chalan-kills-")),
        DATABASE_URL: databaseUrl,
        POSTING_LEASE_SECONDS: "3",
      };
      const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      cleanup.push(() => db.end());
      const tally = await fakeTally(undefined, { answerDelayMs: 100 });
      cleanup.push(tally.close);

      // Setting up: 200 memos as a clerk types them in, on a server whose reader finds nothing on
      // their blank photos at once (reading is not what is tested here), then stopped.
      const setup = await startTestServer(target, env, { readPage: async () => ({ fields: {} }) });
      const token = await setup.signup();
      expect(
        (await setup.api("PUT", "/api/connectors/tally", token, { enabled: true })).status,
      ).toBe(200);
      const ids = await inBatches(INVOICES, 8, (i) => {
        const date = `2026-11-${String((i % 28) + 1).padStart(2, "0")}`;
        const supplier = SUPPLIERS[i % SUPPLIERS.length] as string;
        const fields = memoFields(supplier, `K-${i + 1}`, date, 1_000_00 + i * 1_15);
        return typedInvoice(setup, token, fields, { approve: false });
      });
      await setup.chalan.stop();

      // From here on the real server, as `npm start` runs it, on the same database and files.
      let server = await spawnServer(env);
      cleanup.push(() => server.kill());
      const call = (method: string, url: string, body?: unknown) =>
        fetch(`${base}${url}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body !== undefined && { "content-type": "application/json" }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });

      let bridge = await startBridge(base, token, tally.url);
      cleanup.push(() => bridge.kill());

      // Approving goes on through the kills: a clerk whose approval got no answer taps again.
      let approved = 0;
      const approving = (async () => {
        for (const id of ids) {
          for (;;) {
            const res = await call("POST", `/api/invoices/${id}/approve`, {
              acceptWarnings: true,
            }).catch(() => undefined);
            if (res?.status === 200) break;
            if (res && res.status < 500) throw new Error(`approve ${id}: ${await res.text()}`);
            await sleep(200);
          }
          approved++;
        }
      })();

      const kills = { server: 0, bridge: 0 };
      const started = Date.now();
      const posted = async () =>
        (await db.query("SELECT count(*)::int AS n FROM postings WHERE state = 'posted'")).rows[0]
          .n as number;
      const deadline = Date.now() + 420_000;
      while (approved < INVOICES || (await posted()) < INVOICES) {
        if (Date.now() > deadline) {
          throw new Error(
            `stuck: ${approved} approved, ${await posted()} posted\n${bridge.output().slice(-2000)}`,
          );
        }
        await sleep(300 + random() * 2500);
        const which = random();
        if (which < 0.45 || which >= 0.9) {
          await server.kill();
          kills.server++;
        }
        if (which >= 0.45) {
          await bridge.kill();
          kills.bridge++;
        }
        await sleep(random() * 800);
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
          server = await spawnServer(env);
        }
        if (bridge.child.exitCode !== null || bridge.child.signalCode !== null) {
          bridge = await startBridge(base, token, tally.url);
        }
      }
      await approving;
      const { rows: again } = await db.query<{ tried: number; found: number }>(
        `SELECT count(*) FILTER (WHERE attempts > 1)::int AS tried,
           count(*) FILTER (WHERE message = 'Already in Tally')::int AS found FROM postings`,
      );
      console.log(
        `${INVOICES} approved and posted through ${kills.server} server and ${kills.bridge} bridge ` +
          `kills in ${Math.round((Date.now() - started) / 1000)} s: ${again[0]?.tried} postings ` +
          `handed out again, ${again[0]?.found} of them found already in Tally; ` +
          `${tally.requests()} requests to Tally`,
      );
      expect(kills.server).toBeGreaterThanOrEqual(3);
      expect(kills.bridge).toBeGreaterThanOrEqual(3);
      // Kills landed where it matters: vouchers Tally had taken when nobody heard it say so.
      expect(again[0]?.found).toBeGreaterThan(0);

      // Tally holds each invoice's voucher once, imported once, for the invoice's own amount.
      expect([...tally.held.keys()].sort()).toEqual(ids.map((id) => `chalan-${id}`).sort());
      for (const [remoteId, v] of tally.held) {
        expect(v.imports, `${remoteId} imported more than once`).toBe(1);
      }
      const masterIds = [...tally.held.values()].map((v) => v.masterId);
      expect(new Set(masterIds).size).toBe(INVOICES);
      const { rows } = await db.query<{ id: string; status: string; postings: string[] }>(
        `SELECT i.id, i.status, array_agg(p.state ORDER BY p.version) AS postings
       FROM invoices i JOIN postings p ON p.org_id = i.org_id AND p.invoice_id = i.id
       GROUP BY i.id, i.status`,
      );
      expect(rows).toHaveLength(INVOICES);
      for (const r of rows) {
        expect(r.status, r.id).toBe("posted");
        expect(r.postings, r.id).toEqual(["posted"]);
      }
      const totals = new Map(
        (
          await db.query<{ id: string; total: string }>(
            "SELECT id, (fields->'total'->>'value') AS total FROM invoices",
          )
        ).rows.map((r) => [`chalan-${r.id}`, Number(r.total)]),
      );
      for (const [remoteId, v] of tally.held) {
        const credit = v.entries.find((e) => e.ledger !== "Purchase" && e.ledger !== "Input VAT");
        expect(credit?.amount, remoteId).toBe(totals.get(remoteId));
      }
    }, 900_000);
  },
);

function startBridge(server: string, token: string, tally: string): Promise<ChalanProcess> {
  return spawnCli(
    ["tally-bridge", "--server", server, "--token", token, "--tally", tally, "--every", "1"],
    "posting from",
  );
}

async function inBatches<T>(count: number, n: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += n) {
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(n, count - i) }, (_, j) => f(i + j)))),
    );
  }
  return out;
}
