import {
  holdsVersion,
  LeasedPosting,
  type PostingResult,
  parseTallyImportResult,
  parseTallyLedgerNames,
  parseTallyVouchers,
  tallyDayBookRequest,
  tallyImportTook,
  tallyLedgerListRequest,
  tallyLedgersEnvelope,
} from "@chalan/core";
import { z } from "zod";

export interface BridgeOptions {
  /** Chalan's server, e.g. https://chalan.example.com.bd */
  server: string;
  token: string;
  /** Tally's XML interface on the office PC, e.g. http://localhost:9000 */
  tally: string;
  /** Postings taken at a time. */
  batch?: number;
  log?: (line: string) => void;
}

const Leased = z.object({ postings: z.array(LeasedPosting) });

/** Tally could not be reached or answered nonsense: worth trying again later. */
class TallyUnavailable extends Error {}

/**
 * One pass of the bridge on the office PC: takes the postings that are due from Chalan's server and
 * posts each into Tally, then says what Tally said. Nothing is kept on the PC: a power cut anywhere
 * leaves the posting leased on the server, which hands it out again once the lease runs out, and
 * before posting anything the bridge looks in Tally's Day Book for the voucher (the answer to an
 * earlier post may have been lost). Tally finds vouchers by REMOTEID, so even a repeated post alters
 * the voucher rather than adding one. Returns how many postings it handled.
 */
export async function bridgePass(opts: BridgeOptions): Promise<number> {
  const log = opts.log ?? (() => {});
  const res = await fetch(`${opts.server}/api/connectors/tally/lease`, {
    method: "POST",
    headers: { authorization: `Bearer ${opts.token}`, "content-type": "application/json" },
    body: JSON.stringify({ max: opts.batch ?? 10 }),
  });
  if (!res.ok)
    throw new Error(`Chalan's server refused the lease: HTTP ${res.status} ${await res.text()}`);
  const { postings } = Leased.parse(await res.json());
  for (const p of postings) {
    const outcome = await post(opts, p);
    log(
      `${p.invoiceId} v${p.version}: ${outcome.outcome}${outcome.message ? ` (${outcome.message})` : ""}`,
    );
    const said = await fetch(`${opts.server}/api/postings/${p.id}/result`, {
      method: "POST",
      headers: { authorization: `Bearer ${opts.token}`, "content-type": "application/json" },
      body: JSON.stringify({ leaseToken: p.leaseToken, ...outcome }),
    });
    // A lease that ran out meanwhile: the next pass finds the voucher in the Day Book.
    if (!said.ok)
      log(`${p.invoiceId} v${p.version}: the server did not take the result (HTTP ${said.status})`);
  }
  return postings.length;
}

async function post(
  opts: BridgeOptions,
  p: LeasedPosting,
): Promise<Omit<PostingResult, "leaseToken">> {
  try {
    const day = parseTallyVouchers(await ask(opts.tally, tallyDayBookRequest(p.date, p.company)));
    if (holdsVersion(day, p.invoiceId, p.version)) {
      const found = day.find((v) => v.remoteId === p.remoteId);
      return {
        outcome: "posted",
        message: "Already in Tally",
        ...(found?.masterId && { targetRef: found.masterId }),
      };
    }
    const names = new Set(
      parseTallyLedgerNames(await ask(opts.tally, tallyLedgerListRequest(p.company))),
    );
    const missing = p.ledgers.filter(
      (l, i, all) => !names.has(l.name) && all.findIndex((o) => o.name === l.name) === i,
    );
    if (missing.length > 0) {
      const made = parseTallyImportResult(
        await ask(opts.tally, tallyLedgersEnvelope(missing, p.company)),
      );
      if (!tallyImportTook(made)) {
        return { outcome: "rejected", message: refusal(made, "the ledgers") };
      }
    }
    const result = parseTallyImportResult(await ask(opts.tally, p.voucherXml));
    if (!tallyImportTook(result))
      return { outcome: "rejected", message: refusal(result, "the voucher") };
    return { outcome: "posted", ...(result.lastVoucherId && { targetRef: result.lastVoucherId }) };
  } catch (e) {
    if (e instanceof TallyUnavailable) return { outcome: "retry", message: e.message };
    throw e;
  }
}

function refusal(r: ReturnType<typeof parseTallyImportResult>, what: string): string {
  return r.lineErrors.length > 0
    ? r.lineErrors.join(" ")
    : `Tally refused ${what} without saying why (errors ${r.errors}, exceptions ${r.exceptions}).`;
}

/** One request to Tally's XML interface; what Tally answered, or TallyUnavailable. */
async function ask(tally: string, xml: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(tally, {
      method: "POST",
      headers: { "content-type": "text/xml; charset=utf-8" },
      body: xml,
      signal: AbortSignal.timeout(60_000),
    });
  } catch (e) {
    throw new TallyUnavailable(
      `Tally did not answer at ${tally}: ${(e as Error).cause ?? (e as Error).message}`,
    );
  }
  if (!res.ok) throw new TallyUnavailable(`Tally answered HTTP ${res.status}`);
  try {
    return await res.text();
  } catch (e) {
    throw new TallyUnavailable(`Tally's answer was cut off: ${(e as Error).message}`);
  }
}
