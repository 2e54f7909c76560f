import { type DateToken, findDates } from "./dates";
import type { ExtractedField } from "./invoice";
import { dateLabelEnd } from "./label-words";
import { below, rangeOf, rightOf, type TextLine } from "./page-layout";

interface Found {
  line: TextLine;
  token: DateToken;
  via: "line" | "row" | "below";
}

/** Invoices we process are from this century; a "date" outside it is a misread or a code. */
function plausible(t: DateToken): boolean {
  const year = Number(t.date.slice(0, 4));
  return year >= 1990 && year <= 2100;
}

function firstDate(line: TextLine, from = 0): DateToken | undefined {
  return findDates(line.text.slice(from))
    .filter(plausible)
    .map((t) => ({ ...t, start: t.start + from, end: t.end + from }))[0];
}

function field(found: Found, trust: number): ExtractedField<string> {
  const { box, confidence } = rangeOf(found.line, found.token.start, found.token.end);
  return { value: found.token.date, confidence: trust * (0.5 + 0.5 * confidence), box };
}

/**
 * The issue date: the first date next to a date label (after it on the line, in the next cells
 * of the row, or under it), else the first date anywhere on the page, trusted less.
 */
export function extractIssueDate(lines: readonly TextLine[]): ExtractedField<string> | undefined {
  const labelled: Found[] = [];
  for (const line of lines) {
    const end = dateLabelEnd(line.text);
    if (end < 0) continue;
    const inline = firstDate(line, end);
    if (inline) {
      labelled.push({ line, token: inline, via: "line" });
      continue;
    }
    const right = rightOf(lines, line).find((l) => firstDate(l));
    const under = below(lines, line);
    const [next, via] = right ? [right, "row" as const] : [under, "below" as const];
    const token = next && firstDate(next);
    if (next && token) labelled.push({ line: next, token, via });
  }
  const [first] = labelled;
  if (first) {
    const disagree = labelled.some((f) => f.token.date !== first.token.date);
    return field(first, (first.via === "below" ? 0.75 : 0.9) * (disagree ? 0.8 : 1));
  }
  const anywhere = lines.flatMap((line) =>
    findDates(line.text)
      .filter(plausible)
      .map((token) => ({ line, token, via: "line" as const })),
  );
  const [any] = anywhere;
  if (!any) return undefined;
  const distinct = new Set(anywhere.map((f) => f.token.date)).size;
  return field(any, distinct > 1 ? 0.4 : 0.55);
}
