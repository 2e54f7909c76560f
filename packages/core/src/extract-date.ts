import { misreadDate } from "./date-misreads";
import { type DateToken, findDates } from "./dates";
import type { ExtractedField } from "./invoice";
import { dateLabelEnd, dueDateLabelEnd } from "./label-words";
import { fieldAt, type Hit, labelledValues, type Reading, rivalsOf } from "./labelled-value";
import type { TextLine } from "./page-layout";

/** Invoices we process are from this century; a "date" outside it is a misread or a code. */
function plausible(t: DateToken): boolean {
  const year = Number(t.date.slice(0, 4));
  return year >= 1990 && year <= 2100;
}

function datesIn(text: string, from = 0): Reading<string>[] {
  return findDates(text.slice(from))
    .filter(plausible)
    .map((t) => ({ start: t.start + from, end: t.end + from, value: t.date }));
}

/** A label's date: the first date after it, else the word after it read with misread separators. */
function labelsDate(text: string, from: number): Reading<string> | undefined {
  const misread = () => {
    const m = misreadDate(text, from);
    return m && { ...m, repaired: true };
  };
  return datesIn(text, from)[0] ?? misread();
}

function labelled(hits: readonly Hit<string>[]): ExtractedField<string> | undefined {
  const [first] = hits;
  return first && fieldAt(first, { source: "label", rivals: rivalsOf(hits) });
}

export interface DateFields {
  issueDate?: ExtractedField<string>;
  dueDate?: ExtractedField<string>;
}

/**
 * The issue and due dates: the first date next to each kind of label (after it on the line, in
 * a later cell of the row, or under it). With no issue-date label, the first date on the page that
 * is not the due date, trusted less.
 */
export function extractDates(lines: readonly TextLine[]): DateFields {
  const due = labelledValues(lines, dueDateLabelEnd, labelsDate, { anyCell: true });
  const issue = labelledValues(lines, dateLabelEnd, labelsDate, { anyCell: true });
  const out: DateFields = {};
  const dueDate = labelled(due);
  if (dueDate) out.dueDate = dueDate;
  const issueDate = labelled(issue);
  if (issueDate) return { ...out, issueDate };
  const isDue = (line: TextLine, d: Reading<string>) =>
    due.some((h) => h.line === line && h.start === d.start);
  const anywhere = lines.flatMap((line) =>
    datesIn(line.text)
      .filter((d) => !isDue(line, d))
      .map((d) => ({ ...d, line })),
  );
  const [any] = anywhere;
  if (any) out.issueDate = fieldAt(any, { source: "typical", rivals: rivalsOf(anywhere) });
  return out;
}
