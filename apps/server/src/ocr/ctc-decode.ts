/** Text read by a CTC recogniser, and its least sure character's probability (0 when empty). */
export interface CtcReading {
  text: string;
  confidence: number;
}

/**
 * Greedy CTC decoding of `steps` × `classes` probabilities: the likeliest class at each step,
 * repeats merged, blanks (class 0) dropped. `alphabet[k]` is the character of class k.
 */
export function ctcDecode(
  probabilities: Float32Array,
  steps: number,
  classes: number,
  alphabet: readonly string[],
): CtcReading {
  let text = "";
  let confidence = 1;
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    for (let k = 0; k < classes; k++) {
      const p = probabilities[t * classes + k] ?? 0;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) {
      text += alphabet[best] ?? "";
      confidence = Math.min(confidence, bestP);
    }
    previous = best;
  }
  return { text, confidence: text === "" ? 0 : confidence };
}
