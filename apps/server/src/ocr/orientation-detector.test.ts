import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { renderInvoiceImage } from "../../test/render-invoice";
import { OrientationDetector } from "./orientation-detector";

describe("OrientationDetector", () => {
  const detector = new OrientationDetector();
  afterAll(() => detector.close());

  it("says which quarter turn makes a printed page upright", async () => {
    const { bytes } = await renderInvoiceImage();
    for (const turned of [0, 90, 180, 270]) {
      const page = await sharp(bytes).rotate(turned).png().toBuffer();
      const turn = await detector.detect(page);
      expect(turn?.degrees).toBe((360 - turned) % 360);
      expect(turn?.confidence).toBeGreaterThan(2);
    }
  });

  it("does not guess on a blank page", async () => {
    const blank = await sharp({
      create: { width: 600, height: 800, channels: 3, background: "white" },
    })
      .png()
      .toBuffer();
    expect(await detector.detect(blank)).toBeUndefined();
  });
});
