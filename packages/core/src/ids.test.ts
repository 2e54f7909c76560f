import { describe, expect, it } from "vitest";
import { UUID_PATTERN, uuidv7 } from "./ids";

describe("uuidv7", () => {
  it("has the version and variant bits of a UUIDv7", () => {
    const id = uuidv7();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
  });

  it("encodes the millisecond timestamp so ids sort by creation time", () => {
    const t = Date.UTC(2026, 2, 18, 4, 0, 0);
    const id = uuidv7(t);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(t);
    expect(uuidv7(t) < uuidv7(t + 1)).toBe(true);
  });

  it("sorts ids made in the same millisecond in the order they were made", () => {
    const t = Date.UTC(2026, 11, 2, 9, 0, 0);
    const ids = Array.from({ length: 1500 }, () => uuidv7(t));
    expect([...ids].sort()).toEqual(ids);
    const now = Array.from({ length: 1500 }, () => uuidv7());
    expect([...now].sort()).toEqual(now);
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 2000 }, () => uuidv7(0)));
    expect(ids.size).toBe(2000);
  });
});
