/**
 * Labels of the parties to an invoice: whose name, BIN, address or phone a label announces —
 * "ক্রেতার বিআইএন", "Name of Registered Person", "Bill To:", "BIN:", "নাম:".
 */
import { words } from "./word-match";

export type Party = "supplier" | "buyer";
export type PartyField = "name" | "bin" | "address" | "phone";

export interface PartyLabel {
  /** Undefined when the label names no party ("BIN:", "ঠিকানা:"); the layout decides. */
  party?: Party;
  field: PartyField;
  /** Where the label ends in the text. */
  end: number;
}

const BUYER = words(
  "ক্রেতা(?:র)?",
  "buyer(?:'?s)?",
  "customer(?:'?s)?",
  "client(?:'?s)?",
  "purchaser(?:'?s)?",
  "consignee(?:'?s)?",
  String.raw`bill(?:ed)?\s?to`,
  String.raw`sold\s?to`,
  "গ্রহীতা(?:র)?",
  String.raw`(?:বিল\s?)?প্রাপক(?:ের)?`,
  "ক্রয়কারী(?:র)?",
);
/** Where the goods go: the buyer's address on a Mushak-6.3. */
const DESTINATION = words(String.raw`সরবরাহের\s?গন্তব্যস্থল`, String.raw`destination\s?of\s?supply`);
const SUPPLIER = words(
  "supplier(?:'?s)?",
  "seller(?:'?s)?",
  "vendor(?:'?s)?",
  "বিক্রেতা(?:র)?",
  "সরবরাহকারী(?:র)?",
  // নিবন্ধিত as Tesseract misreads its conjunct (নিবস্কিত): the word is never anything else here.
  // ব্যাক্তি: the common misspelling, and a misreading. Read faint, নিবন্ধিত comes out as Latin
  // letters (`fale ব্যাক্তির নাম:`); its ন may come out স (`সিবস্কিত`).
  String.raw`(?:[নস]িব[^\s:]{1,4}ত|[A-Za-z]{2,6})\s?ব্যা?ক্তি(?:র)?`,
  String.raw`registered\s?person`,
  String.raw`(?:invoice\s?)?issue`,
  String.raw`চালানপত্র\s?ইস্যুর`,
);
/** People named on the page who are neither party: signatories, staff. */
const NOT_A_PARTY = words(
  "authori[sz]ed",
  "signature",
  "designation",
  String.raw`prepared\s?by`,
  String.raw`received\s?by`,
  String.raw`checked\s?by`,
  "salesman",
  "cashier",
  "কর্তৃপক্ষের",
  "দায়িত্বপ্রাপ্ত",
  "স্বাক্ষর",
  "পদবি",
  "বিক্রয়কর্মী",
);
const FIELDS: ReadonlyArray<readonly [PartyField, RegExp]> = [
  [
    "bin",
    words(
      "bin",
      // Its I lost in a faint hand, right before the number: `BN:0011672040202`.
      String.raw`bn(?=[:.]?\s?\d|$)`,
      String.raw`b\.\s?i\.\s?n\.?`,
      "বিআইএন",
      "বিন",
      String.raw`business\s?identification\s?(?:number|no\.?)`,
      String.raw`vat\s?reg(?:istration)?\.?\s?(?:no\.?|number)`,
      String.raw`(?:মূসক|ভ্যাট)\s?নিবন্ধন\s?(?:নং|নম্বর)`,
    ),
  ],
  [
    "phone",
    words(
      "phone",
      String.raw`tel\.?`,
      "telephone",
      "mobile",
      String.raw`mob\.?`,
      "cell",
      "hotline",
      "contact",
      "ফোন",
      "টেলিফোন",
      "মোবাইল",
      "হটলাইন",
      "যোগাযোগ",
    ),
  ],
  ["address", words("address", String.raw`addr\.?`, "ঠিকানা")],
  // লাম: নাম with its ন misread, as faint print gives it; after ব্যক্তির, read as Latin (`am.`).
  ["name", words("name", "[নল]াম", String.raw`(?<=ক্তির\s)[a-z]{2,3}[.:]`)],
];
/** How far into a line a label may run: labels are short, values follow. */
const MAX_LABEL_CHARS = 60;

function labelEnd(colon: number, ...matches: Array<RegExpExecArray | null>): number {
  if (colon >= 0) return colon + 1;
  return Math.max(...matches.map((m) => (m ? m.index + m[0].length : 0)));
}

/**
 * The party label a line starts with, if any: a field word (name, BIN, address, phone) opening
 * the line or following a party word ("ক্রেতার নাম", "BIN of Registered Person"), or a party word
 * alone ("Bill To:", "ক্রেতা:"), which announces a name. The label runs to its colon if it has one.
 */
export function partyLabel(line: string): PartyLabel | undefined {
  const text = line.normalize("NFC");
  const found = text.search(/[:ঃ]/u);
  const colon = found >= 0 && found <= MAX_LABEL_CHARS ? found : -1;
  const head = text.slice(0, colon >= 0 ? colon : MAX_LABEL_CHARS);
  if (NOT_A_PARTY.test(head)) return undefined;
  const destination = DESTINATION.exec(head);
  if (destination?.index === 0) {
    return { party: "buyer", field: "address", end: labelEnd(colon, destination) };
  }
  const partyWord = BUYER.exec(head) ?? SUPPLIER.exec(head);
  const party: Party | undefined = !partyWord
    ? undefined
    : BUYER.test(partyWord[0])
      ? "buyer"
      : "supplier";
  const partyEnd = partyWord ? partyWord.index + partyWord[0].length : 0;
  const field = FIELDS.map(([name, re]) => ({ name, m: re.exec(head) }))
    .filter((f): f is { name: PartyField; m: RegExpExecArray } => f.m !== null)
    .sort((a, b) => a.m.index - b.m.index)[0];
  if (field) {
    // `Name:` or `ক্রেতার নাম`: the field word opens the label or follows its party word.
    const opens = field.m.index <= 3 || (partyWord !== null && field.m.index <= partyEnd + 3);
    if (!opens) return undefined;
    const end = labelEnd(colon, field.m, partyWord);
    return { ...(party && { party }), field: field.name, end };
  }
  // A party word alone is the label of a name: `Bill To:`, `ক্রেতা:`, `বিল প্রাপক / Bill To:`.
  const rest = head.slice(partyEnd).replace(new RegExp(BUYER.source, "giu"), "");
  const alone = partyWord && partyWord.index <= 3 && /^[\s/|]*$/u.test(rest);
  return alone && party ? { party, field: "name", end: labelEnd(colon, partyWord) } : undefined;
}
