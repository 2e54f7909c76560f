import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { cropPixels, grayPixels } from "../images/orientation";
import { PaddleDetector } from "./paddle-detector";
import { PaddleRecognizer } from "./paddle-recognizer";

/** A receipt's total row, "TOTAL" on the left and the figure on the right, and a dotted rule. */
async function totalRow() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1600">
    <rect width="100%" height="100%" fill="white"/>
    <text x="100" y="400" font-family="DejaVu Sans" font-size="32">TOTAL</text>
    <text x="900" y="400" font-family="DejaVu Sans" font-size="32">2,589.00</text>
    <line x1="100" y1="500" x2="1100" y2="500" stroke="black" stroke-width="3" stroke-dasharray="4 6"/>
  </svg>`;
  return grayPixels(await sharp(Buffer.from(svg)).png().toBuffer());
}

describe("PaddleDetector", () => {
  const detector = new PaddleDetector();
  const reader = new PaddleRecognizer();
  afterAll(() => Promise.all([detector.close(), reader.close()]));

  it("boxes the label and the figure of a row apart, and not a dotted rule", async () => {
    const page = await totalRow();
    const boxes = (await detector.detect(page)).sort((a, b) => a.x0 - b.x0);
    expect(boxes).toHaveLength(2);
    const [label, figure] = boxes;
    // The text's ink spans x 100–212 and 900–1045, y ~376–400.
    expect(label?.x0).toBeLessThanOrEqual(100);
    expect(label?.x1).toBeGreaterThanOrEqual(200);
    expect(label?.x1).toBeLessThan(400);
    expect(figure?.x0).toBeGreaterThan(700);
    expect(figure?.x0).toBeLessThanOrEqual(900);
    expect(figure?.x1).toBeGreaterThanOrEqual(1040);
    for (const box of boxes) {
      expect(box.y0).toBeLessThanOrEqual(377);
      expect(box.y1).toBeGreaterThanOrEqual(400);
      expect(box.y1 - box.y0).toBeLessThan(70);
    }
    const read = await reader.recognize(boxes.map((b) => cropPixels(page, b)));
    expect(read.map((r) => r.text)).toEqual(["TOTAL", "2,589.00"]);
  });

  it("finds no text on a blank page", async () => {
    const blank = { data: new Uint8Array(600 * 800).fill(245), width: 600, height: 800 };
    expect(await detector.detect(blank)).toEqual([]);
  });
});
