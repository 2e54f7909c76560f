import {
  BANGLA_AND_A_HALF,
  BANGLA_FRACTIONS,
  BANGLA_SCALES,
  banglaNumber,
} from "./bangla-number-words";
import { nearestMeaning } from "./text-similarity";
import { words } from "./word-match";

/**
 * Amounts written in words, as invoices and cash memos spell out the total: "Taka Eleven
 * Thousand Nine Hundred Only", "One Lakh Fifteen Thousand Taka and Fifty Paisa Only", "one hundred
 * fifteen thousand", "এক লক্ষ পনেরো হাজার টাকা মাত্র", "এগারো হাজার নয়শত টাকা".
 */

const UNITS =
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " +
  "fifteen sixteen seventeen eighteen nineteen";
const TENS = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60 };
const MORE_TENS = { seventy: 70, eighty: 80, ninety: 90, ninty: 90 };
const ENGLISH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...UNITS.split(" ").map((w, i) => [w, i] as const),
  ...Object.entries({ ...TENS, ...MORE_TENS }),
]);
const ENGLISH_SCALES: ReadonlyMap<string, number> = new Map([
  ["hundred", 100],
  ["thousand", 1_000],
  ["lakh", 100_000],
  ["lakhs", 100_000],
  ["lac", 100_000],
  ["lacs", 100_000],
  ["million", 1_000_000],
  ["crore", 10_000_000],
  ["crores", 10_000_000],
]);
const TAKA = new Set(["taka", "tk", "bdt", "টাকা"]);
const PAISA = new Set(["paisa", "paise", "poisha", "poisa", "poysa", "পয়সা".normalize("NFC")]);
/** Words allowed inside an amount in words that carry no value. */
const FILLER = new Set(["and", "only", "bangladeshi", "ও", "এবং", "মাত্র", "বাংলাদেশী"]);
const CLOSING = new Set(["only", "মাত্র"]);

type Token =
  | { kind: "number"; value: number }
  | { kind: "scale"; value: number }
  | { kind: "half" }
  | { kind: "taka" | "paisa" | "filler" };

/** Bengali numbers with a multiplier glued on: নয়শত, পাঁচশো, দুইশ. */
function gluedScale(word: string): Token[] | undefined {
  for (const [scale, value] of BANGLA_SCALES) {
    const head = word.slice(0, -scale.length);
    const n = word.endsWith(scale) ? banglaNumber(head) : undefined;
    if (n !== undefined && n > 0)
      return [
        { kind: "number", value: n },
        { kind: "scale", value },
      ];
  }
  return undefined;
}

// An English number word misread in a letter (Thausand, Hundhed, Seveaty, Tuenty), or two in a
// long one, on a line labelled as the amount in words: the one number word it is that near to.
const ENGLISH_FORMS: ReadonlyArray<readonly [string, Token]> = [
  ...[...ENGLISH_NUMBERS].map(([w, value]) => [w, { kind: "number", value }] as const),
  ...[...ENGLISH_SCALES].map(([w, value]) => [w, { kind: "scale", value }] as const),
];
const NEAR_MIN_LENGTH = 5;
const NEAR_MARGIN = 2;

function nearEnglish(w: string): Token | undefined {
  if (w.length < NEAR_MIN_LENGTH || !/^[a-z]+$/u.test(w)) return undefined;
  return nearestMeaning([w], ENGLISH_FORMS, w.length >= 7 ? 2 : 1, NEAR_MARGIN);
}

/** A word's tokens; `near` also takes an English number word misread (`nearEnglish`). */
function tokensOf(word: string, near = false): Token[] | undefined {
  const w = word.toLowerCase();
  const number = ENGLISH_NUMBERS.get(w) ?? banglaNumber(w) ?? BANGLA_FRACTIONS.get(w);
  if (number !== undefined) return [{ kind: "number", value: number }];
  const scale = ENGLISH_SCALES.get(w) ?? BANGLA_SCALES.get(w);
  if (scale !== undefined) return [{ kind: "scale", value: scale }];
  if (w === BANGLA_AND_A_HALF) return [{ kind: "half" }];
  if (TAKA.has(w)) return [{ kind: "taka" }];
  if (PAISA.has(w)) return [{ kind: "paisa" }];
  if (FILLER.has(w)) return [{ kind: "filler" }];
  const glued = gluedScale(w);
  if (glued || !near) return glued;
  const misread = nearEnglish(w);
  return misread && [misread];
}

