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
    // Orientation 6: the camera was held sideways; the stored 2000×1500 pixels show a 1500×2000 page.
    const out = await normalizeImage(await photo(2000, 1500, 6));
    expect([out.width, out.height]).toEqual([1500, 2000]);
    const meta = await sharp(out.png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.channels).toBe(1);
  });

  it("caps a large scan at 2500 px, enlarges a small photo to 1600 px, keeps one between", async () => {
    const big = await normalizeImage(await photo(4961, 7016));
    expect(Math.max(big.width, big.height)).toBe(2500);
    const small = await normalizeImage(await photo(640, 480));
    expect([small.width, small.height]).toEqual([1600, 1200]);
    const fine = await normalizeImage(await photo(1240, 1754));
    expect([fine.width, fine.height]).toEqual([1240, 1754]);
  });

  it("says a 0-byte file is empty", async () => {
    await expect(normalizeImage(Buffer.alloc(0), "memo.jpg")).rejects.toMatchObject({
      code: "empty",
      message: expect.stringMatching(/^memo.jpg is empty/),
    });
  });

  it("refuses a text file and a PDF as unsupported, naming what it reads", async () => {
    await expect(normalizeImage(Buffer.from("hello, this is not a photo"))).rejects.toMatchObject({
      code: "unsupported",
      message: expect.stringMatching(/not a JPEG, PNG or WebP image/),
    });
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
    await expect(normalizeImage(pdf)).rejects.toMatchObject({
      code: "unsupported",
      message: expect.stringMatching(/is a PDF/),
    });
  });

  // sharp's prebuilt libvips decodes AVIF but not HEIC (no HEVC decoder); it lists ".heic" once it can.
  it.skipIf(sharp.format.heif.input.fileSuffix?.includes(".heic"))(
    "refuses an iPhone HEIC photo with a way out",
    async () => {
      const ftyp = Buffer.from("\0\0\0\x18ftypheic\0\0\0\0mif1heic", "latin1");
      const heic = Buffer.concat([ftyp, Buffer.alloc(64)]);
      await expect(normalizeImage(heic, "IMG_0042.HEIC")).rejects.toMatchObject({
        code: "unsupported",
        message: expect.stringMatching(/IMG_0042.HEIC is a HEIC photo.*JPEG/),
      });
    },
  );

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
