import { describe, expect, it } from "vitest";
import { confidenceOf, SOURCE_PRIOR, withCheck } from "./confidence";

describe("confidenceOf", () => {
  it("starts from the prior of how the value was found", () => {
    expect(confidenceOf({ source: "strongLabel" })).toBeCloseTo(SOURCE_PRIOR.strongLabel);
    expect(confidenceOf({ source: "guess" })).toBeLessThan(0.5);
  });

  it("lowers confidence for a value below its label, blurred, oddly shaped or contested", () => {
    const base = confidenceOf({ source: "label" });
    for (const e of [
      { placement: "below" as const },
      { ocr: 0.4 },
      { usualShape: false },
      { rivals: 1 },
      { adjusted: true },
    ]) {
      expect(confidenceOf({ source: "label", ...e })).toBeLessThan(base);
    }
    expect(confidenceOf({ source: "label", rivals: 2 })).toBeLessThan(
      confidenceOf({ source: "label", rivals: 1 }),
    );
  });

  it("raises confidence for checks that hold and lowers it for checks that fail", () => {
    const e = { source: "label" as const };
    const base = confidenceOf(e);
    const agreed = confidenceOf(withCheck(e, "arithmetic", true));
    const denied = confidenceOf(withCheck(e, "arithmetic", false));
    expect(agreed).toBeGreaterThan(base);
    expect(agreed).toBeLessThan(1);
    expect(denied).toBeLessThan(base);
    // Two independent checks are worth more than one.
    expect(
      confidenceOf(withCheck(withCheck(e, "arithmetic", true), "words", true)),
    ).toBeGreaterThan(agreed);
  });

  it("trusts an amount whose point may be lost below 0.9 however the arithmetic holds, unless words say it", () => {
    const sure = withCheck(
      withCheck({ source: "strongLabel" }, "arithmetic", true),
      "arithmetic",
      true,
    );
    expect(confidenceOf(sure)).toBeGreaterThan(0.9);
    expect(confidenceOf({ ...sure, scaleInDoubt: true })).toBeLessThan(0.9);
    expect(confidenceOf(withCheck({ ...sure, scaleInDoubt: true }, "words", true))).toBeGreaterThan(
      0.9,
    );
  });

  it("stays within [0, 1]", () => {
    const many = Array.from({ length: 20 }, () => ({ kind: "arithmetic" as const, agrees: true }));
    expect(confidenceOf({ source: "strongLabel", checks: many })).toBeLessThanOrEqual(1);
    expect(confidenceOf({ source: "guess", ocr: -3, rivals: 9 })).toBeGreaterThanOrEqual(0);
  });
});
