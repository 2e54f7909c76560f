import { confidenceOf, type Evidence, type Placement } from "./confidence";
import type { ExtractedField } from "./invoice";
import { below, rangeOf, rightOf, type TextLine } from "./page-layout";

/** A value found in a text from an offset: where it is and what it says. */
export interface Reading<V> {
  start: number;
  end: number;
  value: V;
  /** Read only by repairing what the OCR got wrong. */
  repaired?: boolean;
}
export type Reader<V> = (text: string, from: number) => Reading<V> | undefined;

/** A value read on a line, and where it sat relative to the label that pointed at it. */
export interface Hit<V> extends Reading<V> {
  line: TextLine;
  placement: Placement;
}

export interface NearOptions {
  /** Try every cell to the right of the label, not only the nearest (a date past other cells). */
  anyCell?: boolean;
  /** Whether a value on the line below the label may be taken. */
  below?: boolean;
}

/**
 * The value of a label ending at `labelEnd` in `line`: after it on its line, else in a cell to
 * its right in the same row, else on the line below it.
 */
export function valueNear<V>(
  lines: readonly TextLine[],
  line: TextLine,
  labelEnd: number,
  read: Reader<V>,
  opts: NearOptions = {},
): Hit<V> | undefined {
  const inline = read(line.text, labelEnd);
  if (inline) return { ...inline, line, placement: "line" };
  const cells = rightOf(lines, line);
  for (const cell of opts.anyCell ? cells : cells.slice(0, 1)) {
    const hit = read(cell.text, 0);
    if (hit) return { ...hit, line: cell, placement: "row" };
  }
  if (opts.below === false) return undefined;
  const under = below(lines, line);
  const hit = under && read(under.text, 0);
  return under && hit ? { ...hit, line: under, placement: "below" } : undefined;
}

/** The values of every label `labelEnd` finds (it gives where a label ends in a text, or -1). */
export function labelledValues<V>(
  lines: readonly TextLine[],
  labelEnd: (text: string) => number,
  read: Reader<V>,
  opts: NearOptions = {},
): Hit<V>[] {
  return lines.flatMap((line) => {
    const end = labelEnd(line.text);
    const hit = end < 0 ? undefined : valueNear(lines, line, end, read, opts);
    return hit ? [hit] : [];
  });
}

/** A field from a value read on a line: its box, and a confidence from the evidence and the OCR. */
export function fieldAt<V>(
  hit: Reading<V> & { line: TextLine; placement?: Placement },
  evidence: Omit<Evidence, "ocr" | "placement">,
): ExtractedField<V> {
  const { box, confidence: ocr } = rangeOf(hit.line, hit.start, hit.end);
  const repaired = hit.repaired ?? evidence.repaired;
  return {
    value: hit.value,
    confidence: confidenceOf({ ...evidence, placement: hit.placement, ocr, repaired }),
    box,
  };
}

/** How many distinct values other than `value` (by default the first's) the hits offer. */
export function rivalsOf<V>(hits: ReadonlyArray<{ value: V }>, value = hits[0]?.value): number {
  return new Set(hits.map((h) => h.value).filter((v) => v !== value)).size;
}
