import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAmount, parseDate } from "@chalan/core";
import type { BenchItem, Dataset } from "./extraction";
import type { Truth } from "./metrics";

/** `../shared/` sits beside the repository. */
export const SROIE_DIR =
  process.env.SROIE_DIR ??
  fileURLToPath(new URL("../../../shared/datasets/sroie-dev", import.meta.url));

/** The real receipts and their ground truth, totals in minor units and dates as YYYY-MM-DD. */
export async function loadSroie(limit = Number.POSITIVE_INFINITY): Promise<Dataset> {
  const ids = (await readdir(path.join(SROIE_DIR, "key")))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort()
    .slice(0, limit);
  const items = await Promise.all(
    ids.map(async (id): Promise<BenchItem> => {
      const key = JSON.parse(await readFile(path.join(SROIE_DIR, "key", `${id}.json`), "utf8"));
      const truth: Truth = { supplierName: key.company };
      // A few keys write the ringgit total as "$8.20".
      const total = parseAmount(String(key.total).replace(/^\$/, ""));
      const date = parseDate(key.date);
      if (total !== null) truth.total = total;
      if (date !== null) truth.issueDate = date;
      return {
        id,
        image: path.join(SROIE_DIR, "img", `${id}.jpg`),
        truth,
        tier: "en/print/receipt-scan",
      };
    }),
  );
  return { name: "sroie-dev", items };
}
