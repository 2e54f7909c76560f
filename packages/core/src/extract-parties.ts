import type { Source } from "./confidence";
import { findDates } from "./dates";
import type { ExtractedField } from "./invoice";
import { startsWithFieldLabel } from "./label-words";
import { fieldAt, type Hit, type Reader, rivalsOf, valueNear } from "./labelled-value";
import { below, rows, type TextLine, textExtent } from "./page-layout";
import { type Party, type PartyField, type PartyLabel, partyLabel } from "./party-labels";
import { findPhones } from "./phone-numbers";

/**
 * Who is on the invoice besides the supplier's name: the supplier's BIN, phone and labelled
 * address, and the buyer's name and BIN. Labels say whose a value is ("ক্রেতার বিআইএন"); a label
 * that does not ("BIN:", "ঠিকানা:") belongs to the party labelled just above it, else the supplier.
 */

export interface PartyFields {
  supplierBin?: ExtractedField<string>;
  supplierPhone?: ExtractedField<string>;
  supplierAddress?: ExtractedField<string>;
  buyerName?: ExtractedField<string>;
  buyerBin?: ExtractedField<string>;
}

/**
 * 13 digits after the label, maybe grouped (`000123456-0101`, `000 123 456 0101`); O read as 0,
 * and a 1 as the stroke it is (`005810399 0)o]` for 005810399-0101).
 */
// Between label and BIN, a comma for its colon and the marks OCR makes of specks too
// (`BIN: ~~ 0040004650102`, `বিআইএন, ০০৮৯৩০৪৫৬০২০২`).
const BIN =
  /^[\s:ঃ#.,;\-–=~|_'’]*((?:[\dOo][\s\-–]?)(?:[\dOo)\]|][\s\-–]?){11}[\dOo)\]|])(?![\dOo])/u;
/** The old 9+4-digit form is a BIN wherever it stands. */
const BIN_FORM = /(?<![\d-])\d{9}\s?-\s?\d{4}(?![\d-])/gu;

const readBin: Reader<string> = (text, from) => {
  const m = BIN.exec(text.slice(from));
  const raw = m?.[1];
  if (!m || !raw) return undefined;
  const start = from + m[0].length - raw.length;
  const value = raw
    .replace(/[Oo]/gu, "0")
    .replace(/[)\]|]/gu, "1")
    .replace(/\D/gu, "");
  return { start, end: start + raw.length, value };
};

const readPhone: Reader<string> = (text, from) => {
  const [p] = findPhones(text.slice(from));
  return p && { start: from + p.start, end: from + p.end, value: p.number };
};

/** Titles of names abbreviated with a visarga: মোঃ (Md.), মোছাঃ (Mst.), ডাঃ (Dr.). */
const TITLES = /(?<![\p{L}\p{M}])(?:মোঃ|মোছাঃ|মোসাঃ|ডাঃ)/gu;

/** A name or address after its label: up to the next label on the line (`করিম ঠিকানা: মিরপুর`). */
const readText: Reader<string> = (text, from) => {
  const rest = text.slice(from);
  const lead = /^[\s:ঃ.\-–]*/u.exec(rest)?.[0].length ?? 0;
  const cut = nextLabelAt(rest, lead);
  const value = rest.slice(lead, cut).replace(/[\s,.;:]+$/u, "");
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  // A cell that is itself a label (`Bill No:`) is not a value, unless what ends at the colon is a
  // known label after the value (`করিম তারিখ:`); `মোঃ`, `মোছাঃ` are a name's titles.
  const next = rest.slice(cut).trim();
  const label =
    startsWithFieldLabel(rest) ||
    (/^[^:ঃ]{1,30}[:ঃ]/u.test(rest.slice(lead).replace(TITLES, "")) &&
      !startsWithFieldLabel(next) &&
      !partyLabel(next));
  if (letters < 2 || label || findDates(value).length > 0 || findPhones(value).length > 0) {
    return undefined;
  }
  return { start: from + lead, end: from + lead + value.length, value };
};

/** Where the next label starts after `from`: a word before a colon, or a known field's label. */
function nextLabelAt(text: string, from: number): number {
  const colon = text.slice(from).search(/\s\S+\s?[:ঃ]/u);
  const end = colon >= 0 ? from + colon : text.length;
  for (const m of text.slice(from, end).matchAll(/\s+/gu)) {
    const at = from + m.index;
    if (startsWithFieldLabel(text.slice(at))) return at;
  }
  return end;
}

interface Labelled {
  line: TextLine;
  label: PartyLabel;
  party: Party;
}

/** How many rows above a label without a party may be looked at for the party it continues. */
const CONTEXT_ROWS = 2;

