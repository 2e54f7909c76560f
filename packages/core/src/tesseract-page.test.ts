import { describe, expect, it } from "vitest";
import { tesseractLines } from "./tesseract-page";

const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

describe("tesseractLines", () => {
  it("turns blocks into lines of words with confidences in [0,1], blank words and lines dropped", () => {
    const lines = tesseractLines({
      blocks: [
        {
          paragraphs: [
            {
              lines: [
                {
                  text: "Total 1,190.00\n",
                  confidence: 91,
                  bbox: box(10, 20, 200, 40),
                  words: [
                    { text: "Total", confidence: 96, bbox: box(10, 20, 80, 40) },
                    { text: " ", confidence: 0, bbox: box(81, 20, 90, 40) },
                    { text: "1,190.00", confidence: 104, bbox: box(100, 20, 200, 40) },
                  ],
                },
                { text: "  ", confidence: 10, bbox: box(0, 50, 5, 60), words: [] },
              ],
            },
          ],
        },
      ],
    });
    expect(lines).toEqual([
      {
        text: "Total 1,190.00",
        confidence: 0.91,
        box: box(10, 20, 200, 40),
        words: [
          { text: "Total", confidence: 0.96, box: box(10, 20, 80, 40) },
          { text: "1,190.00", confidence: 1, box: box(100, 20, 200, 40) },
        ],
      },
    ]);
  });

  it("reads a page with no blocks as no lines", () => {
    expect(tesseractLines({ blocks: null })).toEqual([]);
  });
});
