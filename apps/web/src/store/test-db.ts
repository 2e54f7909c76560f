import "fake-indexeddb/auto";
import { uuidv7 } from "@chalan/core";
import { it as base } from "vitest";
import { type ChalanDb, openDb } from "./db";

/** `it` with a fresh, empty app database (fake-indexeddb in Node) as `db`, deleted afterwards. */
export const it = base.extend<{ db: ChalanDb }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixture's dependencies from it
  db: async ({}, use) => {
    const db = openDb(`test-${uuidv7()}`);
    await db.open();
    await use(db);
    await db.delete();
  },
});
