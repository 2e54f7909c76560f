/**
 * Bangladeshi phone numbers as invoices print them — `01711-223344`, `+880 1711 223344`,
 * `+88 01711223344`, `02-9123456`, `(031) 712345` — read to the national form `01711223344`.
 */

/** A mobile: 01, an operator digit 3–9, eight more. */
const MOBILE = /^01[3-9]\d{8}$/;
/** A landline: 0, an area code not starting with 1, 9–11 digits in all. */
const LANDLINE = /^0[2-9]\d{7,9}$/;
/** Where a number may start: `+880`, `880`, `+88 0`, `(0`, `0`, not inside another number. */
const START = /(?<![\d])(?:\+?\s?88\s?[-‐]?\s?)?\(?0/gu;

export interface PhoneToken {
  /** National form, digits only: `01711223344`, `029123456`. */
  number: string;
  start: number;
  end: number;
  mobile: boolean;
}

/** The phone numbers in a text (ASCII digits), with their positions. */
export function findPhones(text: string): PhoneToken[] {
  const out: PhoneToken[] = [];
  for (const m of text.matchAll(START)) {
    if (out.some((p) => m.index < p.end)) continue;
    // From the 0: digits with single spaces, hyphens or brackets between them.
    const from = m.index + m[0].length - 1;
    const run = /^0(?:[\s\-)]{0,2}\d){6,11}/u.exec(text.slice(from))?.[0];
    if (!run) continue;
    let digits = "";
    let end = from;
    for (const [i, ch] of [...run].entries()) {
      if (!/\d/u.test(ch)) continue;
      digits += ch;
      end = from + i + 1;
      if (MOBILE.test(digits)) break;
    }
    if (/^\d/u.test(text.slice(end)) || !(MOBILE.test(digits) || LANDLINE.test(digits))) continue;
    out.push({ number: digits, start: m.index, end, mobile: MOBILE.test(digits) });
  }
  return out;
}
