import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-delay";

describe("retryDelayMs", () => {
  it("doubles the ceiling with each failure in a row, up to the cap", () => {
    const ceilings = [0, 1, 2, 3, 8, 9, 20].map((n) => retryDelayMs(n, 1));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 256_000, 300_000, 300_000]);
  });

  it("spreads devices over the whole window rather than one instant", () => {
    expect(retryDelayMs(4, 0)).toBe(0);
    expect(retryDelayMs(4, 0.5)).toBe(8_000);
    expect(retryDelayMs(4, 0.25, { baseMs: 100, capMs: 1_000 })).toBe(250);
  });

  it("is always within [0, cap], whatever the attempt count or random source gives", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), fc.double(), (attempt, random) => {
        const d = retryDelayMs(attempt, Number.isNaN(random) ? 0.5 : random);
        return d >= 0 && d <= 300_000 && Number.isInteger(d);
      }),
    );
  });
});
