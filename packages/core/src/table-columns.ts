import { wordsSource } from "./word-match";

/** The columns of an item table, told apart by their headings in English and Bengali. */
export type ColumnKind =
  | "serial"
  | "description"
  | "unit"
  | "quantity"
  | "unitPrice"
  | "amount"
  | "paisa"
  | "vatRate"
  | "vatAmount"
  | "gross"
  | "other";

/**
 * Headings by kind. Where one heading contains another's word (`মূল্য সংযোজন করের হার` holds
 * `মূল্য`, `Unit Price` holds `Unit`), the longer kind comes first: at one position, the first
 * alternative that matches wins.
 */
const HEADINGS: ReadonlyArray<readonly [ColumnKind, readonly string[]]> = [
  [
    "gross",
    [
      String.raw`সকল\s?প্রকার\s?শুল্ক\s?ও\s?করসহ\s?মূল্য`,
      String.raw`(?:value|amount|total)\s?incl(?:\.|uding|usive)?(?:\s?(?:of|all|duties|and|taxes|vat))*`,
      String.raw`gross(?:\s?amount)?`,
    ],
  ],
  [
    "vatRate",
    [
      String.raw`(?:মূসকের|ভ্যাটের|ভ্যাট)\s?হার`,
      String.raw`মূল্য\s?সংযোজন\s?করের\s?হার(?:\s?/\s?সুনির্দিষ্ট\s?কর)?`,
      String.raw`(?:vat|tax)\s?(?:rate|%|\(%\))`,
      String.raw`rate\s?of\s?vat`,
    ],
  ],
  [
    "vatAmount",
    [
      String.raw`(?:মূসকের|ভ্যাটের)\s?পরিমাণ`,
      String.raw`মূল্য\s?সংযোজন\s?কর(?:\s?/\s?সুনির্দিষ্ট\s?কর)?(?:\s?এর)?(?:\s?পরিমাণ)?`,
      String.raw`(?:vat|tax)\s?amount`,
      "vat",
      "মূসক(?:ের)?",
      "ভ্যাট",
    ],
  ],
  [
    "other",
    [
      String.raw`সম্পূরক\s?শুল্কের\s?(?:হার|পরিমাণ)`,
      String.raw`supplementary\s?duty(?:\s?(?:rate|amount))?`,
      String.raw`(?:item\s?)?code`,
      String.raw`disc(?:ount)?\.?(?:\s?%)?`,
    ],
  ],
  [
    "serial",
    [
      String.raw`ক্রমিক(?:\s?(?:সংখ্যা|নং|নম্বর))?`,
      String.raw`ক্রঃ\s?নং`,
      String.raw`s\.?\s?l\.?(?:\s?no\.?)?`,
      String.raw`serial(?:\s?no\.?)?`,
      String.raw`no\.`,
      "নং",
    ],
  ],
  [
    "unitPrice",
    [
      String.raw`একক\s?মূল্য`,
      String.raw`unit\s?(?:price|cost)`,
      String.raw`u\s?/?\s?price`,
      "rate",
      "price",
      "দর",
    ],
  ],
  [
    "amount",
    [
      String.raw`মোট\s?মূল্য`,
      String.raw`total\s?(?:price|amount|value)`,
      String.raw`line\s?total`,
      "amount",
      String.raw`amt\.?`,
      "total",
      "value",
      "মূল্য",
      "টাকা",
      "মোট",
    ],
  ],
  ["paisa", ["পয়সা", String.raw`ps\.?`, "paisa", "poisha"]],
  ["quantity", [String.raw`qty\.?`, "quantity", "পরিমাণ", "সংখ্যা", "pcs"]],
  ["unit", [String.raw`সরবরাহের\s?একক`, String.raw`unit\s?of\s?supply`, "unit", "uom", "একক"]],
  [
    "description",
    [
      String.raw`পণ্য\s?বা\s?সেবার\s?বর্ণনা`,
      String.raw`(?:পণ্যের|মালের)\s?বিবরণ`,
      String.raw`description(?:\s?of\s?goods(?:\s?or\s?services)?)?`,
      String.raw`desc\.?`,
      "particulars",
      "details",
      String.raw`items?(?:\s?name)?`,
      "products?",
      "goods",
      "বিবরণ",
      "বর্ণনা",
      "পণ্য",
    ],
  ],
];

const HEADING = new RegExp(
  HEADINGS.map(([kind, alternatives]) => `(?<${kind}>${wordsSource(...alternatives)})`).join("|"),
  "giu",
);

/** A column heading found in a text. */
export interface Heading {
  kind: ColumnKind;
  start: number;
  end: number;
}

/** The column headings in a text, left to right (NFC, as `textLines` gives). */
export function headingsIn(text: string): Heading[] {
  return [...text.matchAll(HEADING)].flatMap((m) => {
    const kind = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    return kind ? [{ kind: kind as ColumnKind, start: m.index, end: m.index + m[0].length }] : [];
  });
}
