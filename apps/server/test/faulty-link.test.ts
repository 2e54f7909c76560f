import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FaultyLink, faultyLink, mulberry32 } from "./faulty-link";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request (on a connection of its own unless an agent is given); rejects if the connection fails before the end. */
function request(
  base: string,
  path: string,
  opts: { method?: string; body?: Buffer; agent?: http.Agent; onBytes?: (n: number) => void } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, base), {
      method: opts.method ?? "GET",
      agent: opts.agent ?? false,
    });
    req.on("error", reject);
    req.on("response", async (res) => {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of res) {
          chunks.push(chunk as Buffer);
          opts.onBytes?.((chunk as Buffer).length);
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      } catch (err) {
        reject(err);
      }
    });
    req.end(opts.body);
  });
}

const pattern = (n: number) => Buffer.alloc(n, "0123456789abcdef");

describe("faulty link", () => {
  let server: http.Server;
  let origin: string;
  const serverSockets = new Set<net.Socket>();
  /** Requests whose body the server read to the end. */
  let requestsRead = 0;
  let link: FaultyLink | undefined;

  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const n = Number(url.searchParams.get("n") ?? 0);
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of req) chunks.push(chunk as Buffer);
      } catch {
        return;
      }
      requestsRead++;
      const body = Buffer.concat(chunks);
      if (url.pathname === "/echo") {
        res.setHeader("x-request-sha256", sha256(body));
        res.end(body);
      } else if (url.pathname === "/bytes") {
        res.setHeader("content-length", n);
        res.end(pattern(n));
      } else if (url.pathname === "/slow") {
        // A long download: 1 KB every 50 ms for up to 10 s.
        res.setHeader("content-length", 200 * 1024);
        let sent = 0;
        const timer = setInterval(() => {
          res.write(pattern(1024));
          if (++sent === 200) {
            clearInterval(timer);
            res.end();
          }
        }, 50);
        res.on("close", () => clearInterval(timer));
      } else {
        res.end("ok");
      }
    });
    server.on("connection", (s) => serverSockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });

  afterEach(async () => {
    await link?.close();
    link = undefined;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("passes 1 MB each way through unchanged, and counts exactly the bytes the server saw", async () => {
    link = await faultyLink(origin, {}, 1);
    serverSockets.clear();
    const body = randomBytes(1024 * 1024);
    const reply = await request(link.url, "/echo", { method: "POST", body });
    expect(reply.headers["x-request-sha256"]).toBe(sha256(body));
    expect(sha256(reply.body)).toBe(sha256(body));

    // Both ends close their sockets once the response is in; then the counts are final.
    await until(() => [...serverSockets].every((s) => s.destroyed) && link?.stats().open === 0);
    const stats = link.stats();
    const read = [...serverSockets].reduce((sum, s) => sum + s.bytesRead, 0);
    const written = [...serverSockets].reduce((sum, s) => sum + s.bytesWritten, 0);
    expect(stats.bytesUp).toBe(read);
    expect(stats.bytesDown).toBe(written);
    expect(stats.bytesUp).toBeGreaterThan(body.length);
    expect(stats.bytesDown).toBeGreaterThan(body.length);
    expect(stats).toMatchObject({ connections: 1, drops: 0, truncations: 0, outages: 0 });
  });

  it("keeps byte order under latency and jitter, and adds the latency each way", async () => {
    link = await faultyLink(origin, { latencyMs: 20, jitterMs: 40 }, 2);
    const body = randomBytes(1024 * 1024);
    const reply = await request(link.url, "/echo", { method: "POST", body });
    expect(sha256(reply.body)).toBe(sha256(body));

    link.setFaults({ latencyMs: 150 });
    const direct = performance.now();
    await request(origin, "/");
    const directMs = performance.now() - direct;
    const start = performance.now();
    expect((await request(link.url, "/")).body.toString()).toBe("ok");
    const elapsed = performance.now() - start;
    // The request waits 150 ms on its way up, the response 150 ms on its way down.
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(300 + directMs + 400);
  });

  it("holds a shared bandwidth cap in each direction", async () => {
    link = await faultyLink(origin, { bytesPerSecond: 64_000 }, 3);
    const start = performance.now();
    // Two connections at once, each sending 50 KB up and then getting 50 KB down: 200 KB in all,
    // 100 KB each way; ~1.56 s per direction at 64000 B/s. Were the cap per connection, or one
    // direction unshaped, this would take half as long.
    const replies = await Promise.all(
      [0, 1].map(() =>
        request(link?.url ?? "", "/bytes?n=50000", { method: "POST", body: pattern(50_000) }),
      ),
    );
    const seconds = (performance.now() - start) / 1000;
    for (const r of replies) expect(r.body.equals(pattern(50_000))).toBe(true);
    const { bytesUp, bytesDown } = link.stats();
    // Heads included, a little over 100 KB each way.
    expect(bytesUp).toBeGreaterThan(100_000);
    expect(bytesDown).toBeGreaterThan(100_000);
    const ideal = (bytesUp + bytesDown) / 64_000;
    expect(seconds).toBeGreaterThan(ideal * 0.95);
    expect(seconds).toBeLessThan(4.5);
  });

  it("stops reading a sender the cap cannot keep up with, and resumes it", async () => {
    link = await faultyLink(origin, { bytesPerSecond: 32_000 }, 4);
    const body = randomBytes(8 * 1024 * 1024);
    const start = performance.now();
    const reply = request(link.url, "/echo", { method: "POST", body });
    await sleep(700);
    const stats = link.stats();
    const seconds = (performance.now() - start) / 1000;
    // What the cap allowed went through (plus a burst of at most 40 ms worth); the rest waits in
    // the client and the kernel, not in the link.
    expect(stats.bytesUp).toBeLessThanOrEqual(32_000 * (seconds + 0.04));
    expect(stats.bytesUp).toBeGreaterThan(15_000);
    expect(stats.buffered).toBeGreaterThan(0);
    expect(stats.buffered).toBeLessThan(512 * 1024);
    // Lift the cap: the paused sender resumes and everything arrives, in order.
    link.setFaults({});
    expect(sha256((await reply).body)).toBe(sha256(body));
  });

  it("cuts every request with dropMidStream: 1, some before the server has it all, some after", async () => {
    link = await faultyLink(origin, { dropMidStream: 1 }, 5);
    const before = requestsRead;
    const errors: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      await request(link.url, "/bytes?n=20000", { method: "POST", body: pattern(20_000) }).then(
        (reply) => expect.fail(`request ${i} got through: ${reply.status}`),
        (err: unknown) => errors.push(err),
      );
    }
    expect(errors).toHaveLength(12);
    for (const err of errors) expect((err as NodeJS.ErrnoException).code).toBe("ECONNRESET");
    expect(link.stats().drops).toBe(12);
    const served = requestsRead - before;
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThan(12);
  });

  it("truncates every response with truncateResponse: 1", async () => {
    link = await faultyLink(origin, { truncateResponse: 1 }, 6);
    const before = requestsRead;
    for (let i = 0; i < 5; i++) {
      let received = 0;
      const outcome = await request(link.url, "/bytes?n=100000", {
        onBytes: (n) => {
          received += n;
        },
      }).then(
        () => "complete",
        (err: NodeJS.ErrnoException) => err.code,
      );
      expect(outcome).toBe("ECONNRESET");
      expect(received).toBeLessThan(100_000);
    }
    expect(requestsRead - before).toBe(5);
    expect(link.stats()).toMatchObject({ truncations: 5, drops: 0 });
    expect(link.stats().bytesDown).toBeLessThan(5 * 100_000);
  });

  it("draws the faults per request on a kept-alive connection, reproducibly by seed", async () => {
    const outcomes = async (seed: number) => {
      link = await faultyLink(origin, { dropMidStream: 0.3, truncateResponse: 0.2 }, seed);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const result: boolean[] = [];
      for (let i = 0; i < 30; i++) {
        const body = pattern(3000);
        result.push(
          await request(link.url, "/bytes?n=3000", { method: "POST", body, agent }).then(
            () => true,
            () => false,
          ),
        );
      }
      agent.destroy();
      const stats = link.stats();
      await link.close();
      return { result, stats };
    };
    const a = await outcomes(7);
    const b = await outcomes(7);
    expect(b.result).toEqual(a.result);
    const failed = a.result.filter((ok) => !ok).length;
    expect(failed).toBe(a.stats.drops + a.stats.truncations);
    // 1 - 0.7 * 0.8 = 44% expected; were only a connection's first request at risk, few would fail.
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(26);
    // Connections were reused: a new one only after each cut.
    expect(a.stats.connections).toBe(failed + 1);
  });

  it("goes down for whole outages, resetting what is open and refusing what comes, then back up", async () => {
    link = await faultyLink(origin, {}, 8);
    const long = request(link.url, "/slow");
    long.catch(() => {});
    await until(() => link?.stats().bytesDown !== 0);
    link.setFaults({ outages: { meanUpMs: 200, downMs: 700 } });
    await until(() => link?.stats().down === true, 5000);
    const downAt = performance.now();
    // No more outages after this one.
    link.setFaults({ outages: { meanUpMs: 1e9, downMs: 700 } });
    await expect(long).rejects.toMatchObject({ code: "ECONNRESET" });
    await expect(request(link.url, "/")).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(link.stats().refused).toBe(1);

    await until(() => link?.stats().down === false, 2000);
    expect(performance.now() - downAt).toBeGreaterThan(650);
    expect((await request(link.url, "/")).body.toString()).toBe("ok");
    expect(link.stats()).toMatchObject({ outages: 1, down: false });
  });

  it("ends an outage at once when the faults are turned off", async () => {
    link = await faultyLink(origin, { outages: { meanUpMs: 1, downMs: 60_000 } }, 9);
    await until(() => link?.stats().down === true);
    await expect(request(link.url, "/")).rejects.toThrow();
    link.setFaults({});
    expect((await request(link.url, "/")).body.toString()).toBe("ok");
  });

  it("resets open connections on close", async () => {
    link = await faultyLink(origin, {}, 10);
    const long = request(link.url, "/slow");
    long.catch(() => {});
    await until(() => link?.stats().bytesDown !== 0);
    await link.close();
    await expect(long).rejects.toMatchObject({ code: "ECONNRESET" });
  });

  it("uses the seed it is given and a seeded generator", async () => {
    link = await faultyLink(origin, {}, 42);
    expect(link.seed).toBe(42);
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(() => link?.setFaults({ dropMidStream: 2 })).toThrow(RangeError);
  });
});

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error("timed out waiting");
    await sleep(10);
  }
}
