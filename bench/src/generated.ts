import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./corpus/generate";
import { loadCorpus } from "./corpus/load";
import type { CorpusItem } from "./corpus/truth";
import type { BenchItem, Dataset } from "./extraction";
import type { Truth } from "./metrics";

const cacheRoot = fileURLToPath(new URL("../tmp", import.meta.url));

function toBenchItem(item: CorpusItem): BenchItem {
  const t = item.truth;
  const truth: Truth = {
    total: t.total,
    subtotal: t.subtotal,
    vat: t.vat,
    vatRate: t.vatRate,
    issueDate: t.issueDate,
    supplierName: t.supplierName,
    invoiceNumber: t.invoiceNumber,
  };
  if (t.supplierBin) truth.supplierBin = t.supplierBin;
  return {
    id: item.id,
    image: item.image,
    truth,
    tier: `${item.tier.script}/${item.tier.hand}/${item.tier.degradation}`,
  };
}

/** The generated Bangladeshi invoices (made once per seed and size, then read from bench/tmp). */
export async function loadGenerated(count: number, seed = 1): Promise<Dataset> {
  const dir = path.join(cacheRoot, `corpus-s${seed}-n${count}`);
  const done = path.join(dir, "done");
  if (!existsSync(done)) {
    await generateCorpus({ count, seed, outDir: dir });
    await writeFile(done, "");
  }
  const items = await loadCorpus(dir);
  return { name: `generated (seed ${seed})`, items: items.map(toBenchItem) };
}
