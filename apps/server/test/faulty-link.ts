import { randomInt } from "node:crypto";
import net from "node:net";

/**
 * What a {@link faultyLink} does to the traffic it relays. Every field is optional; `{}` is a clean
 * link. Random choices come from the link's seeded generator, so a run can be replayed by its seed.
 */
export interface LinkFaults {
  /**
   * Probability, 0..1, that a request is cut off: each time the client starts sending after the
   * server has spoken (or first, on a new connection), the link may decide to destroy the connection
   * part-way through that request (so the server never sees all of it) or, as likely, part-way
   * through the response to it (so the server did the work but the client never hears of it).
   */
  dropMidStream?: number;
  /**
   * Probability, 0..1, that a response is truncated: only a random part of it is forwarded, then
   * both sockets are destroyed.
   */
  truncateResponse?: number;
  /** One-way delay in ms added to every chunk, in both directions; byte order is preserved. */
  latencyMs?: number;
  /** A further random delay of 0..jitterMs per chunk (never reorders bytes). */
  jitterMs?: number;
  /** Bandwidth cap in bytes per second per direction, shared by all connections (token bucket). */
  bytesPerSecond?: number;
  /**
   * Whole-link outages: after an up time drawn from an exponential distribution with mean
   * `meanUpMs`, the link goes down for `downMs`: every open connection is reset and new ones are
   * reset as soon as they are accepted, until it comes back up.
   */
  outages?: { meanUpMs: number; downMs: number };
}

export interface LinkStats {
  /** Connections accepted and relayed (not counting those refused during an outage). */
  connections: number;
  /** Connections reset on arrival because the link was down. */
  refused: number;
  /** Connections open now. */
  open: number;
  /** Bytes forwarded client -> server, i.e. what went on the wire (TCP/IP headers not included). */
  bytesUp: number;
  /** Bytes forwarded server -> client. */
  bytesDown: number;
  /** Connections cut by `dropMidStream`. */
  drops: number;
  /** Connections cut by `truncateResponse`. */
  truncations: number;
  /** Outages begun. */
  outages: number;
  /** Whether the link is in an outage now. */
  down: boolean;
  /** Bytes the link holds now (waiting for bandwidth or latency, or for a socket to take them). */
  buffered: number;
}

/**
 * A TCP relay in front of a server that misbehaves like a bad mobile link: it cuts connections
 * mid-request, truncates responses, delays, caps bandwidth and goes down altogether.
 */
export interface FaultyLink {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The seed of the link's random choices; put it in failure messages to replay a run. */
  seed: number;
  /** Replaces the faults (`setFaults({})` makes the link clean; an outage under way ends). */
  setFaults(faults: LinkFaults): void;
  stats(): LinkStats;
  /** Resets every connection and stops listening. */
  close(): Promise<void>;
}

/** A source is paused while more than this many bytes of its stream are held by the link. */
const HIGH_WATER = 256 * 1024;
/** ... and resumed when that falls to this. */
const LOW_WATER = 64 * 1024;

/** A small seeded PRNG (mulberry32): floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Starts a link relaying to `target` (an http:// URL or host:port origin). Without `seed`, the seed
 * is FAULTY_LINK_SEED from the environment, or random; either way it is `link.seed`.
 */
