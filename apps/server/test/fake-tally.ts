import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DOMParser, type Element } from "@xmldom/xmldom";

/** A voucher as the fake Tally keeps it. */
export interface HeldVoucher {
  remoteId: string;
  date: string;
  narration: string;
  masterId: number;
  entries: { ledger: string; amount: number }[];
  /** How many imports created (1) or altered it since. */
  imports: number;
}

/**
 * A local HTTP server that answers as Tally's XML interface does (docs/tally.md): imports of ledgers
 * and Purchase vouchers (created, or altered by REMOTEID; LINEERROR for a missing ledger, totals
 * that do not balance, an Alter of nothing), ledger-list and Day Book exports. It can be made to
 * apply an import and then drop the connection before answering, as a power cut would.
 */
export async function fakeTally(
  ledgers: string[] = ["Cash", "Profit & Loss A/c"],
  /** Time Tally takes over each request after applying it (an office PC is slow). */
  { answerDelayMs = 0 }: { answerDelayMs?: number } = {},
) {
  const held = new Map<string, HeldVoucher>();
  const known = new Map<string, string>(ledgers.map((l) => [l, "Primary"]));
  const refuseLedgers = new Set<string>();
  let lastId = 100;
  let dropAfterImport = 0;
  let requests = 0;

  const all = (e: Element, name: string) => Array.from(e.getElementsByTagName(name));
  const textOf = (e: Element, name: string) => all(e, name)[0]?.textContent?.trim() ?? "";
  const result = (r: {
    created?: number;
    altered?: number;
    errors?: number;
    lineErrors?: string[];
  }) =>
    "<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DATA>" +
    (r.lineErrors ?? [])
      .map((l) => `<LINEERROR>${l.replace(/'/g, "&apos;")}</LINEERROR>`)
      .join("") +
    `<IMPORTRESULT><CREATED>${r.created ?? 0}</CREATED><ALTERED>${r.altered ?? 0}</ALTERED>` +
    `<LASTVCHID>${lastId}</LASTVCHID><LASTMID>0</LASTMID><COMBINED>0</COMBINED><IGNORED>0</IGNORED>` +
    `<ERRORS>${r.errors ?? 0}</ERRORS></IMPORTRESULT></DATA></BODY></ENVELOPE>`;

  function importMasters(message: Element): string {
    let created = 0;
    let altered = 0;
    const lineErrors: string[] = [];
    for (const l of all(message, "LEDGER")) {
      const name = l.getAttribute("NAME") ?? "";
      if (refuseLedgers.has(name)) {
        lineErrors.push(`Could not create ledger '${name}'`);
      } else if (known.has(name)) {
        altered++;
      } else {
        known.set(name, textOf(l, "PARENT"));
        created++;
      }
    }
    return result({ created, altered, errors: lineErrors.length, lineErrors });
  }

  function importVouchers(message: Element): string {
    let created = 0;
    let altered = 0;
    const lineErrors: string[] = [];
    for (const v of all(message, "VOUCHER")) {
      const remoteId = v.getAttribute("REMOTEID") ?? "";
      const entries = all(v, "ALLLEDGERENTRIES.LIST").map((e) => ({
        ledger: textOf(e, "LEDGERNAME"),
        amount: Math.round(Number(textOf(e, "AMOUNT")) * 100),
      }));
      const missing = entries.find((e) => !known.has(e.ledger));
      if (missing) {
        lineErrors.push(`Ledger '${missing.ledger}' does not exist!`);
        continue;
      }
      if (entries.reduce((s, e) => s + e.amount, 0) !== 0) {
        lineErrors.push("Voucher totals do not match!");
        continue;
      }
      const before = held.get(remoteId);
      if (v.getAttribute("ACTION") === "Alter" && !before) {
        lineErrors.push("Voucher does not exist!");
        continue;
      }
      const voucher = {
        remoteId,
        date: textOf(v, "DATE"),
        narration: textOf(v, "NARRATION"),
        masterId: before?.masterId ?? ++lastId,
        entries,
        imports: (before?.imports ?? 0) + 1,
      };
      held.set(remoteId, voucher);
      if (before) altered++;
      else created++;
    }
    return result({ created, altered, errors: lineErrors.length, lineErrors });
  }

  function exportData(root: Element): string {
    const id = textOf(root, "ID");
    if (id === "ChalanLedgers") {
      const rows = [...known]
        .map(
          ([name, parent]) =>
            `<LEDGER NAME="${esc(name)}"><PARENT>${esc(parent)}</PARENT></LEDGER>`,
        )
        .join("");
      return `<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DESC><CMPINFO><LEDGER>${known.size}</LEDGER></CMPINFO></DESC><DATA><COLLECTION>${rows}</COLLECTION></DATA></BODY></ENVELOPE>`;
    }
    if (id === "Day Book") {
      const from = textOf(root, "SVFROMDATE");
      const to = textOf(root, "SVTODATE");
      const rows = [...held.values()]
        .filter((v) => v.date >= from && v.date <= to)
        .map(
          (v) =>
            `<TALLYMESSAGE xmlns:UDF="TallyUDF"><VOUCHER REMOTEID="${esc(v.remoteId)}" VCHTYPE="Purchase" ACTION="Create"><DATE>${v.date}</DATE><MASTERID> ${v.masterId}</MASTERID><NARRATION>${esc(v.narration)}</NARRATION></VOUCHER></TALLYMESSAGE>`,
        )
        .join("");
      return `<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DATA>&#4;${rows}</DATA></BODY></ENVELOPE>`;
    }
    return "<ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER><BODY><DATA><LINEERROR>Could not find Report</LINEERROR></DATA></BODY></ENVELOPE>";
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const chunks: Buffer[] = [];
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return; // the caller went away mid-request (a bridge killed): nothing arrived, nothing done
    }
    const root = new DOMParser().parseFromString(Buffer.concat(chunks).toString("utf8"), "text/xml")
      .documentElement as Element;
    const request = textOf(root, "TALLYREQUEST");
    let answer: string;
    if (request === "Import") {
      const message = all(root, "TALLYMESSAGE")[0] as Element;
      const vouchers = textOf(root, "ID") === "Vouchers";
      answer = vouchers ? importVouchers(message) : importMasters(message);
      if (vouchers && dropAfterImport > 0) {
        // Applied, but the power went before Tally could answer.
        dropAfterImport--;
        res.socket?.destroy();
        return;
      }
    } else {
      answer = exportData(root);
    }
    if (answerDelayMs > 0) await new Promise((r) => setTimeout(r, answerDelayMs));
    if (req.socket.destroyed) return;
    res.writeHead(200, { "content-type": "text/xml; charset=utf-8" }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    ledgers: known,
    refuseLedgers,
    requests: () => requests,
    /** The next `n` voucher imports are applied, then the connection drops without an answer. */
    dropAnswers(n: number) {
      dropAfterImport = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
