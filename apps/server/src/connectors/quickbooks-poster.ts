import {
  billHolds,
  type LedgerMapping,
  type PostingResult,
  parseQboEntity,
  parseQboFault,
  parseQboQuery,
  QboBillEntity,
  QboEntity,
  qboAccountsOf,
  qboQuery,
  quickbooksBill,
} from "@chalan/core";
import type pg from "pg";
import { loadLedgerMapping } from "../accounting/ledger-mapping-repo";
import { type HeldPosting, leaseDue, recordPostingResult } from "../accounting/postings-repo";
import type { Config, QuickBooksConfig } from "../config";
import { withTransaction } from "../db/transaction";
import {
  loadTokens,
  QboDisconnected,
  type QboTokens,
  QboUnavailable,
  type QuickBooksApp,
  refreshTokens,
} from "./quickbooks-auth";

/** Intuit's API version the requests and answers are shaped for. */
const MINOR_VERSION = "75";
/** Postings taken per business per pass. */
const BATCH = 20;

/** QuickBooks refused what was sent (a ValidationFault, say): a person must act. */
class QboRefused extends Error {}

/**
 * One business's QuickBooks company: API calls with a fresh access token, refreshed before it runs
 * out or when Intuit answers 401.
 */
class QboCompany {
  constructor(
    private readonly pool: pg.Pool,
    private readonly qb: QuickBooksConfig,
    private readonly app: QuickBooksApp,
    private readonly orgId: string,
    private tokens: QboTokens,
  ) {}

  private async refresh() {
    this.tokens = await refreshTokens(
      this.pool,
      this.qb,
      this.app,
      this.orgId,
      this.tokens.accessToken,
    );
  }

  async call(
    method: "GET" | "POST",
    path: string,
    params: Record<string, string> = {},
    body?: unknown,
  ): Promise<unknown> {
    if (this.tokens.accessExpiresAt.getTime() < Date.now() + 60_000) await this.refresh();
    for (let refreshed = false; ; refreshed = true) {
      const url = new URL(`${this.qb.apiUrl}/v3/company/${this.tokens.realmId}/${path}`);
      url.search = new URLSearchParams({ ...params, minorversion: MINOR_VERSION }).toString();
      let res: Response;
      try {
        res = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.tokens.accessToken}`,
            accept: "application/json",
            ...(body !== undefined && { "content-type": "application/json" }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(60_000),
        });
      } catch (e) {
        throw new QboUnavailable(
          `QuickBooks did not answer: ${(e as Error).cause ?? (e as Error).message}`,
        );
      }
      if (res.status === 401 && !refreshed) {
        await this.refresh();
        continue;
      }
      let answer: unknown;
      try {
        answer = await res.json();
      } catch (e) {
        throw new QboUnavailable(
          `QuickBooks' answer (HTTP ${res.status}) was cut off or not JSON: ${(e as Error).message}`,
        );
      }
      if (res.ok) return answer;
      const fault = parseQboFault(answer);
      const said = `QuickBooks answered HTTP ${res.status}${fault ? `: ${fault.message}` : ""}`;
      // 5010 is a stale SyncToken: someone edited the Bill between our read and update.
      if (
        res.status === 401 ||
        res.status === 429 ||
        res.status >= 500 ||
        fault?.codes.includes("5010")
      ) {
        throw new QboUnavailable(said);
      }
      throw new QboRefused(fault?.message || said);
    }
  }

  /** The id of the Vendor or Account of that name, created if the company lacks it. */
  async ensure(
    entity: "Vendor" | "Account",
    field: "DisplayName" | "Name",
    create: Record<string, string>,
  ): Promise<string> {
    const name = create[field] as string;
    const found = parseQboQuery(
      await this.call("GET", "query", { query: qboQuery(entity, { [field]: name }) }),
      entity,
      QboEntity,
    );
    if (found[0]) return found[0].Id;
    // No requestid: QBO's names are unique, so a create whose answer was lost is found above.
    const made = await this.call("POST", entity.toLowerCase(), {}, create);
    return parseQboEntity(made, entity, QboEntity).Id;
  }
}

/**
 * Posts one leased posting as a Bill. Before creating, looks for the Bill the invoice already has:
 * the one an earlier version made (its id kept as that posting's targetRef), or one found by its
 * number whose PrivateNote names the invoice (an answer lost to a power cut). A Bill that holds this
 * version already is reported posted; one holding an earlier version is updated, never doubled.
 */
