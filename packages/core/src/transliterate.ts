/**
 * Bengali script in Latin letters, the way shop signs and invoices spell Bengali names in English
 * ("মেঘনা স্টোর্স" → "meghna stors"): close enough that the same name written in either script
 * shares most of its letter triples, which is what supplier matching compares.
 */
const CONSONANTS: Record<string, string> = {
  ক: "k",
  খ: "kh",
  গ: "g",
  ঘ: "gh",
  ঙ: "ng",
  চ: "ch",
  ছ: "chh",
  জ: "j",
  ঝ: "jh",
  ঞ: "n",
  ট: "t",
  ঠ: "th",
  ড: "d",
  ঢ: "dh",
  ণ: "n",
  ত: "t",
  থ: "th",
  দ: "d",
  ধ: "dh",
  ন: "n",
  প: "p",
  ফ: "f",
  ব: "b",
  ভ: "bh",
  ম: "m",
  য: "j",
  র: "r",
  ল: "l",
  শ: "sh",
  ষ: "sh",
  স: "s",
  হ: "h",
  "\u09DC": "r",
  "\u09DD": "rh",
  "\u09DF": "y",
  ৎ: "t",
};
const VOWELS: Record<string, string> = {
  অ: "o",
  আ: "a",
  ই: "i",
  ঈ: "i",
  উ: "u",
  ঊ: "u",
  ঋ: "ri",
  এ: "e",
  ঐ: "oi",
  ও: "o",
  ঔ: "ou",
};
const SIGNS: Record<string, string> = {
  "া": "a",
  "ি": "i",
  "ী": "i",
  "ু": "u",
  "ূ": "u",
  "ৃ": "ri",
  "ে": "e",
  "ৈ": "oi",
  "ো": "o",
  "ৌ": "ou",
};
const HASANTA = "্";
const MARKS: Record<string, string> = { "ং": "ng", "ঃ": "h", "ঁ": "" };

export function transliterate(text: string): string {
  // NFC keeps ড়, ঢ়, য় as consonant + nukta (they are composition exclusions): read them as one.
  const s = text
    .normalize("NFC")
    .replace(/\u09A1\u09BC/g, "\u09DC")
    .replace(/\u09A2\u09BC/g, "\u09DD")
    .replace(/\u09AF\u09BC/g, "\u09DF");
  let out = "";
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const next = chars[i + 1];
    // য after a hasanta is the "ya" sign (্য): a y, not a j ("হার্ডওয়্যার" → "hardoyyar").
    const consonant = c === "য" && chars[i - 1] === HASANTA ? "y" : CONSONANTS[c];
    if (consonant !== undefined) {
      out += consonant;
      if (next !== undefined && SIGNS[next] !== undefined) {
        out += SIGNS[next];
        i++;
      } else if (next === HASANTA) {
        i++;
      } else if (next !== undefined && CONSONANTS[next] !== undefined) {
        // The inherent vowel: spoken after a word's first consonant, and names spell it "a"
        // ("করিম" → "karim"); mostly silent after the others ("মেঘনা" → "meghna").
        const previous = chars[i - 1];
        if (previous === undefined || !/[\u0980-\u09FF]/.test(previous)) out += "a";
      }
      continue;
    }
    out += VOWELS[c] ?? SIGNS[c] ?? MARKS[c] ?? (c === HASANTA ? "" : c);
  }
  return out;
}
