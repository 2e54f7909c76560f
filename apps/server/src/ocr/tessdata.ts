import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

export type Language = "eng" | "ben";

/**
 * tessdata_best converted to integers: the same LSTM as the 4.0.0 folder (identical English text
 * on the SROIE receipts; better Bengali: 95% of words against 90% on our rendered invoices) without
 * the legacy engine, so smaller and faster.
 */
export function modelDir(model: Language | "osd"): string {
  const pkg = path.dirname(require.resolve(`@tesseract.js-data/${model}/package.json`));
  // OSD exists only for the legacy engine.
  return path.join(pkg, model === "osd" ? "4.0.0" : "4.0.0_best_int");
}

/**
 * The folder tesseract.js reads `<lang>.traineddata.gz` from for these languages. One language is
 * read where npm put it. tesseract.js 7 takes a single folder for all languages (its `{code, data}`
 * form passes the bytes as the language name, and `tessedit_load_sublangs` is ignored), so a set
 * of languages is copied once into a folder under the OS temp directory, named by the content.
 */
export async function languagePath(languages: readonly Language[]): Promise<string> {
  const [only, ...more] = languages;
  if (only === undefined) throw new Error("name at least one OCR language");
  if (more.length === 0) return modelDir(only);

  const files = await Promise.all(
    languages.map(async (lang) => {
      const name = `${lang}.traineddata.gz`;
      return { name, bytes: await readFile(path.join(modelDir(lang), name)) };
    }),
  );
  const hash = createHash("sha256");
  for (const f of files) hash.update(f.name).update(f.bytes);
  const dir = path.join(tmpdir(), `chalan-tessdata-${hash.digest("hex").slice(0, 16)}`);
  await mkdir(dir, { recursive: true });
  for (const f of files) {
    const target = path.join(dir, f.name);
    if ((await stat(target).catch(() => undefined))?.size === f.bytes.length) continue;
    // Written aside and renamed, so a concurrent process never reads half a model.
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, f.bytes);
    await rename(partial, target);
  }
  return dir;
}
