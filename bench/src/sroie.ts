import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAmount, parseDate } from "@chalan/core";

/** `../shared/` sits beside the repository. */
export const SROIE_DIR =
  process.env.SROIE_DIR ??
  fileURLToPath(new URL("../../../shared/datasets/sroie-dev", import.meta.url));

export interface SroieReceipt {
  id: string;
  image: string;
  company: string;
  date: string | null;
  total: number | null;
}

/** The real receipts and their ground truth, totals in minor units and dates as YYYY-MM-DD. */
export async function loadSroie(limit = Number.POSITIVE_INFINITY): Promise<SroieReceipt[]> {
  const ids = (await readdir(path.join(SROIE_DIR, "key")))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort()
    .slice(0, limit);
  return Promise.all(
    ids.map(async (id) => {
      const key = JSON.parse(await readFile(path.join(SROIE_DIR, "key", `${id}.json`), "utf8"));
      return {
        id,
        image: path.join(SROIE_DIR, "img", `${id}.jpg`),
        company: key.company,
        date: parseDate(key.date),
        total: parseAmount(key.total),
      };
    }),
  );
}
