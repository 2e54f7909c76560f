import { describe, expect, it } from "vitest";
import { pageHash, pageHashDistance } from "./page-hash";

/** A page-like picture: dark text rows at a given seed on white paper. */
function page(
  width: number,
  height: number,
  seed: number,
  { brightness = 0, noise = 0, lamp = 0 } = {},
): Uint8Array {
  const px = new Uint8Array(width * height);
  let r = seed;
  const rand = () => {
    r = (r * 1_103_515_245 + 12_345) % 2 ** 31;
    return r / 2 ** 31;
  };
  const blocks = Array.from({ length: 14 }, () => ({
    x: rand() * 0.8,
    y: rand() * 0.9,
    w: 0.1 + rand() * 0.5,
    h: 0.02 + rand() * 0.05,
  }));
  let n = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = blocks.some(
        (b) =>
          x / width >= b.x && x / width < b.x + b.w && y / height >= b.y && y / height < b.y + b.h,
      );
      n = (n * 48_271) % 2_147_483_647;
      const jitter = noise ? ((n % 1000) / 1000 - 0.5) * noise : 0;
      // A lamp on the left: the page darkens towards the right.
      const shade = lamp * (x / width);
      px[y * width + x] = Math.max(
        0,
        Math.min(255, (ink ? 40 : 235) + brightness + jitter - shade),
      );
    }
  }
  return px;
}

describe("pageHash", () => {
  it("barely moves for the same page photographed again: other size, darker, noisier, a lamp aside", () => {
    const a = pageHash(page(400, 560, 1), 400, 560);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    const again = [
      pageHash(page(300, 420, 1), 300, 420),
      pageHash(page(400, 560, 1, { brightness: -40 }), 400, 560),
      pageHash(page(400, 560, 1, { noise: 40 }), 400, 560),
      pageHash(page(300, 420, 1, { brightness: -30, noise: 40, lamp: 60 }), 300, 420),
    ];
    for (const h of again) expect(pageHashDistance(a, h)).toBeLessThanOrEqual(4);
  });

  it("tells different pages apart", () => {
    const hashes = [1, 2, 3, 4].map((seed) => pageHash(page(400, 560, seed * 977), 400, 560));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        expect(pageHashDistance(hashes[i] as string, hashes[j] as string)).toBeGreaterThan(12);
      }
    }
  });

  it("counts differing bits", () => {
    expect(pageHashDistance("0000000000000000", "0000000000000000")).toBe(0);
    expect(pageHashDistance("ffffffffffffffff", "0000000000000000")).toBe(64);
    expect(pageHashDistance("8000000000000001", "0000000000000000")).toBe(2);
  });

  it("refuses a picture too small to hash", () => {
    expect(() => pageHash(new Uint8Array(16), 4, 4)).toThrow(/too small/);
  });
});
