import { describe, expect, it } from "vitest";
import { ctcLine } from "./ctc-words";

describe("ctcLine", () => {
  const box = { x0: 100, y0: 50, x1: 300, y1: 70 };

  it("splits a line where a space was read, each word over the steps its characters were read at", () => {
    // 20 steps over 200 px: 10 px a step.
    const line = ctcLine(
      {
        text: "Total 12.50",
        confidence: 0.9,
        at: [0, 1, 2, 3, 4, 6, 9, 10, 11, 12, 13],
        steps: 20,
      },
      box,
    );
    expect(line?.text).toBe("Total 12.50");
    expect(line?.words.map((w) => [w.text, w.box.x0, w.box.x1])).toEqual([
      ["Total", 100, 160],
      ["12.50", 180, 250],
    ]);
    expect(line?.words.every((w) => w.confidence === 0.9 && w.box.y0 === 50)).toBe(true);
  });

  it("keeps a word of several UTF-16 units whole and gives nothing for a blank reading", () => {
    expect(
      ctcLine({ text: "৳𝟙", confidence: 0.8, at: [1, 3, 3], steps: 4 }, box)?.words,
    ).toHaveLength(1);
    expect(ctcLine({ text: " ", confidence: 0.8, at: [2], steps: 4 }, box)).toBeUndefined();
  });
});