async function post(
  company: QboCompany,
  p: HeldPosting,
  mapping: LedgerMapping,
): Promise<Omit<PostingResult, "leaseToken">> {
  const v = p.voucher;
  const vendorId = await company.ensure("Vendor", "DisplayName", { DisplayName: v.party });
  const accountIds: Record<string, string> = {};
  for (const a of qboAccountsOf(v, mapping)) {
    accountIds[a.name] = await company.ensure("Account", "Name", {
      Name: a.name,
      AccountType: a.type,
    });
  }
  const bill = quickbooksBill(v, { vendorId, accountIds });
  const existing = p.earlierRef
    ? parseQboEntity(await company.call("GET", `bill/${p.earlierRef}`), "Bill", QboBillEntity)
    : parseQboQuery(
        await company.call("GET", "query", {
          query: qboQuery(
            "Bill",
            bill.DocNumber
              ? { DocNumber: bill.DocNumber }
              : { VendorRef: vendorId, TxnDate: v.date },
          ),
        }),
        "Bill",
        QboBillEntity,
      ).find((b) => billHolds(b, p.invoiceId));
  if (existing && billHolds(existing, p.invoiceId, p.version)) {
    return { outcome: "posted", message: "Already in QuickBooks", targetRef: existing.Id };
  }
  // Intuit answers a repeated requestid with its first answer, so a Bill is made once however often
  // this is sent; a person's resend after a refusal needs a new one, or it gets the refusal back.
  const requestid = p.resent > 0 ? `${p.id}-r${p.resent}` : p.id;
  const saved = await company.call(
    "POST",
    "bill",
    { requestid },
    existing ? { ...bill, Id: existing.Id, SyncToken: existing.SyncToken } : bill,
  );
  return { outcome: "posted", targetRef: parseQboEntity(saved, "Bill", QboBillEntity).Id };
}

/**
 * Posts approved invoices to QuickBooks Online from the server, for every business that turned it
 * on and connected a company: leases their due postings as a bridge would (a server that dies
 * mid-way leaves them leased, to be taken again once the lease runs out) and records what Intuit
 * said with the lease token.
 */
export class QuickBooksPoster {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly config: Config,
    private readonly log: (line: string) => void = console.error,
  ) {}

  start(): void {
    const app = this.config.quickbooks.app;
    if (!app) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.pass()
        .catch((e) => {
          this.log(`QuickBooks pass failed: ${(e as Error).message}`);
          return 0;
        })
        .finally(() => {
          this.running = undefined;
        });
    }, this.config.quickbooks.pollSeconds * 1000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every business posting to QuickBooks; returns how many postings it handled. */
  async pass(): Promise<number> {
    const app = this.config.quickbooks.app;
    if (!app) return 0;
    const { rows } = await this.pool.query<{ org_id: string }>(
      `SELECT c.org_id FROM connectors c JOIN quickbooks_tokens t ON t.org_id = c.org_id
       WHERE c.kind = 'quickbooks' AND c.enabled`,
    );
    let handled = 0;
    for (const { org_id: orgId } of rows) handled += await this.passFor(app, orgId);
    return handled;
  }

  private async passFor(app: QuickBooksApp, orgId: string): Promise<number> {
    const tokens = await loadTokens(this.pool, orgId);
    if (!tokens) return 0;
    const held = await withTransaction(this.pool, (tx) =>
      leaseDue(tx, orgId, "quickbooks", BATCH, this.config.postingLeaseSeconds),
    );
    if (held.length === 0) return 0;
    const company = new QboCompany(this.pool, this.config.quickbooks, app, orgId, tokens);
    const mapping = await loadLedgerMapping(this.pool, orgId);
    for (const p of held) {
      let outcome: Omit<PostingResult, "leaseToken">;
      try {
        outcome = await post(company, p, mapping);
      } catch (e) {
        if (e instanceof QboRefused) outcome = { outcome: "rejected", message: e.message };
        else {
          // Intuit down, the connection gone, or an answer not of the documented shape: try later.
          if (!(e instanceof QboUnavailable || e instanceof QboDisconnected)) {
            this.log(`QuickBooks posting ${p.id} failed: ${(e as Error).stack}`);
          }
          outcome = { outcome: "retry", message: (e as Error).message.slice(0, 2000) };
        }
      }
      await withTransaction(this.pool, (tx) =>
        recordPostingResult(tx, orgId, p.id, { leaseToken: p.leaseToken, ...outcome }),
      );
    }
    return held.length;
  }
}
