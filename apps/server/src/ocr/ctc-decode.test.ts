import { describe, expect, it } from "vitest";
import { ctcDecode } from "./ctc-decode";

/** One step per class index, each with probability `p` on it and the rest spread evenly. */
function steps(path: number[], classes: number, p = 0.9): Float32Array {
  const out = new Float32Array(path.length * classes).fill((1 - p) / (classes - 1));
  path.forEach((k, t) => {
    out[t * classes + k] = p;
  });
  return out;
}

describe("ctcDecode", () => {
  const alphabet = ["<blank>", "1", "2", ".", "0"];

  it("merges repeats and drops blanks, keeping a doubled character that a blank separates", () => {
    // 1 1 _ 2 . . 0 _ 0 → "12.00"
    const path = [1, 1, 0, 2, 3, 3, 4, 0, 4];
    expect(ctcDecode(steps(path, 5), path.length, 5, alphabet).text).toBe("12.00");
  });

  it("reports the least sure character's probability, and none for nothing read", () => {
    const probs = steps([1, 0, 2], 5);
    probs[2 * 5 + 2] = 0.6;
    probs[2 * 5 + 0] = 0.1;
    const read = ctcDecode(probs, 3, 5, alphabet);
    expect(read.text).toBe("12");
    expect(read.confidence).toBeCloseTo(0.6, 5);
    expect(ctcDecode(steps([0, 0], 5), 2, 5, alphabet)).toEqual({
      text: "",
      confidence: 0,
      at: [],
      steps: 2,
    });
  });

  it("tells the step each character's run began at", () => {
    // _ 1 1 _ _ 2 . _ 0 → "12.0" at steps 1, 5, 6, 8 of 9
    const path = [0, 1, 1, 0, 0, 2, 3, 0, 4];
    const read = ctcDecode(steps(path, 5), path.length, 5, alphabet);
    expect(read.text).toBe("12.0");
    expect(read.at).toEqual([1, 5, 6, 8]);
    expect(read.steps).toBe(9);
  });
});
