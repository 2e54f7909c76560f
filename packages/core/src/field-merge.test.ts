import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWrite,
  emptyLog,
  type FieldLog,
  type FieldWrite,
  headsReplacedBy,
  resolveField,
} from "./field-merge";
import { formatHlc, type Hlc, parseHlc, receive, tick } from "./hlc";
import type { FieldName, Provenance } from "./invoice";

const FIELDS: FieldName[] = ["total", "notes", "supplierName"];

/** A device (or the server): its field logs, every write it knows (to pass on) and its clock. */
interface Replica {
  name: string;
  logs: Map<FieldName, FieldLog>;
  known: Map<string, FieldWrite>;
  clock: Hlc | null;
}

const replica = (name: string): Replica => ({
  name,
  logs: new Map(),
  known: new Map(),
  clock: null,
});

function receiveWrite(r: Replica, w: FieldWrite, now: number): void {
  r.logs.set(w.field, addWrite(r.logs.get(w.field) ?? emptyLog, w));
  r.known.set(w.id, w);
  r.clock = receive(r.clock, parseHlc(w.at), r.name, now);
}

let ids = 0;
function edit(r: Replica, field: FieldName, value: unknown, provenance: Provenance, now: number) {
  r.clock = tick(r.clock, r.name, now);
  const w: FieldWrite = {
    id: `w${String(++ids).padStart(6, "0")}`,
    field,
    value,
    provenance,
    confidence: provenance === "human" ? 1 : 0.8,
    at: formatHlc(r.clock),
    device: r.name,
    replaces: headsReplacedBy(r.logs.get(field) ?? emptyLog, provenance),
  };
  receiveWrite(r, w, now);
  return w;
}

/** What a replica shows: each field's value and provenance, and its conflict values. */
function view(r: Replica) {
  return FIELDS.map((f) => {
    const res = resolveField(f, r.logs.get(f) ?? emptyLog);
    return (
      res && {
        value: res.write.value,
        provenance: res.write.provenance,
        conflict: res.conflict.map((c) => c.value),
      }
    );
  });
}

type Step =
  | { kind: "edit"; device: number; field: number; value: number; by: Provenance; skew: number }
  | { kind: "deliver"; from: number; to: number; picks: number[] };

const step = (devices: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({
      kind: fc.constant("edit" as const),
      device: fc.nat(devices - 1),
      field: fc.nat(FIELDS.length - 1),
      value: fc.nat(3),
      by: fc.constantFrom<Provenance>("human", "server_ocr", "local_ocr"),
      // Device clocks that run minutes slow or fast.
      skew: fc.integer({ min: -300_000, max: 300_000 }),
    }),
    fc.record({
      kind: fc.constant("deliver" as const),
      // Index `devices` is the server: devices talk only to it.
      from: fc.nat(devices),
      to: fc.nat(devices),
      // Which known writes arrive, in this order, duplicates allowed.
      picks: fc.array(fc.nat(200), { maxLength: 12 }),
    }),
  );

const scenario = fc
  .integer({ min: 2, max: 5 })
  .chain((devices) =>
    fc.record({ devices: fc.constant(devices), steps: fc.array(step(devices), { maxLength: 60 }) }),
  );

describe("field merge across devices", () => {
  it("converges whatever the interleaving, delivery order and duplication, and no person's value is lost", () => {
    fc.assert(
      fc.property(scenario, ({ devices, steps }) => {
        const replicas = Array.from({ length: devices + 1 }, (_, i) =>
          replica(i === devices ? "server" : `d${i}`),
        );
        const human: FieldWrite[] = [];
        let now = 1_000_000;
        for (const s of steps) {
          now += 1000;
          if (s.kind === "edit") {
            const r = replicas[s.device] as Replica;
            const w = edit(r, FIELDS[s.field] as FieldName, s.value, s.by, now + s.skew);
            if (s.by === "human") human.push(w);
          } else {
            const from = replicas[s.from] as Replica;
            const to = replicas[s.to] as Replica;
            const known = [...from.known.values()];
            for (const p of s.picks) {
              const w = known[p % Math.max(1, known.length)];
              if (w) receiveWrite(to, w, now);
            }
          }
        }
        // The link comes back for good: everything reaches the server, then every device, twice.
        for (let round = 0; round < 2; round++) {
          for (const r of replicas)
            for (const w of r.known.values()) receiveWrite(replicas[devices] as Replica, w, now);
          for (const r of replicas)
            for (const w of (replicas[devices] as Replica).known.values()) receiveWrite(r, w, now);
        }

        const views = replicas.map(view);
        for (const v of views) expect(v).toEqual(views[0]);

        // A person's value is gone only where another person, having seen it, replaced it.
        const replacedByPeople = new Set(human.flatMap((w) => w.replaces));
        const server = replicas[devices] as Replica;
        for (const w of human) {
          if (replacedByPeople.has(w.id)) continue;
          const log = server.logs.get(w.field) as FieldLog;
          expect(log.heads.map((h) => h.id)).toContain(w.id);
          const res = resolveField(w.field, log);
          expect(res?.write.provenance).toBe("human");
        }
      }),
      { numRuns: 300 },
    );
  });
});