/**
 * Every party label on the page with the party it belongs to. A plain "Name:" is the buyer's
 * (the supplier's name is printed, not filled in); other plain labels continue the party of a
 * label in the rows just above, else are the supplier's.
 */
function labelsOf(lines: readonly TextLine[]): Labelled[] {
  const out: Array<Labelled & { row: number }> = [];
  rows(lines).forEach((row, r) => {
    for (const line of row) {
      const label = partyLabel(line.text);
      if (!label) continue;
      const buyerAbove = out.some((o) => o.party === "buyer" && o.row >= r - CONTEXT_ROWS);
      const party = label.party ?? (label.field === "name" || buyerAbove ? "buyer" : "supplier");
      out.push({ line, label, party, row: r });
    }
  });
  return out;
}

function sourceOf(l: Labelled): Source {
  return l.label.party ? "strongLabel" : "label";
}

const READERS: Record<PartyField, Reader<string>> = {
  bin: readBin,
  phone: readPhone,
  address: readText,
  name: readText,
};

/** The values of one party's labels of one field, first on the page first. */
function values(
  lines: readonly TextLine[],
  labels: readonly Labelled[],
  party: Party,
  field: PartyField,
): Array<Hit<string> & { from: Labelled }> {
  return labels
    .filter((l) => l.party === party && l.label.field === field)
    .flatMap((from) => {
      const rest = from.line.text.slice(from.label.end).trim();
      const alone = rest === "" || startsWithFieldLabel(rest);
      const hit = valueNear(lines, from.line, from.label.end, READERS[field], { below: alone });
      return hit ? [{ ...hit, from }] : [];
    });
}

function best(
  hits: ReadonlyArray<Hit<string> & { from: Labelled }>,
): ExtractedField<string> | undefined {
  const [first] = hits;
  return first && fieldAt(first, { source: sourceOf(first.from), rivals: rivalsOf(hits) });
}

/** A BIN in its old printed form in the supplier's part of the page, with no label at all. */
function unlabelledBin(lines: readonly TextLine[], buyerLines: Set<TextLine>) {
  for (const line of lines) {
    if (buyerLines.has(line)) continue;
    for (const m of line.text.matchAll(BIN_FORM)) {
      const value = m[0].replace(/\D/gu, "");
      return fieldAt(
        { line, start: m.index, end: m.index + m[0].length, value },
        { source: "distinctive" },
      );
    }
  }
  return undefined;
}

/** The first phone number in the top part of the page outside the buyer's lines. */
function unlabelledPhone(lines: readonly TextLine[], buyerLines: Set<TextLine>) {
  const { top, bottom } = textExtent(lines);
  const limit = top + (bottom - top) * 0.4;
  for (const line of lines) {
    if (buyerLines.has(line) || line.box.y0 > limit) continue;
    const [p] = findPhones(line.text);
    if (p)
      return fieldAt({ line, start: p.start, end: p.end, value: p.number }, { source: "typical" });
  }
  return undefined;
}

/** Lines a buyer label governs: its own and, under a label standing alone, the block below it. */
function buyerLinesOf(lines: readonly TextLine[], labels: readonly Labelled[]): Set<TextLine> {
  const out = new Set<TextLine>();
  for (const l of labels.filter((x) => x.party === "buyer")) {
    out.add(l.line);
    let last = l.line;
    for (let i = 0; i < 3; i++) {
      const next = below(lines, last);
      if (!next || partyLabel(next.text)) break;
      out.add(next);
      last = next;
    }
  }
  return out;
}

/** The lines that are about the buyer: its labels and the block under a "Bill To". */
export function buyerLines(lines: readonly TextLine[]): Set<TextLine> {
  return buyerLinesOf(lines, labelsOf(lines));
}

/** Supplier BIN, phone and labelled address; buyer name and BIN. */
export function extractParties(lines: readonly TextLine[]): PartyFields {
  const labels = labelsOf(lines);
  const buyerLines = buyerLinesOf(lines, labels);
  const out: PartyFields = {};
  const supplierBin =
    best(values(lines, labels, "supplier", "bin")) ?? unlabelledBin(lines, buyerLines);
  if (supplierBin) out.supplierBin = supplierBin;
  const phone =
    best(values(lines, labels, "supplier", "phone")) ?? unlabelledPhone(lines, buyerLines);
  if (phone) out.supplierPhone = phone;
  const address = best(values(lines, labels, "supplier", "address"));
  if (address) out.supplierAddress = address;
  const buyerName = best(values(lines, labels, "buyer", "name"));
  if (buyerName) out.buyerName = buyerName;
  const buyerBin = best(values(lines, labels, "buyer", "bin"));
  if (buyerBin) out.buyerBin = buyerBin;
  return out;
}
