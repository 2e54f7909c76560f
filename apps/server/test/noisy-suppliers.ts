import type { Sql } from "../src/db/sql";
import { matchSupplier } from "../src/suppliers/supplier-repo";

/**
 * Supplier names as Bangladeshi businesses write them, and noisy ways of writing them again
 * (slips, "M/S … Ltd.", Bengali for an English name): for testing and benchmarking matching.
 */
const RIVERS: [string, string][] = [
  ["Meghna", "মেঘনা"],
  ["Padma", "পদ্মা"],
  ["Jamuna", "যমুনা"],
  ["Surma", "সুরমা"],
  ["Karnaphuli", "কর্ণফুলী"],
  ["Titas", "তিতাস"],
  ["Rupsha", "রূপসা"],
  ["Teesta", "তিস্তা"],
  ["Buriganga", "বুড়িগঙ্গা"],
  ["Madhumati", "মধুমতি"],
  ["Kushiyara", "কুশিয়ারা"],
  ["Bhairab", "ভৈরব"],
  ["Gorai", "গড়াই"],
];
const OWNERS: [string, string][] = [
  ["Rahman", "রহমান"],
  ["Karim", "করিম"],
  ["Hossain", "হোসেন"],
  ["Islam", "ইসলাম"],
  ["Ahmed", "আহমেদ"],
];
const KINDS: [string, string][] = [
  ["Traders", "ট্রেডার্স"],
  ["Stores", "স্টোর্স"],
  ["Hardware", "হার্ডওয়্যার"],
  ["Enterprise", "এন্টারপ্রাইজ"],
  ["Foods", "ফুডস"],
  ["Electric", "ইলেকট্রিক"],
  ["Pharmacy", "ফার্মেসি"],
  ["Textiles", "টেক্সটাইল"],
];

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
export const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;

/** A typing slip: a letter dropped, doubled or two swapped. */
export function typo(name: string): string {
  const i = 1 + Math.floor(random() * (name.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + name[i] + name.slice(i);
    default:
      return name.slice(0, i - 1) + name[i] + name[i - 1] + name.slice(i + 1);
  }
}

/** Up to `count` distinct suppliers, English and Bengali names (about 350 at most). */
export function supplierNames(count: number): { en: string; bn: string }[] {
  const out: { en: string; bn: string }[] = [];
  for (const [r, rb] of RIVERS) {
    for (const [o, ob] of OWNERS) {
      for (const [k, kb] of KINDS) {
        // Not every river has every owner's every kind of shop: near names are not all taken.
        if (out.length < count && (r.length + o.length + k.length) % 3 !== 1) {
          out.push({ en: `${r} ${o} ${k}`, bn: `${rb} ${ob} ${kb}` });
        }
      }
    }
  }
  return out;
}

/** `count` noisy names of suppliers in the list (want: the English name), then 4 of shops not in it. */
export function noisyQueries(
  suppliers: { en: string; bn: string }[],
  count: number,
): { text: string; want: string | null }[] {
  const queries: { text: string; want: string | null }[] = [];
  for (let i = 0; i < count; i++) {
    const s = pick(suppliers);
    const variants = [
      typo(s.en),
      `M/S. ${s.en} Ltd.`,
      s.bn,
      `মেসার্স ${s.bn}`,
      s.en.toUpperCase(),
      `${typo(s.en)} Ltd`,
    ];
    queries.push({ text: variants[i % variants.length] as string, want: s.en });
  }
  for (const name of ["Sonar Bangla Traders", "Mukti Hardware", "Shapla Foods", "Nodi Textiles"]) {
    queries.push({ text: name, want: null });
  }
  return queries;
}

/** The suppliers as a CSV sheet for the import; half are known by their English name only. */
export const suppliersSheet = (suppliers: { en: string; bn: string }[]) =>
  ["name,name bn", ...suppliers.map((s, i) => `${s.en},${i % 2 === 0 ? s.bn : ""}`)].join("\n");

/** Matches each query and counts: precision over the matches made, recall over the known ones. */
export async function measureMatching(
  db: Sql,
  orgId: string,
  queries: { text: string; want: string | null }[],
): Promise<{ precision: number; recall: number; wrong: string[] }> {
  let matched = 0;
  let right = 0;
  const wrong: string[] = [];
  for (const q of queries) {
    const m = await matchSupplier(db, orgId, { name: q.text });
    if (!m) continue;
    matched += 1;
    if (m.supplier.name === q.want) right += 1;
    else wrong.push(`${q.text} → ${m.supplier.name} (${m.score.toFixed(2)})`);
  }
  const known = queries.filter((q) => q.want !== null).length;
  return { precision: matched === 0 ? 0 : right / matched, recall: right / known, wrong };
}
