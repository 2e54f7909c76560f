import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageError } from "./decode";
import { normalizeImage } from "./normalize";

const photo = (width: number, height: number, orientation?: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withMetadata(orientation ? { orientation } : {})
    .toBuffer();

describe("normalizeImage", () => {
  it("applies the EXIF orientation of a phone photo", async () => {
    // Orientation 6: the camera was held sideways; the stored 400×300 pixels show a 300×400 page.
    const out = await normalizeImage(await photo(400, 300, 6));
    expect([out.width, out.height]).toEqual([300, 400]);
    const meta = await sharp(out.png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.channels).toBe(1);
  });

  it("caps a large scan at 2500 px and keeps small images as they are", async () => {
    const big = await normalizeImage(await photo(4961, 7016));
    expect(Math.max(big.width, big.height)).toBe(2500);
    const small = await normalizeImage(await photo(640, 480));
    expect([small.width, small.height]).toEqual([640, 480]);
  });

  it("rejects a truncated JPEG as corrupt", async () => {
    const jpeg = await photo(800, 600);
    await expect(
      normalizeImage(jpeg.subarray(0, jpeg.length >> 1), "memo.jpg"),
    ).rejects.toMatchObject({
      code: "corrupt_image",
      message: expect.stringMatching(/memo.jpg is damaged/),
    });
  });

  it("refuses a pixel flood before decoding it", async () => {
    // A tiny PNG whose header claims 20000×20000: the limit must trip on the header alone.
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "white" } })
      .png()
      .toBuffer();
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    const err = await normalizeImage(png).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).code).toBe("too_large");
  });
});
