import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDate } from "./dates";
import { extractFields } from "./extract-fields";
import { parseAmount } from "./money";
import type { OcrLine, OcrPage } from "./ocr";
import { textSimilarity } from "./text-similarity";

/**
 * Real scanned receipts (ICDAR 2019 SROIE task 3, Malaysian, English) with ground truth. The core
 * stays free of I/O: the loader lives here, in the test.
 */
// `../shared/` sits beside the repository; a missing data set fails the suite rather than skipping it.
const DIR =
  process.env.SROIE_DIR ??
  fileURLToPath(new URL("../../../../shared/datasets/sroie-dev", import.meta.url));

/** One CSV row `x1,y1,...,x4,y4,text` as an OCR line; word boxes are shared out by characters. */
function toLine(row: string): OcrLine | null {
  const cells = row.split(",");
  const coords = cells.slice(0, 8).map(Number);
  const text = cells.slice(8).join(",").trim();
  if (coords.length < 8 || coords.some(Number.isNaN) || text === "") return null;
  const xs = coords.filter((_, i) => i % 2 === 0);
  const ys = coords.filter((_, i) => i % 2 === 1);
  const box = {
    x0: Math.min(...xs),
    y0: Math.min(...ys),
    x1: Math.max(...xs),
    y1: Math.max(...ys),
  };
  const perChar = (box.x1 - box.x0) / text.length;
  const words = [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    confidence: 1,
    box: {
      x0: box.x0 + m.index * perChar,
      y0: box.y0,
      x1: box.x0 + (m.index + m[0].length) * perChar,
      y1: box.y1,
    },
  }));
  return { text, confidence: 1, box, words };
}

function loadPage(csv: string): OcrPage {
  const lines = csv
    .split(/\r?\n/)
    .map(toLine)
    .filter((l): l is OcrLine => l !== null);
  return {
    width: Math.max(...lines.map((l) => l.box.x1)),
    height: Math.max(...lines.map((l) => l.box.y1)),
    lines,
  };
}

describe("extractFields on the SROIE dev receipts", () => {
  it("reads totals, dates and company names of real receipts", () => {
    const ids = readdirSync(join(DIR, "key"))
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    let totals = 0;
    let dates = 0;
    let companies = 0;
    const misses: string[] = [];
    for (const id of ids) {
      const truth = JSON.parse(readFileSync(join(DIR, "key", `${id}.json`), "utf8")) as {
        company: string;
        date: string;
        total: string;
      };
      const fields = extractFields(loadPage(readFileSync(join(DIR, "box", `${id}.csv`), "utf8")));
      // Ground truth copies the printed total, currency sign included ("RM 3.30", "$8.20").
      const total = parseAmount(truth.total.replace(/^\$/, ""));
      const date = parseDate(truth.date);
      const company = textSimilarity(fields.supplierName?.value ?? "", truth.company);
      if (total !== null && fields.total?.value === total) totals++;
      else misses.push(`${id} total ${fields.total?.value} != ${total}`);
      if (date !== null && fields.issueDate?.value === date) dates++;
      else misses.push(`${id} date ${fields.issueDate?.value} != ${date}`);
      if (company >= 0.8) companies++;
      else
        misses.push(
          `${id} company ${JSON.stringify(fields.supplierName?.value)} != ${truth.company}`,
        );
    }
    const n = ids.length;
    console.log(
      `SROIE (${n} receipts): total ${(totals / n).toFixed(3)}, date ${(dates / n).toFixed(3)}, ` +
        `company sim>=0.8 ${(companies / n).toFixed(3)}\n  ${misses.join("\n  ")}`,
    );
    expect(n).toBeGreaterThan(0);
    expect(totals / n).toBeGreaterThanOrEqual(0.85);
    expect(dates / n).toBeGreaterThanOrEqual(0.9);
    expect(companies / n).toBeGreaterThanOrEqual(0.7);
  });
});
