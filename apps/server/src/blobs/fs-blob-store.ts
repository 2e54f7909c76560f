import { createHash, randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { BlobStore } from "./blob-store";

const SHA256 = /^[0-9a-f]{64}$/;

async function fsyncDir(dir: string): Promise<void> {
  const fd = await open(dir, constants.O_RDONLY);
  try {
    await fd.sync();
  } finally {
    await fd.close();
  }
}

/**
 * Content-addressed files under `<root>/ab/cd/<sha256>`. Written to a temp file, fsync'd, renamed,
 * and the directory fsync'd, so a reader never sees a partial blob and an acknowledged one survives
 * a power cut.
 */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return { sha256, size: bytes.byteLength };
    const tmpDir = path.join(this.root, "tmp");
    await mkdir(tmpDir, { recursive: true });
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const fd = await open(tmp, "wx", 0o640);
    try {
      await fd.writeFile(bytes);
      await fd.sync();
    } catch (e) {
      await fd.close();
      await rm(tmp, { force: true });
      throw e;
    }
    await fd.close();
    await rename(tmp, target);
    await fsyncDir(path.dirname(target));
    return { sha256, size: bytes.byteLength };
  }

  async get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }
}
