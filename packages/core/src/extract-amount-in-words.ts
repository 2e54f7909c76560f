import {
  findAmountsInWords,
  hasInWordsLabel,
  namesPaisa,
  type WordsAmount,
} from "./amount-in-words";
import type { Evidence } from "./confidence";
import { below, rangeOf, sameRow, type TextLine, unionBox } from "./page-layout";
import type { AmountCandidate } from "./reconcile-amounts";

interface Found {
  words: WordsAmount;
  candidate: AmountCandidate;
  labelled: boolean;
}

/**
 * The words on a line, or run on to the line below when they do not end on this one. An "in
 * words" label on the line or in a cell to its left makes any number words an amount.
 */
function readAt(lines: readonly TextLine[], line: TextLine): Found | undefined {
  const left = lines.filter((l) => sameRow(l.box, line.box) && l.box.x1 <= line.box.x0 + 2);
  const labelled = [line, ...left].some((l) => hasInWordsLabel(l.text));
  const under = below(lines, line);
  const joined = under ? `${line.text} ${under.text}` : "";
  const split = line.text.length + 1;
  const across = findAmountsInWords(joined, labelled).find((w) => w.start < split && w.end > split);
  const own = findAmountsInWords(line.text, labelled)[0];
  const words = across ?? own;
  if (!words) return undefined;
  const parts = [rangeOf(line, words.start, Math.min(words.end, line.text.length))];
  if (across && under) parts.push(rangeOf(under, 0, words.end - split));
  const evidence: Evidence = {
    source: labelled || words.closed ? "label" : "typical",
    ocr: Math.min(...parts.map((p) => p.confidence)),
  };
  const box = unionBox(parts.map((p) => p.box));
  return {
    words,
    labelled,
    candidate: { role: "total", rank: 0, value: words.poisha, box, evidence },
  };
}

/**
 * The total written in words (`কথায়: এক লক্ষ পনেরো হাজার টাকা মাত্র`), as a total candidate:
 * the labelled one if any, else one closed by "Only/মাত্র", else the first.
 */
export function extractAmountInWords(lines: readonly TextLine[]): AmountCandidate | undefined {
  const found = lines.flatMap((l) => readAt(lines, l) ?? []);
  const best = found.find((f) => f.labelled) ?? found.find((f) => f.words.closed) ?? found[0];
  return best?.candidate;
}

/**
 * Whether the amount in words, labelled as such, names paisa after its taka, however garbled:
 * the total is then not whole taka, which tells a figure read without its point from one read
 * at its printed scale where the arithmetic holds at both.
 */
export function wordsNamePaisa(lines: readonly TextLine[]): boolean {
  return lines.some((line) => {
    const under = below(lines, line);
    return (
      hasInWordsLabel(line.text) && namesPaisa(under ? `${line.text} ${under.text}` : line.text)
    );
  });
}
