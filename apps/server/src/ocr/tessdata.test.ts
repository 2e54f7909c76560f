import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languagePath, modelDir } from "./tessdata";

describe("languagePath", () => {
  it("reads one language where npm installed it", async () => {
    expect(await languagePath(["eng"])).toBe(modelDir("eng"));
    const installed = path.join("node_modules", "@tesseract.js-data", "eng", "4.0.0_best_int");
    expect(modelDir("eng").endsWith(installed)).toBe(true);
  });

  it("puts several languages side by side, the same bytes, in one folder named by them", async () => {
    const dir = await languagePath(["ben", "eng"]);
    expect(dir).not.toContain("node_modules");
    for (const lang of ["ben", "eng"] as const) {
      const name = `${lang}.traineddata.gz`;
      const copy = await readFile(path.join(dir, name));
      expect(copy.equals(await readFile(path.join(modelDir(lang), name)))).toBe(true);
    }
    expect(await languagePath(["ben", "eng"])).toBe(dir);
  });
});