/** The number a run of number words says ("one lakh fifteen thousand"); markers are skipped. */
function numberOf(tokens: readonly Token[]): number {
  let total = 0;
  let group = 0;
  let half = false;
  for (const t of tokens) {
    if (t.kind === "number") {
      group += t.value + (half ? 0.5 : 0);
      half = false;
    } else if (t.kind === "half") half = true;
    else if (t.kind === "scale" && t.value === 100) group = (group || 1) * 100;
    else if (t.kind === "scale") {
      total += (group || 1) * t.value;
      group = 0;
    }
  }
  return total + group;
}

/**
 * Where the paisa are in a run: the number words after a paisa word ("… and Paisa Fifty"), else
 * those just before it — one word, or a tens word and a unit ("Seventy Five Paisa", "পঞ্চাশ পয়সা").
 */
function paisaSpan(tokens: readonly Token[]): { from: number; to: number } | undefined {
  const at = tokens.findIndex((t) => t.kind === "paisa");
  if (at < 0) return undefined;
  const isNumber = (i: number) => tokens[i]?.kind === "number";
  if (isNumber(at + 1)) {
    let to = at + 1;
    while (isNumber(to)) to++;
    return { from: at + 1, to };
  }
  if (!isNumber(at - 1)) return undefined;
  const last = tokens[at - 1];
  const before = tokens[at - 2];
  const unitAfterTens =
    last?.kind === "number" && last.value < 10 && before?.kind === "number" && before.value >= 20;
  return { from: unitAfterTens ? at - 2 : at - 1, to: at };
}

/**
 * The value of a run of tokens in poisha, or null. Taka and paisa words may follow their numbers
 * ("… Taka and Fifty Paisa") or precede them ("Taka … and Paisa Fifty"), or mix the two.
 */
function poishaOf(tokens: readonly Token[]): number | null {
  const span = paisaSpan(tokens);
  const paisa = span ? numberOf(tokens.slice(span.from, span.to)) : 0;
  const taka = numberOf(span ? [...tokens.slice(0, span.from), ...tokens.slice(span.to)] : tokens);
  // দেড়/আড়াই need a multiplier; a half left over means the words were cut off. So does a taka
  // word with no taka before it or after it (`… টাকা পঞ্চাশ পয়সা`, its taka words unread).
  if (!Number.isInteger(taka) || !Number.isInteger(paisa) || paisa >= 100) return null;
  if (taka === 0 && tokens.some((t) => t.kind === "taka")) return null;
  const poisha = taka * 100 + paisa;
  return poisha > 0 && Number.isSafeInteger(poisha) ? poisha : null;
}

// Words read after a run, up to the taka or "only" that ends the amount, for it to be garbled.
const GARBLED_SPAN = 5;

/**
 * Whether the words after a run are an unknown word and then, a few words on, the taka or "only"
 * that should have ended it: a number word of it was misread (`চারশত পঞ্চার টাকা মাত্র`,
 * `এক লক্ষ পড়ান্তর হাজ্যার টাকা`).
 */
function garbledBeforeTaka(tail: string): boolean {
  const after = [...tail.matchAll(/[\p{L}\p{M}]+/gu)].slice(0, GARBLED_SPAN).map((m) => m[0]);
  const [next] = after;
  if (!next || tokensOf(next) || !/^\s+[\p{L}\p{M}]/u.test(tail)) return false;
  return after.slice(1).some((w) => {
    const ending = tokensOf(w)?.[0]?.kind;
    return ending === "taka" || ending === "paisa" || CLOSING.has(w.toLowerCase());
  });
}

/** An amount in words found in a text, with its position and whether it was closed by "only". */
export interface WordsAmount {
  poisha: number;
  start: number;
  end: number;
  closed: boolean;
}

const IN_WORDS = words(String.raw`in\s?words`, "কথায়", "অক্ষরে", String.raw`টাকা\s?\(?কথায়`);

/** Whether a text carries a label announcing an amount in words ("In words:", "কথায়"). */
export function hasInWordsLabel(text: string): boolean {
  return IN_WORDS.test(text.normalize("NFC"));
}

/**
 * Whether words name paisa after their taka (`কথায়: … চছাষ্লার টাকা পচাভুর পয়সা মাত্র`), however
 * garbled the numbers: the amount they say is not whole taka.
 */
