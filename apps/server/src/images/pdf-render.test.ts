import { describe, expect, it } from "vitest";
import { renderSize } from "./pdf-render";

describe("renderSize", () => {
  it("draws A4 at 200 dpi", () => {
    expect(renderSize({ width: 595, height: 842 })).toMatchObject({ width: 1653, height: 2339 });
  });

  it("keeps a huge page within 2500 px on its long side", () => {
    const a0 = renderSize({ width: 2384, height: 3370 });
    expect(a0.height).toBe(2500);
    const banner = renderSize({ width: 14_400, height: 14_400 });
    expect(banner.width * banner.height).toBeLessThanOrEqual(2500 * 2500);
  });

  it("enlarges a small till slip to 1600 px on its long side", () => {
    expect(renderSize({ width: 164, height: 400 })).toMatchObject({ width: 656, height: 1600 });
  });

  it("survives a page with no area", () => {
    expect(renderSize({ width: 0, height: 0 })).toMatchObject({ width: 1, height: 1 });
  });
});
