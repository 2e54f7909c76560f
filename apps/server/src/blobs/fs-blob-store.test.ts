import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FsBlobStore } from "./fs-blob-store";

describe("FsBlobStore", () => {
  it("stores bytes under their SHA-256 and reads them back", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "blobs-"));
    const store = new FsBlobStore(root);
    const bytes = Buffer.from("চালান invoice page");
    const { sha256, size } = await store.put(bytes);
    expect(sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(size).toBe(bytes.length);
    expect(await store.has(sha256)).toBe(true);
    expect((await store.get(sha256)).equals(bytes)).toBe(true);
    const onDisk = await readFile(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect(onDisk.equals(bytes)).toBe(true);
  });

  it("deduplicates identical content and leaves no temp files", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "blobs-"));
    const store = new FsBlobStore(root);
    const a = await store.put(Buffer.from("same"));
    const b = await store.put(Buffer.from("same"));
    expect(a.sha256).toBe(b.sha256);
    expect(await readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("rejects a path-traversal key instead of reading outside the store", async () => {
    const store = new FsBlobStore(await mkdtemp(path.join(tmpdir(), "blobs-")));
    await expect(store.get("../../etc/passwd")).rejects.toThrow(/not a SHA-256/);
    expect(await store.has("nope")).toBe(false);
  });
});
