import { nearestMeaning } from "./text-similarity";

/**
 * Bengali number words. Unlike English, every number from 1 to 99 has its own word (৫৯ is ঊনষাট,
 * "one short of sixty"), so they are listed in full, with the spellings invoices commonly use.
 */

/** Index = value; spellings separated by `|`. */
const ONE_TO_NINETY_NINE = [
  "শূন্য",
  "এক",
  "দুই|দুয়ে|দু",
  "তিন",
  "চার",
  "পাঁচ",
  "ছয়|ছ",
  "সাত",
  "আট",
  "নয়|নও",
  "দশ",
  "এগারো|এগার",
  "বারো|বার",
  "তেরো|তের",
  "চৌদ্দ|চোদ্দ|চোদ্দো",
  "পনেরো|পনের|পনর",
  "ষোলো|ষোল",
  "সতেরো|সতের",
  "আঠারো|আঠার",
  "উনিশ|ঊনিশ",
  "বিশ|কুড়ি|বিস",
  "একুশ",
  "বাইশ",
  "তেইশ",
  "চব্বিশ",
  "পঁচিশ",
  "ছাব্বিশ",
  "সাতাশ",
  "আটাশ",
  "ঊনত্রিশ|উনত্রিশ",
  "ত্রিশ|তিরিশ",
  "একত্রিশ",
  "বত্রিশ",
  "তেত্রিশ",
  "চৌত্রিশ|চোত্রিশ",
  "পঁয়ত্রিশ",
  "ছত্রিশ",
  "সাঁইত্রিশ",
  "আটত্রিশ",
  "ঊনচল্লিশ|উনচল্লিশ",
  "চল্লিশ",
  "একচল্লিশ",
  "বিয়াল্লিশ|বেয়াল্লিশ",
  "তেতাল্লিশ",
  "চুয়াল্লিশ",
  "পঁয়তাল্লিশ",
  "ছেচল্লিশ",
  "সাতচল্লিশ",
  "আটচল্লিশ",
  "ঊনপঞ্চাশ|উনপঞ্চাশ",
  "পঞ্চাশ",
  "একান্ন",
  "বাহান্ন|বায়ান্ন",
  "তিপ্পান্ন|তেপ্পান্ন",
  "চুয়ান্ন",
  "পঞ্চান্ন",
  "ছাপ্পান্ন",
  "সাতান্ন",
  "আটান্ন",
  "ঊনষাট|উনষাট",
  "ষাট",
  "একষট্টি",
  "বাষট্টি",
  "তেষট্টি",
  "চৌষট্টি",
  "পঁয়ষট্টি",
  "ছেষট্টি",
  "সাতষট্টি",
  "আটষট্টি",
  "ঊনসত্তর|উনসত্তর",
  "সত্তর",
  "একাত্তর",
  "বাহাত্তর|বায়াত্তর",
  "তিয়াত্তর|তেয়াত্তর|তেহাত্তর",
  "চুয়াত্তর",
  "পঁচাত্তর",
  "ছিয়াত্তর",
  "সাতাত্তর",
  "আটাত্তর",
  "ঊনআশি|উনআশি|ঊনাশি|উনাশি",
  "আশি",
  "একাশি",
  "বিরাশি",
  "তিরাশি",
  "চুরাশি",
  "পঁচাশি",
  "ছিয়াশি",
  "সাতাশি",
  "অষ্টাশি",
  "ঊননব্বই|উননব্বই",
  "নব্বই",
  "একানব্বই",
  "বিরানব্বই",
  "তিরানব্বই",
  "চুরানব্বই",
  "পঁচানব্বই",
  "ছিয়ানব্বই",
  "সাতানব্বই",
  "আটানব্বই",
  "নিরানব্বই",
];

/** Bengali words for 0–99, NFC (য় decomposes), each to its value. */
export const BANGLA_NUMBERS: ReadonlyMap<string, number> = new Map(
  ONE_TO_NINETY_NINE.flatMap((spellings, value) =>
    spellings.split("|").map((w) => [w.normalize("NFC"), value] as const),
  ),
);

/**
 * A Bengali word as Tesseract often reads it: a doubled consonant's conjunct as the one consonant
 * (ছেষট্টি as ছেষটি, পঞ্চান্ন as পঞ্চান) or with an i-sign for its hasanta (ছাব্বিশ as ছাবিবিশ),
 * the candrabindu dropped (সাঁইত্রিশ as সাইত্রিশ), ষ as the য it resembles (ষাট as যাট).
 */
function banglaSkeleton(word: string): string {
  return word
    .normalize("NFC")
    .replace(/([\u0995-\u09B9])[\u09CD\u09BF]\1/gu, "$1")
    .replace(/\u0981/gu, "")
    .replace(/ষ/gu, "য");
}

/**
 * Number words by their skeleton, where it is no number word itself and names one number only:
 * the misreads `BANGLA_NUMBERS` does not list.
 */
const BANGLA_NUMBER_SKELETONS: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, Set<number>>();
  for (const [word, value] of BANGLA_NUMBERS) {
    const skeleton = banglaSkeleton(word);
    values.set(skeleton, (values.get(skeleton) ?? new Set()).add(value));
  }
  return new Map(
    [...values]
      .filter(([skeleton, found]) => found.size === 1 && !BANGLA_NUMBERS.has(skeleton))
      .map(([skeleton, found]) => [skeleton, [...found][0] ?? 0] as const),
  );
})();

/** Every number word, as spelt and as its skeleton, with the number it names. */
const ALL_FORMS = [...BANGLA_NUMBERS].flatMap(([word, value]) => [
  [word.normalize("NFC"), value] as const,
  [banglaSkeleton(word), value] as const,
]);
// A long word misread in a letter or two (উনসত্তর as উনসম্ভর) is the number word it is that near
// to, where every other number's is farther by two edits more.
const NEAR_MIN_LENGTH = 6;
const NEAR_EDITS = 2;
const NEAR_MARGIN = 2;

function nearestNumber(word: string): number | undefined {
  if ([...word].length < NEAR_MIN_LENGTH) return undefined;
  return nearestMeaning([word, banglaSkeleton(word)], ALL_FORMS, NEAR_EDITS, NEAR_MARGIN);
}

/** The number a Bengali number word names, as spelt or as the OCR commonly misreads it. */
export function banglaNumber(word: string): number | undefined {
  const exact = BANGLA_NUMBERS.get(word);
  if (exact !== undefined) return exact;
  const skeleton = banglaSkeleton(word);
  return BANGLA_NUMBER_SKELETONS.get(skeleton) ?? nearestNumber(word.normalize("NFC"));
}

/** Multipliers: শত/শো/শ for a hundred (also glued on: নয়শত, পাঁচশো), then the Indian scales. */
export const BANGLA_SCALES: ReadonlyMap<string, number> = new Map([
  ["শত", 100],
  ["শো", 100],
  ["শ", 100],
  ["হাজার", 1_000],
  ["সহস্র", 1_000],
  ["লক্ষ", 100_000],
  ["লাখ", 100_000],
  ["কোটি", 10_000_000],
]);

/** দেড় হাজার is 1,500 and আড়াই লাখ 2,50,000: one and a half, two and a half. */
export const BANGLA_FRACTIONS: ReadonlyMap<string, number> = new Map(
  [
    ["দেড়", 1.5],
    ["আড়াই", 2.5],
  ].map(([w, v]) => [String(w).normalize("NFC"), Number(v)] as const),
);

/** সাড়ে: "and a half", before the number it adds to (সাড়ে তিন হাজার = 3,500). */
export const BANGLA_AND_A_HALF = "সাড়ে".normalize("NFC");