export async function faultyLink(
  target: string,
  faults: LinkFaults = {},
  seed?: number,
): Promise<FaultyLink> {
  const { hostname, port } = new URL(target);
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  const targetPort = Number(port || 80);
  const linkSeed = (seed ?? defaultSeed()) >>> 0;
  const outageRng = mulberry32(linkSeed ^ 0xc2b2ae35);
  const link: LinkState = {
    faults: {},
    faultRng: mulberry32(linkSeed),
    jitterRng: mulberry32(linkSeed ^ 0x85ebca6b),
    up: new Bucket(),
    down: new Bucket(),
    conns: new Set(),
    stats: {
      connections: 0,
      refused: 0,
      bytesUp: 0,
      bytesDown: 0,
      drops: 0,
      truncations: 0,
      outages: 0,
    },
  };
  let down = false;
  let closed = false;
  let outageTimer: NodeJS.Timeout | undefined;

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    client.on("error", () => {});
    if (down || closed) {
      link.stats.refused++;
      client.resetAndDestroy();
      return;
    }
    link.stats.connections++;
    const upstream = net.connect({ host, port: targetPort, allowHalfOpen: true });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    link.conns.add(new Conn(link, client, upstream));
  });

  function scheduleOutage() {
    clearTimeout(outageTimer);
    outageTimer = undefined;
    const outages = link.faults.outages;
    if (!outages || down || closed) return;
    const upMs = -Math.log(1 - outageRng()) * outages.meanUpMs;
    outageTimer = setTimeout(() => {
      down = true;
      link.stats.outages++;
      for (const conn of [...link.conns]) conn.abort("outage");
      outageTimer = setTimeout(() => {
        down = false;
        scheduleOutage();
      }, outages.downMs);
    }, upMs);
  }

  function setFaults(next: LinkFaults) {
    validate(next);
    link.faults = { ...next, outages: next.outages && { ...next.outages } };
    link.up.setRate(next.bytesPerSecond);
    link.down.setRate(next.bytesPerSecond);
    if (!next.outages) {
      clearTimeout(outageTimer);
      outageTimer = undefined;
      down = false;
    } else if (!down) {
      // Up times are exponential, so starting the wait afresh changes nothing statistically.
      scheduleOutage();
    } // else: the outage under way ends on time, then the new parameters apply.
  }

  setFaults(faults);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port: listenPort } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${listenPort}`,
    seed: linkSeed,
    setFaults,
    stats() {
      let buffered = 0;
      for (const conn of link.conns) buffered += conn.up.buffered() + conn.down.buffered();
      return { ...link.stats, open: link.conns.size, down, buffered };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(outageTimer);
      for (const conn of [...link.conns]) conn.abort("close");
      link.up.close();
      link.down.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function defaultSeed(): number {
  const env = process.env.FAULTY_LINK_SEED;
  return env ? Number(env) >>> 0 : randomInt(2 ** 32);
}

function validate(f: LinkFaults) {
  const fail = (what: string) => {
    throw new RangeError(`faulty link: bad ${what}`);
  };
  for (const key of ["dropMidStream", "truncateResponse"] as const) {
    const p = f[key];
    if (p !== undefined && !(p >= 0 && p <= 1)) fail(`${key} ${p} (a probability, 0..1)`);
  }
  for (const key of ["latencyMs", "jitterMs"] as const) {
    const ms = f[key];
    if (ms !== undefined && !(ms >= 0 && Number.isFinite(ms))) fail(`${key} ${ms}`);
  }
  const bps = f.bytesPerSecond;
  if (bps !== undefined && !(bps > 0 && Number.isFinite(bps))) fail(`bytesPerSecond ${bps}`);
  if (f.outages && !(f.outages.meanUpMs > 0 && f.outages.downMs >= 0)) {
    fail(`outages ${JSON.stringify(f.outages)}`);
  }
}

type Direction = "up" | "down";
type CutKind = "drop" | "truncate";
type AbortReason = CutKind | "outage" | "peer" | "close";

interface LinkState {
  faults: LinkFaults;
  faultRng: () => number;
  jitterRng: () => number;
  up: Bucket;
  down: Bucket;
  conns: Set<Conn>;
  stats: Omit<LinkStats, "open" | "down" | "buffered">;
}

/** Bytes from one socket on their way to the other; `cut` ends the connection once delivered. */
interface Piece {
  buf: Buffer;
  cut?: CutKind;
}

/**
 * A token bucket for one direction of the link, shared by every connection: pipes with bytes to
 * send queue up and are served in turn, a slice of at most ~20 ms worth of bandwidth at a time.
 */
class Bucket {
  private rate: number | undefined;
  private tokens = 0;
  private last = performance.now();
  private readonly waiters: Pipe[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pumping = false;

  setRate(rate: number | undefined) {
    this.refill();
    this.rate = rate;
    this.tokens = Math.min(this.tokens, this.capacity());
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pump();
  }

  enqueue(pipe: Pipe) {
    if (!this.waiters.includes(pipe)) this.waiters.push(pipe);
    if (!this.timer) this.pump();
  }

  remove(pipe: Pipe) {
    const i = this.waiters.indexOf(pipe);
    if (i >= 0) this.waiters.splice(i, 1);
  }

  close() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiters.length = 0;
  }

  /** The most bytes handed out at once. */
  private quantum(): number {
    return this.rate === undefined
      ? Number.POSITIVE_INFINITY
      : Math.min(64 * 1024, Math.max(64, Math.round(this.rate / 50)));
  }

  /** Room for a timer that fires late, without letting a burst through. */
  private capacity(): number {
    return 2 * this.quantum();
  }

  private refill() {
    const now = performance.now();
    if (this.rate !== undefined) {
      this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.last) / 1000) * this.rate);
    }
    this.last = now;
  }

  private pump() {
    if (this.pumping) return;
    this.pumping = true;
    this.timer = undefined;
    try {
      this.refill();
      for (let pipe = this.waiters[0]; pipe; pipe = this.waiters[0]) {
        if (this.rate === undefined) {
          this.waiters.shift();
          pipe.grant(Number.POSITIVE_INFINITY);
        } else {
          const need = Math.min(pipe.headLength(), this.quantum());
          if (this.tokens < need) {
            const wait = Math.ceil(((need - this.tokens) / this.rate) * 1000);
            this.timer = setTimeout(() => this.pump(), Math.max(1, wait));
            return;
          }
          this.tokens -= need;
          this.waiters.shift();
          pipe.grant(need);
        }
        if (pipe.waiting()) this.waiters.push(pipe);
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** One direction of one connection: source socket -> bandwidth -> latency -> destination socket. */
class Pipe {
  /** Bytes received from the source so far (forwarded or not). */
  arrived = 0;
  /** Where in the stream (a count of arrived bytes) the connection is to be cut. */
  cut: { at: number; kind: CutKind } | undefined;
  /** The source has ended its side. */
  ended = false;
  /** ... and the link has passed that on to the destination. */
  destEnded = false;
  private pending: Piece[] = [];
  private pendingBytes = 0;
  private inflight: (Piece & { at: number })[] = [];
  private inflightBytes = 0;
  private lastAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private paused = false;

  constructor(
    private readonly conn: Conn,
    readonly dir: Direction,
    private readonly src: net.Socket,
    private readonly dest: net.Socket,
    private readonly bucket: Bucket,
  ) {
    src.on("data", (chunk: Buffer) => this.onData(chunk));
    src.on("end", () => {
      this.ended = true;
      this.maybeEnd();
    });
    dest.on("drain", () => this.flow());
  }

  buffered(): number {
    return this.pendingBytes + this.inflightBytes + this.dest.writableLength;
  }

  headLength(): number {
    return this.pending[0]?.buf.length ?? 0;
  }

  waiting(): boolean {
    return this.pending.length > 0 && !this.conn.dead;
  }

  /** The bucket lets `n` bytes (from the head of the queue) through. */
  grant(n: number) {
    if (n === Number.POSITIVE_INFINITY) {
      const all = this.pending;
      this.pending = [];
      this.pendingBytes = 0;
      for (const piece of all) this.transmit(piece);
    } else {
      const head = this.pending[0];
      if (!head) return;
      if (n >= head.buf.length) {
        this.pending.shift();
        this.pendingBytes -= head.buf.length;
        this.transmit(head);
      } else {
        this.pendingBytes -= n;
        this.transmit({ buf: head.buf.subarray(0, n) });
        head.buf = head.buf.subarray(n);
      }
    }
    this.flow();
  }

  close() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.bucket.remove(this);
    this.pending = [];
    this.inflight = [];
    this.pendingBytes = 0;
    this.inflightBytes = 0;
  }

  private onData(chunk: Buffer) {
    const conn = this.conn;
    if (conn.dead || conn.cutting) return;
    conn.startRun(this, chunk);
    let buf = chunk;
    let cut: CutKind | undefined;
    if (this.cut && this.arrived + buf.length >= this.cut.at) {
      buf = buf.subarray(0, Math.max(0, this.cut.at - this.arrived));
      cut = this.cut.kind;
      conn.cutting = true;
      conn.client.pause();
      conn.upstream.pause();
    }
    this.arrived += buf.length;
    this.pending.push(cut ? { buf, cut } : { buf });
    this.pendingBytes += buf.length;
    this.bucket.enqueue(this);
    this.flow();
  }

  /** A piece has had its bandwidth; now the latency. */
  private transmit(piece: Piece) {
    if (this.conn.dead) return;
    const { latencyMs = 0, jitterMs = 0 } = this.conn.link.faults;
    const now = performance.now();
    const jitter = jitterMs > 0 ? this.conn.link.jitterRng() * jitterMs : 0;
    const at = Math.max(this.lastAt, now + latencyMs + jitter);
    this.lastAt = at;
    if (at <= now && this.inflight.length === 0) {
      this.deliver(piece);
      this.maybeEnd();
      return;
    }
    this.inflight.push({ ...piece, at });
    this.inflightBytes += piece.buf.length;
    if (!this.timer) this.schedule();
  }

  private schedule() {
    const head = this.inflight[0];
    if (!head) return;
    const wait = Math.max(0, Math.ceil(head.at - performance.now()));
    this.timer = setTimeout(() => this.release(), wait);
  }

  private release() {
    this.timer = undefined;
    const now = performance.now();
    for (let head = this.inflight[0]; head && head.at <= now; head = this.inflight[0]) {
      this.inflight.shift();
      this.inflightBytes -= head.buf.length;
      this.deliver(head);
      if (this.conn.dead) return;
    }
    this.schedule();
    this.flow();
    this.maybeEnd();
  }

  private deliver({ buf, cut }: Piece) {
    if (this.conn.dead) return;
    if (buf.length === 0) {
      if (cut) this.conn.abort(cut);
      return;
    }
    if (this.dir === "up") this.conn.link.stats.bytesUp += buf.length;
    else this.conn.link.stats.bytesDown += buf.length;
    // Once the last bytes before a cut are handed to the kernel, the connection goes.
    this.dest.write(buf, () => (cut ? this.conn.abort(cut) : this.flow()));
  }

  /** Backpressure: stop reading the source while the link holds too much of its stream. */
  private flow() {
    if (this.conn.dead || this.conn.cutting) return;
    const held = this.buffered();
    if (!this.paused && held > HIGH_WATER) {
      this.paused = true;
      this.src.pause();
    } else if (this.paused && held <= LOW_WATER) {
      this.paused = false;
      this.src.resume();
    }
  }

  private maybeEnd() {
    if (
      this.ended &&
      !this.destEnded &&
      !this.conn.dead &&
      !this.conn.cutting &&
      this.pending.length === 0 &&
      this.inflight.length === 0
    ) {
      this.destEnded = true;
      this.dest.end();
    }
  }
}

/** One relayed connection. */
class Conn {
  dead = false;
  /** A cut is on its way: nothing more is read from either side. */
  cutting = false;
  readonly up: Pipe;
  readonly down: Pipe;
  private lastDir: Direction | undefined;
  /** A drop decided with the request, to land in its response at this fraction of it. */
  private responseDrop: number | undefined;

  constructor(
    readonly link: LinkState,
    readonly client: net.Socket,
    readonly upstream: net.Socket,
  ) {
    this.up = new Pipe(this, "up", client, upstream, link.up);
    this.down = new Pipe(this, "down", upstream, client, link.down);
    for (const socket of [client, upstream]) {
      socket.on("error", () => this.abort("peer"));
      socket.on("close", () => this.onClose());
    }
  }

  /**
   * Called with every chunk; when the talking turns to the other side (a new request, or a
   * response), the faults for it are drawn. Three draws every time, whatever the probabilities, so
   * changing one does not shift the rest of a seeded run.
   */
  startRun(pipe: Pipe, chunk: Buffer) {
    if (this.lastDir === pipe.dir) return;
    this.lastDir = pipe.dir;
    const { dropMidStream = 0, truncateResponse = 0 } = this.link.faults;
    const rng = this.link.faultRng;
    const roll = rng();
    const side = rng();
    const where = rng();
    const cutAt = (fraction: number) => pipe.arrived + Math.floor(fraction * messageLength(chunk));
    if (pipe.cut) return;
    if (pipe.dir === "up") {
      if (roll < dropMidStream) {
        if (side < 0.5) pipe.cut = { at: cutAt(where), kind: "drop" };
        else this.responseDrop = where;
      }
    } else if (this.responseDrop !== undefined) {
      pipe.cut = { at: cutAt(this.responseDrop), kind: "drop" };
      this.responseDrop = undefined;
    } else if (roll < truncateResponse) {
      pipe.cut = { at: cutAt(where), kind: "truncate" };
    }
  }

  abort(reason: AbortReason) {
    if (this.dead) return;
    this.dead = true;
    if (reason === "drop") this.link.stats.drops++;
    else if (reason === "truncate") this.link.stats.truncations++;
    this.up.close();
    this.down.close();
    reset(this.client);
    reset(this.upstream);
    this.link.conns.delete(this);
  }

  private onClose() {
    if (this.dead) return;
    const { up, down } = this;
    if (!(up.ended && down.ended && up.destEnded && down.destEnded)) this.abort("peer");
    else if (this.client.destroyed && this.upstream.destroyed) this.link.conns.delete(this);
  }
}

/** Ends a socket with a TCP RST, as a link that dies does (the peer sees ECONNRESET). */
function reset(socket: net.Socket) {
  if (socket.destroyed) return;
  if (socket.connecting) socket.destroy();
  else socket.resetAndDestroy();
}

/**
 * How long the message that starts with `chunk` is: for an HTTP/1 head with Content-Length, head
 * plus body; otherwise (chunked, unframed, not HTTP) just this chunk.
 */
function messageLength(chunk: Buffer): number {
  const headEnd = chunk.indexOf("\r\n\r\n");
  if (headEnd < 0) return chunk.length;
  const head = chunk.toString("latin1", 0, headEnd);
  const request = /^[A-Z]+ \S+ HTTP\/1\.[01]\r\n/.test(head);
  const response = /^HTTP\/1\.[01] \d{3}/.test(head);
  if (!request && !response) return chunk.length;
  if (/\r\ntransfer-encoding:/i.test(head)) return chunk.length;
  const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head)?.[1];
  if (length !== undefined) return headEnd + 4 + Number(length);
  return request ? headEnd + 4 : chunk.length;
}