const write = (over: Partial<FieldWrite> & Pick<FieldWrite, "id" | "at">): FieldWrite => ({
  field: "total",
  value: 100,
  provenance: "human",
  confidence: 1,
  device: "d1",
  replaces: [],
  ...over,
});
const t = (wall: number, node = "d1") => formatHlc({ wall, counter: 0, node });

describe("resolveField", () => {
  it("keeps two people's different totals for a person to choose, and the choice settles it", () => {
    let log = addWrite(emptyLog, write({ id: "a", at: t(1), value: 100, device: "d1" }));
    log = addWrite(log, write({ id: "b", at: t(2), value: 120, device: "d2" }));
    const both = resolveField("total", log);
    expect(both?.conflict.map((w) => w.value)).toEqual([120, 100]);
    log = addWrite(log, write({ id: "c", at: t(3), value: 110, replaces: ["a", "b"] }));
    expect(resolveField("total", log)).toMatchObject({ write: { value: 110 }, conflict: [] });
  });

  it("lets the later of two people's notes win without asking, and agreeing totals are no conflict", () => {
    let notes = addWrite(emptyLog, write({ id: "a", at: t(1), field: "notes", value: "x" }));
    notes = addWrite(notes, write({ id: "b", at: t(2), field: "notes", value: "y" }));
    expect(resolveField("notes", notes)).toMatchObject({ write: { value: "y" }, conflict: [] });
    let total = addWrite(emptyLog, write({ id: "a", at: t(1), value: 5 }));
    total = addWrite(total, write({ id: "b", at: t(2), value: 5 }));
    expect(resolveField("total", total)?.conflict).toEqual([]);
  });

  it("never lets a machine reading replace a person's value, however late it is", () => {
    let log = addWrite(emptyLog, write({ id: "a", at: t(1), value: 100 }));
    const replaces = headsReplacedBy(log, "server_ocr");
    expect(replaces).toEqual([]);
    log = addWrite(
      log,
      write({ id: "b", at: t(9), value: 999, provenance: "server_ocr", replaces }),
    );
    expect(resolveField("total", log)?.write.id).toBe("a");
  });

  it("applies a write that arrives after the one that replaced it, without reviving what it replaced", () => {
    const w0 = write({ id: "w0", at: t(1), value: 1 });
    const w1 = write({ id: "w1", at: t(2), value: 2, replaces: ["w0"] });
    const w2 = write({ id: "w2", at: t(3), value: 3, replaces: ["w1"] });
    const log = [w0, w2, w1, w2].reduce(addWrite, emptyLog);
    expect(log.heads.map((h) => h.id)).toEqual(["w2"]);
  });

  it("never lets a phone's draft, however late its clock, replace the server's reading", () => {
    let log = addWrite(
      emptyLog,
      write({ id: "a", at: t(5), value: 100, provenance: "server_ocr" }),
    );
    const replaces = headsReplacedBy(log, "local_ocr");
    expect(replaces).toEqual([]);
    log = addWrite(log, write({ id: "b", at: t(99), value: 7, provenance: "local_ocr", replaces }));
    expect(resolveField("total", log)?.write.id).toBe("a");
    expect(headsReplacedBy(log, "server_ocr").sort()).toEqual(["a", "b"]);
  });
});
