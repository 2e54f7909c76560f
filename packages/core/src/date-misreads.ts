import { toAsciiDigits } from "./bangla-digits";
import { isoDate, MONTH_NAMES, monthByName } from "./dates";
import { textSimilarity } from "./text-similarity";

// Day and month of two digits each, a four-digit year (or two, with a time run into them); between
// them a separator (a point read as a comma too: "২৩.০৮,২০২৪"), a separator the OCR took for a one
// (a handwritten slash, "08106/2025"), or none it saw ("26.032026", "29072025").
const SEP = String.raw`[/.,\-]`;
const SHAPES = [
  new RegExp(String.raw`^(\d{2})${SEP}?(\d{2})${SEP}?(\d{4})$`),
  new RegExp(String.raw`^(\d{2})[1lI|](\d{2})${SEP}(\d{4})$`),
  new RegExp(String.raw`^(\d{2})${SEP}(\d{2})[1lI|](\d{4})$`),
  // A dash read as a colon: "২৯:১২-২০২৪", "০৭:০৫-২৫" (a time has no year after it).
  new RegExp(String.raw`^(\d{2})[:;](\d{2})${SEP}(\d{4}|\d{2})$`),
  new RegExp(String.raw`^(\d{2})${SEP}(\d{2})[:;](\d{4})$`),
  // A two-digit year with the time run into it, the space between unseen: "26-04.269:21-AM".
  new RegExp(String.raw`^(\d{2})${SEP}(\d{2})${SEP}(\d{2})\d{1,2}:\d{2}`),
];
// What OCR leaves around a handwritten date: a colon, dots along the line it was written on, a
// bracket for a stroke before it ("(07112025").
const LEAD = /^[:.\-–(]+/u;
// A day, a month's name, and a year, one of them garbled: the name by the hand it was written in
// ("12 eptewber, 2024"), or the year's leading 2 ("16 Feb r026").
const NAMED = /^(\d{1,2})\s([\p{L}\p{M}]{3,})[.,]?\s(\d{4}|[^\s\d]0\d{2})(?!\p{N})/u;
// The garbled name must be this like one month's full name, and so much less like any other.
const NAME_LIKE = 0.65;
const NEXT_BEST_BY = 0.2;

const inCentury = (year: number) => year >= 1990 && year <= 2100;

// ১লা, "the 1st", with its ১ garbled (`[লা ফেব্রুয়ারি, 2025`): লা follows no other day.
const FIRST = /^[\s:ঃ;,.]*(\S?লা)\s([\p{L}\p{M}]+)[.,]?\s(\d{4})(?!\p{N})/u;

function firstOfMonth(text: string, from: number) {
  const m = FIRST.exec(toAsciiDigits(text.slice(from)));
  const month = m?.[2] && monthByName(m[2]);
  const year = Number(m?.[3]);
  const value = m && month && inCentury(year) && isoDate(year, month, 1);
  if (!m || !value || !m[1]) return undefined;
  const start = from + m[0].indexOf(m[1]);
  return { start, end: from + m[0].length, value };
}

/** The month whose full name (English or Bengali) a garbled word is like, and no other. */
function garbledMonth(word: string): number | undefined {
  const likeness = MONTH_NAMES.map((names) =>
    Math.max(...names.filter((n) => n.length >= 4).map((n) => textSimilarity(word, n))),
  );
  const best = Math.max(...likeness);
  const next = Math.max(...likeness.filter((x) => x !== best), 0);
  const unique = likeness.filter((x) => x === best).length === 1;
  return best >= NAME_LIKE && unique && next <= best - NEXT_BEST_BY
    ? likeness.indexOf(best) + 1
    : undefined;
}
const TRAIL = /[.,;:…]+$/u;

/**
 * The first word from `from` with a digit in it, read as a day-first date whose separators the
 * OCR misread: meant only for what follows a date label ("Date of Issue: 08106/2025"), where a
 * date is what is written (elsewhere "21106/2025" is as likely an invoice number). Only real
 * dates in 1990–2100.
 */
export function misreadDate(
  text: string,
  from: number,
): { start: number; end: number; value: string } | undefined {
  const first = firstOfMonth(text, from);
  if (first) return first;
  for (const m of text.slice(from).matchAll(/\S+/gu)) {
    const word = m[0];
    if (!/\p{Nd}/u.test(word)) continue;
    const start = from + m.index + word.indexOf(word.replace(LEAD, ""));
    const named = NAMED.exec(toAsciiDigits(text.slice(start)));
    const [, day, name, yearRead] = named ?? [];
    const known = name === undefined ? undefined : monthByName(name);
    // Only one part garbled: a known month's name with a year garbled, or the other way about.
    const yearGarbled = yearRead !== undefined && !/^\d{4}$/u.test(yearRead);
    const month = yearGarbled ? known : known === undefined && name && garbledMonth(name);
    if (named && month && yearRead) {
      const y = yearGarbled ? 2000 + Number(yearRead.slice(2)) : Number(yearRead);
      const value = inCentury(y) && isoDate(y, month, Number(day));
      return value ? { start, end: start + named[0].length, value } : undefined;
    }
    // Day and month run together, the year after a space: "2308 2024".
    const year = /^\d{4} (\d{4})(?!\S)/u.exec(toAsciiDigits(text.slice(start)))?.[1];
    const core = year
      ? `${text.slice(start, start + 4)}${year}`
      : word.replace(LEAD, "").replace(TRAIL, "");
    const length = year ? core.length + 1 : core.length;
    // A speck read as a point inside the year: "2.024".
    const digits = toAsciiDigits(core).replace(/(\d)[.,](\d{3})$/u, "$1$2");
    for (const shape of SHAPES) {
      const d = shape.exec(digits);
      if (!d) continue;
      const [day, month, yy] = [d[1], d[2], d[3]].map(Number) as [number, number, number];
      const year = yy < 100 ? 2000 + yy : yy;
      const value = inCentury(year) ? isoDate(year, month, day) : null;
      if (value) return { start, end: start + length, value };
    }
    return undefined;
  }
  return undefined;
}
