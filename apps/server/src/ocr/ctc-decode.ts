/** Text read by a CTC recogniser, and its least sure character's probability (0 when empty). */
export interface CtcText {
  text: string;
  confidence: number;
}

/** A CTC reading with where along the crop each character was read. */
export interface CtcReading extends CtcText {
  /** For each UTF-16 unit of `text`, the step (of `steps`, left to right) its run began at. */
  at: number[];
  steps: number;
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
  const at: number[] = [];
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
      const char = alphabet[best] ?? "";
      text += char;
      for (let i = 0; i < char.length; i++) at.push(t);
      confidence = Math.min(confidence, bestP);
    }
    previous = best;
  }
  return { text, confidence: text === "" ? 0 : confidence, at, steps };
}
