import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareHlc, formatHlc, type Hlc, parseHlc, receive, tick } from "./hlc";

const hlc = fc.record({
  wall: fc.integer({ min: 0, max: 2 ** 50 }),
  counter: fc.integer({ min: 0, max: 99_999 }),
  node: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
});

describe("hybrid logical clock", () => {
  it("moves forward on every local event, even when the wall clock stands still or goes back", () => {
    const a = tick(null, "phone", 1000);
    const b = tick(a, "phone", 1000);
    const c = tick(b, "phone", 900);
    expect(compareHlc(a, b)).toBeLessThan(0);
    expect(compareHlc(b, c)).toBeLessThan(0);
    expect(c).toEqual({ wall: 1000, counter: 2, node: "phone" });
    expect(tick(c, "phone", 5000)).toEqual({ wall: 5000, counter: 0, node: "phone" });
  });

  it("after receiving, sorts after both its own last stamp and the remote one", () => {
    fc.assert(
      fc.property(
        fc.option(hlc, { nil: null }),
        hlc,
        fc.integer({ min: 0, max: 2 ** 50 }),
        (last, remote, now) => {
          const next = receive(last, remote, "me", now);
          expect(compareHlc(next, { ...remote, node: "me" })).toBeGreaterThan(0);
          if (last) expect(compareHlc(next, { ...last, node: "me" })).toBeGreaterThan(0);
          expect(next.wall).toBeGreaterThanOrEqual(now);
        },
      ),
    );
  });

  it("keeps its order as text, and reads back what it writes", () => {
    fc.assert(
      fc.property(hlc, hlc, (a: Hlc, b: Hlc) => {
        expect(parseHlc(formatHlc(a))).toEqual(a);
        const byText = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(Math.sign(compareHlc(a, b))).toBe(byText);
      }),
    );
    expect(() => parseHlc("yesterday")).toThrow(RangeError);
  });
});
