import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MATCH_THRESHOLD, matchSupplier } from "../src/suppliers/supplier-repo";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";

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
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;

/** A typing slip: a letter dropped, doubled or two swapped. */
function typo(name: string): string {
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

describe.each(dbTargets())("supplier matching on $name PostgreSQL", (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  it("matches 100 noisy names (slips, M/S and Ltd., Bengali for English) with precision ≥ 0.95", async () => {
    const token = await server.signup();
    const suppliers: { en: string; bn: string }[] = [];
    for (const [r, rb] of RIVERS) {
      for (const [o, ob] of OWNERS) {
        for (const [k, kb] of KINDS) {
          if (suppliers.length < 500 && (r.length + o.length + k.length) % 3 !== 1) {
            suppliers.push({ en: `${r} ${o} ${k}`, bn: `${rb} ${ob} ${kb}` });
          }
        }
      }
    }
    // Half the suppliers are known by their English name only.
    const csv = [
      "name,name bn",
      ...suppliers.map((s, i) => `${s.en},${i % 2 === 0 ? s.bn : ""}`),
    ].join("\n");
    const res = await fetch(`${server.url}/api/suppliers/import?commit=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: csv,
    });
    expect(((await res.json()) as { created: number }).created).toBe(suppliers.length);
    // This test's server holds one business.
    const { rows } = await server.chalan.pool.query<{ org_id: string }>(
      "SELECT DISTINCT org_id FROM suppliers",
    );
    const orgId = rows[0]?.org_id as string;

    const queries: { text: string; want: string | null }[] = [];
    for (let i = 0; i < 100; i++) {
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
    // Names of shops that are not suppliers of this business.
    for (const name of [
      "Sonar Bangla Traders",
      "Mukti Hardware",
      "Shapla Foods",
      "Nodi Textiles",
    ]) {
      queries.push({ text: name, want: null });
    }

    let matched = 0;
    let right = 0;
    const wrong: string[] = [];
    for (const q of queries) {
      const m = await matchSupplier(server.chalan.pool, orgId, { name: q.text });
      if (!m) continue;
      matched += 1;
      if (m.supplier.name === q.want) right += 1;
      else wrong.push(`${q.text} → ${m.supplier.name} (${m.score.toFixed(2)})`);
    }
    const precision = right / matched;
    const recall = right / 100;
    console.log(
      `supplier matching at ${MATCH_THRESHOLD}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(2)}; wrong: ${wrong.join("; ")}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
