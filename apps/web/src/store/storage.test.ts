import { expect } from "vitest";
import { captureInvoice } from "./invoices";
import { freeSpace, nearlyFull } from "./storage";
import { it } from "./test-db";

it("frees only the images the server has confirmed it stores", async ({ db }) => {
  const page = (text: string) => ({
    bytes: new Blob([text], { type: "image/jpeg" }),
    mime: "image/jpeg",
    width: 10,
    height: 10,
    sha256: "a".repeat(64),
    original: { name: "p.jpg", bytes: 5, sha256: "b".repeat(64) },
  });
  const onServer = await captureInvoice(db, [page("12345")]);
  const onlyHere = await captureInvoice(db, [page("67890")]);
  await db.pages.update([onServer, 1], { onServer: true });

  expect(await freeSpace(db)).toBe(5);
  expect((await db.pages.get([onServer, 1]))?.bytes.size).toBe(0);
  expect(await (await db.pages.get([onlyHere, 1]))?.bytes.text()).toBe("67890");
  expect(await freeSpace(db)).toBe(0);
});

it("warns from 80% of the quota, and not when the browser tells no quota", () => {
  expect(nearlyFull({ used: 799, quota: 1000, persisted: true })).toBe(false);
  expect(nearlyFull({ used: 800, quota: 1000, persisted: true })).toBe(true);
  expect(nearlyFull({ used: 5, quota: 0, persisted: false })).toBe(false);
});
