import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { renderInvoiceImage } from "../../test/render-invoice";
import { OrientationDetector } from "./orientation-detector";
import { renderTestPage } from "./test-pages";

describe("OrientationDetector", () => {
  const detector = new OrientationDetector();
  afterAll(() => detector.close());

  it("says which quarter turn makes a printed page upright", async () => {
    const { bytes } = await renderInvoiceImage();
    for (const turned of [0, 90, 180, 270]) {
      const page = await sharp(bytes).rotate(turned).png().toBuffer();
      const found = await detector.detect(page);
      expect(found?.turn).toBe((360 - turned) % 360);
      expect(found?.confidence).toBeGreaterThan(2);
      expect(found?.script).toBe("Latin");
    }
  });

  it("tells Bengali script from Latin", async () => {
    const found = await detector.detect((await renderTestPage("bengali")).png);
    expect(found?.turn).toBe(0);
    expect(found?.script).toBe("Bengali");
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
