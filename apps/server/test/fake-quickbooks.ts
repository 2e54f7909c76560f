import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A local stand-in for Intuit: its OAuth 2.0 token endpoint and the QuickBooks Online accounting API
 * (v3, JSON) for one company, answering with the shapes Intuit documents:
 * - token answers {access_token, refresh_token, token_type "bearer", expires_in 3600,
 *   x_refresh_token_expires_in}; access tokens last an hour, refresh tokens rotate, and a spent or
 *   unknown one is `400 {"error": "invalid_grant"}` (developer.intuit.com/app/developer/qbo/docs/
 *   develop/authentication-and-authorization/oauth-2.0 and …/authentication-and-authorization/faq);
 * - queries answer {QueryResponse: {<Entity>: [...], startPosition, maxResults}, time}, or
 *   {QueryResponse: {}, time} when nothing matches; creates, reads and updates answer
 *   {<Entity>: {..., Id, SyncToken}, time}; an update is the whole object with Id and the current
 *   SyncToken, which then goes up by one (…/qbo/docs/api/accounting/most-commonly-used/bill);
 * - errors are {Fault: {Error: [{Message, Detail, code, element}], type: "ValidationFault"}, time}
 *   (…/qbo/docs/develop/troubleshooting/handling-common-errors); 6240 for a name another vendor,
 *   customer or employee has, 5010 for a stale SyncToken, 610 for an object not found;
 * - a repeated `requestid` gets the first answer again without doing anything (Intuit's "Request ID
 *   update for QuickBooks Online integration", blogs.intuit.com/2015/04/06/15346);
 * - an expired access token is a 401 (AuthenticationFailed, code 3200 — its body's shape is as
 *   integrations report it, lower-case `fault`; Chalan reads only the status).
 */

interface Entity {
  Id: string;
  SyncToken: string;
  [field: string]: unknown;
}

const ENTITIES = { vendor: "Vendor", account: "Account", bill: "Bill" } as const;
type EntityName = (typeof ENTITIES)[keyof typeof ENTITIES];

export async function fakeQuickBooks(app: {
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}) {
  const realmId = "9341453012345678";
  const store: Record<EntityName, Map<string, Entity>> = {
    Vendor: new Map(),
    Account: new Map(),
    Bill: new Map(),
  };
  /** Names of customers already in the company: a vendor may not take one (6240). */
  const customers = new Set<string>();
  const codes = new Set<string>();
  const accessTokens = new Map<string, number>();
  let refreshToken: string | undefined;
  const replies = new Map<string, { status: number; body: unknown }>();
  const requests: { method: string; url: URL; headers: IncomingMessage["headers"] }[] = [];
  let nextId = 100;
  let tokenSeq = 0;
  let dropAfterWrite = 0;
  let refreshes = 0;

  const time = () => new Date().toISOString();
  /** The admin allows Chalan in at Intuit's consent page: the code Intuit hands back. */
  const consent = (): string => {
    const code = `AB11${Math.random().toString(36).slice(2)}`;
    codes.add(code);
    return code;
  };
  const fault = (Message: string, Detail: string, code: string, element = "") => ({
    Fault: { Error: [{ Message, Detail, code, element }], type: "ValidationFault" },
    time: time(),
  });
  const issueTokens = () => {
    tokenSeq++;
    const access = `eyJlbmMiOiJBMTI4Q0JDLUhTMjU2${tokenSeq}`;
    accessTokens.set(access, Date.now() + 3600_000);
    refreshToken = `AB1176${tokenSeq}refresh`;
    return {
      access_token: access,
      refresh_token: refreshToken,
      token_type: "bearer",
      expires_in: 3600,
      x_refresh_token_expires_in: 8_726_400,
    };
  };

  function tokenEndpoint(req: IncomingMessage, body: string): [number, unknown] {
    const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64");
    if (req.headers.authorization !== `Basic ${basic}`) return [401, { error: "invalid_client" }];
    const form = new URLSearchParams(body);
    const grant = form.get("grant_type");
    if (grant === "authorization_code") {
      const code = form.get("code") ?? "";
      if (!codes.delete(code) || form.get("redirect_uri") !== app.redirectUrl) {
        return [400, { error: "invalid_grant" }];
      }
      return [200, issueTokens()];
    }
    if (grant === "refresh_token") {
      if (!refreshToken || form.get("refresh_token") !== refreshToken) {
        return [400, { error: "invalid_grant" }];
      }
      refreshes++;
      return [200, issueTokens()];
    }
    return [400, { error: "unsupported_grant_type" }];
  }

  /** `select * from Bill where DocNumber = 'X' and ...`, quotes escaped as \'. */
  function query(q: string): [number, unknown] {
    const m = /^select \* from (\w+)(?: where (.*))?$/i.exec(q.trim());
    const entity = m?.[1] as EntityName | undefined;
    if (!entity || !(entity in store)) {
      return [400, fault("Invalid query", `QueryParserError: ${q}`, "4000")];
    }
    const conditions = [...(m?.[2] ?? "").matchAll(/(\w+) = '((?:\\'|[^'])*)'/g)].map((c) => ({
      field: c[1] as string,
      value: (c[2] as string).replace(/\\'/g, "'"),
    }));
    const found = [...store[entity].values()].filter((e) =>
      conditions.every(({ field, value }) => {
        const v = e[field];
        return (typeof v === "object" && v ? (v as { value: string }).value : v) === value;
      }),
    );
    return [
      200,
      {
        QueryResponse:
          found.length > 0 ? { [entity]: found, startPosition: 1, maxResults: found.length } : {},
        time: time(),
      },
    ];
  }

  function write(entity: EntityName, sent: Record<string, unknown>): [number, unknown] {
    const table = store[entity];
    if (entity === "Vendor") {
      const name = String(sent.DisplayName ?? "");
      const taken = [...table.values()].some((v) => v.DisplayName === name);
      if (taken || customers.has(name)) {
        return [
          400,
          fault(
            "Duplicate Name Exists Error",
            `The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name. Name=${name}`,
            "6240",
          ),
        ];
      }
    }
    if (entity === "Account") {
      if (!sent.AccountType) {
        return [400, fault("Required param missing", "AccountType is required", "2020")];
      }
      if ([...table.values()].some((a) => a.Name === sent.Name)) {
        return [
          400,
          fault(
            "Duplicate Name Exists Error",
            "Another account is already using this name.",
            "6240",
          ),
        ];
      }
    }
    let total = 0;
    if (entity === "Bill") {
      const vendor = (sent.VendorRef as { value?: string } | undefined)?.value ?? "";
      if (!store.Vendor.has(vendor)) {
        return [
          400,
          fault(
            "Object Not Found",
            "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
            "610",
            "VendorRef",
          ),
        ];
      }
      const lines = (sent.Line ?? []) as {
        Amount: number;
        AccountBasedExpenseLineDetail?: { AccountRef?: { value?: string } };
      }[];
      for (const l of lines) {
        if (!store.Account.has(l.AccountBasedExpenseLineDetail?.AccountRef?.value ?? "")) {
          return [
            400,
            fault(
              "Object Not Found",
              "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts.",
              "610",
              "AccountRef",
            ),
          ];
        }
        total += Math.round(l.Amount * 100);
      }
    }
    const id = typeof sent.Id === "string" ? sent.Id : undefined;
    const before = id ? table.get(id) : undefined;
    if (id && !before)
      return [400, fault("Object Not Found", `Object Not Found : ${entity} ${id}`, "610")];
    if (before && sent.SyncToken !== before.SyncToken) {
      return [
        400,
        fault(
          "Stale Object Error",
          `Stale Object Error : You and ${"someone else"} were working on this at the same time. ${entity} Id=${id} SyncToken sent=${String(sent.SyncToken)} current=${before.SyncToken}`,
          "5010",
        ),
      ];
    }
    const saved: Entity = {
      ...sent,
      ...(entity === "Bill" && { TotalAmt: total / 100, Balance: total / 100 }),
      domain: "QBO",
      sparse: false,
      Id: before?.Id ?? String(nextId++),
      SyncToken: before ? String(Number(before.SyncToken) + 1) : "0",
      MetaData: { CreateTime: time(), LastUpdatedTime: time() },
    };
    table.set(saved.Id, saved);
    return [200, { [entity]: saved, time: time() }];
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return;
    }
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push({ method: req.method ?? "", url, headers: req.headers });
    const answer = (status: number, json: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));

    if (url.pathname === "/connect/oauth2" && req.method === "GET") {
      // Intuit's consent page, where the admin always clicks Connect: back to the app with a code.
      const redirect = url.searchParams.get("redirect_uri");
      if (url.searchParams.get("client_id") !== app.clientId || redirect !== app.redirectUrl) {
        return answer(400, { error: "invalid_client" });
      }
      const back = new URL(redirect);
      back.search = new URLSearchParams({
        code: consent(),
        state: url.searchParams.get("state") ?? "",
        realmId,
      }).toString();
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === "/oauth2/v1/tokens/bearer" && req.method === "POST") {
      return answer(...tokenEndpoint(req, body));
    }
    const api = /^\/v3\/company\/(\d+)\/(\w+)(?:\/(\w+))?$/.exec(url.pathname);
    if (!api || api[1] !== realmId) return answer(404, fault("Not found", url.pathname, "404"));
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    if ((accessTokens.get(bearer) ?? 0) < Date.now()) {
      return answer(401, {
        fault: {
          error: [
            {
              message: "message=AuthenticationFailed; errorCode=003200; statusCode=401",
              detail: "Token expired",
              code: "3200",
            },
          ],
          type: "AUTHENTICATION",
        },
        time: time(),
      });
    }
    const resource = api[2] as string;
    if (req.method === "GET" && resource === "query") {
      return answer(...query(url.searchParams.get("query") ?? ""));
    }
    const entity = ENTITIES[resource as keyof typeof ENTITIES];
    if (!entity) return answer(404, fault("Not found", resource, "404"));
    if (req.method === "GET" && api[3]) {
      const found = store[entity].get(api[3]);
      return found
        ? answer(200, { [entity]: found, time: time() })
        : answer(400, fault("Object Not Found", `Object Not Found : ${entity} ${api[3]}`, "610"));
    }
    if (req.method !== "POST") return answer(405, fault("Unsupported Operation", "", "500"));
    const requestId = url.searchParams.get("requestid");
    const replay = requestId ? replies.get(requestId) : undefined;
    if (replay) return answer(replay.status, replay.body);
    const [status, json] = write(entity, JSON.parse(body) as Record<string, unknown>);
    if (requestId) replies.set(requestId, { status, body: json });
    if (entity === "Bill" && status === 200 && dropAfterWrite > 0) {
      // Saved, but the line went before the answer arrived.
      dropAfterWrite--;
      res.socket?.destroy();
      return;
    }
    answer(status, json);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    realmId,
    bills: store.Bill,
    vendors: store.Vendor,
    accounts: store.Account,
    customers,
    requests,
    refreshes: () => refreshes,
    currentRefreshToken: () => refreshToken,
    consent,
    /** An hour passes for every access token handed out so far. */
    expireAccessTokens() {
      for (const t of accessTokens.keys()) accessTokens.set(t, 0);
    },
    /** The next `n` Bill writes are saved, then the connection drops without an answer. */
    dropAnswers(n: number) {
      dropAfterWrite = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The server's settings for an Intuit app whose Intuit is the stand-in at `url`. */
export const quickbooksSettings = (
  url: string,
  app: { clientId: string; clientSecret: string; redirectUrl: string },
) => ({
  QUICKBOOKS_CLIENT_ID: app.clientId,
  QUICKBOOKS_CLIENT_SECRET: app.clientSecret,
  QUICKBOOKS_REDIRECT_URL: app.redirectUrl,
  QUICKBOOKS_API_URL: url,
  QUICKBOOKS_AUTH_URL: `${url}/connect/oauth2`,
  QUICKBOOKS_TOKEN_URL: `${url}/oauth2/v1/tokens/bearer`,
});
