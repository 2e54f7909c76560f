import { describe, expect, it } from "vitest";
import { inkBlobs } from "./ink-blobs";

/** A mask from rows of `#` (ink) and `.` (paper). */
function mask(rows: string[]) {
  const width = rows[0]?.length ?? 0;
  const ink = Uint8Array.from(rows.join("").split(""), (c) => (c === "#" ? 1 : 0));
  return { ink, width, height: rows.length };
}

describe("inkBlobs", () => {
  it("boxes each blob of touching ink, corners touching included", () => {
    const { ink, width, height } = mask([
      "##......#.",
      "#......#..",
      "##....#...",
      "..........",
      "#.#.#.....",
      ".#.#.#..##",
    ]);
    const boxes = inkBlobs(ink, width, height).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    expect(boxes).toEqual([
      { x0: 0, y0: 0, x1: 2, y1: 3 },
      { x0: 6, y0: 0, x1: 9, y1: 3 },
      { x0: 0, y0: 4, x1: 6, y1: 6 },
      { x0: 8, y0: 5, x1: 10, y1: 6 },
    ]);
  });

  it("joins a U-shaped blob whose arms meet only at the bottom", () => {
    const { ink, width, height } = mask(["#...#", "#...#", "#####"]);
    expect(inkBlobs(ink, width, height)).toEqual([{ x0: 0, y0: 0, x1: 5, y1: 3 }]);
  });
});
