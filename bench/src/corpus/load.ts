import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type CorpusItem, CorpusRecord } from "./truth";

/** Reads a generated corpus back: every `NNN.json` in `dir`, validated, with `image` as a path. */
export async function loadCorpus(dir: string): Promise<CorpusItem[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3,}\.json$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = CorpusRecord.safeParse(
        JSON.parse(await readFile(path.join(dir, file), "utf8")),
      );
      if (!parsed.success)
        throw new Error(`${path.join(dir, file)}: ${z.prettifyError(parsed.error)}`);
      return { ...parsed.data, image: path.join(dir, parsed.data.image) };
    }),
  );
}