export function namesPaisa(text: string): boolean {
  const kinds = [...text.normalize("NFC").matchAll(/[\p{L}\p{M}]+/gu)].map(
    (m) => tokensOf(m[0])?.[0]?.kind,
  );
  const taka = kinds.indexOf("taka");
  return taka >= 0 && kinds.indexOf("paisa", taka + 1) > 0;
}

/**
 * The amounts written in words in a text. A run of number words counts when it names money:
 * it carries a Taka/টাকা/Paisa word or "only/মাত্র", or the text is labelled "in words" (or
 * `labelled` says a label stands beside it).
 */
export function findAmountsInWords(text: string, labelled = false): WordsAmount[] {
  const s = text.normalize("NFC");
  const money = labelled || hasInWordsLabel(s);
  const out: WordsAmount[] = [];
  let run: Array<{ token: Token; start: number; end: number }> = [];
  // Number words cut off by an unknown one: what follows is the rest of a garbled amount
  // (`দুই লাখ WET হাজার পাঁচল্ত আশি টাকা` is no 80 taka).
  let broken = false;
  const close = (byUnknown = false) => {
    const cut = broken;
    const counted = run.some((r) => r.token.kind === "number" || r.token.kind === "scale");
    const complete = closeRun(byUnknown, cut);
    if (byUnknown && counted && !complete) broken = true;
  };
  /** Ends the run; whether it was a whole amount, ended by its taka or "only". */
  const closeRun = (byUnknown: boolean, cut: boolean): boolean => {
    const last = run.findLastIndex((r) => r.token.kind !== "filler");
    const used = run.slice(0, last + 1);
    run = [];
    const first = used.findIndex((r) => r.token.kind !== "filler");
    if (first < 0 || !used.some((r) => r.token.kind === "number")) return false;
    const tokens = used.slice(first).map((r) => r.token);
    const named = tokens.some((t) => t.kind === "taka" || t.kind === "paisa");
    const tail = s.slice(used.at(-1)?.end ?? 0);
    const closing = /^[\s,.\-/=)]*(\S+)/u
      .exec(tail)?.[1]
      ?.toLowerCase()
      .replace(/[.,]+$/u, "");
    const closed = closing !== undefined && CLOSING.has(closing);
    const poisha = poishaOf(tokens);
    // The rest of a garbled amount: neither it nor the piece before it, unless that one was ended.
    if (cut && poisha !== null) {
      if (out.at(-1)?.closed === false) out.pop();
      return false;
    }
    if (poisha === null || !(named || closed || money) || garbledBeforeTaka(tail)) return false;
    // Paisa after an "and" are the tail of an amount whose taka were lost (`ও পঞ্চাশ পয়সা মাত্র`).
    if (poisha < 100 && first > 0) return false;
    out.push({ poisha, start: used[first]?.start ?? 0, end: used.at(-1)?.end ?? 0, closed });
    return named || closed || !byUnknown;
  };
  for (const m of s.matchAll(/[\p{L}\p{M}]+/gu)) {
    const tokens = tokensOf(m[0], money);
    const last = run.at(-1);
    const gap = s.slice(last?.end ?? m.index, m.index);
    // Words of one amount are separated by spaces, hyphens and commas, nothing else; on a line
    // labelled as the amount in words, by the points a hand's pauses leave too (`Thousand. Seven`),
    // though not after its "only".
    const ended = last !== undefined && CLOSING.has(s.slice(last.start, last.end).toLowerCase());
    const separator = money && !ended ? /[^\s,.-]/u : /[^\s,-]/u;
    if (!tokens || separator.test(gap)) close(!tokens);
    if (!tokens) continue;
    for (const token of tokens) run.push({ token, start: m.index, end: m.index + m[0].length });
  }
  close();
  // Two amounts with only unknown words between them are pieces of one the OCR garbled
  // (`পাঁচ লক্ষ বাইল Tew wows নব্বই টাকা`): neither is the amount.
  const pieces = new Set<WordsAmount>();
  out.forEach((a, i) => {
    const b = out[i + 1];
    if (b && !a.closed && /^[^\p{N}]*[\p{L}][^\p{N}]*$/u.test(s.slice(a.end, b.start))) {
      pieces.add(a);
      pieces.add(b);
    }
  });
  return out.filter((a) => !pieces.has(a));
}
