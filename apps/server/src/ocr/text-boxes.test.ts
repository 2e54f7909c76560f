import { describe, expect, it } from "vitest";
import { textBoxes } from "./text-boxes";

/** A map `width` × `height` of 0 with rectangles [x0, y0, x1, y1) set to `p`. */
function map(width: number, height: number, rects: [number, number, number, number, number][]) {
  const data = new Float32Array(width * height);
  for (const [x0, y0, x1, y1, p] of rects)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = p;
  return { data, width, height };
}

describe("textBoxes", () => {
  it("grows each sure region back to its line and scales it to the page, top to bottom", () => {
    // A 20 × 4 core grows by 20·4·1.5 / (2·24) = 2.5 map pixels each way; the page is twice the map.
    const boxes = textBoxes(
      map(64, 32, [
        [30, 20, 50, 24, 0.9],
        [10, 4, 30, 8, 0.8],
      ]),
      128,
      64,
    );
    expect(boxes).toEqual([
      { x0: 15, y0: 3, x1: 65, y1: 21 },
      { x0: 55, y0: 35, x1: 105, y1: 53 },
    ]);
  });

  it("drops specks and faint regions, and clips to the page", () => {
    const boxes = textBoxes(
      map(40, 20, [
        [1, 1, 3, 3, 0.9],
        [10, 10, 30, 14, 0.5],
        [0, 16, 40, 20, 0.95],
      ]),
      40,
      20,
    );
    expect(boxes).toEqual([{ x0: 0, y0: 13, x1: 40, y1: 20 }]);
  });
});
