import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { imageDimensions } from "./image-dimensions";

const blank = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#fff" } });

describe("imageDimensions", () => {
  it("reads the size of JPEG, PNG and WebP (lossy, lossless, extended) from the header", async () => {
    const cases: [string, Buffer][] = [
      ["jpeg", await blank(1240, 1754).jpeg().toBuffer()],
      ["progressive jpeg", await blank(333, 77).jpeg({ progressive: true }).toBuffer()],
      ["png", await blank(1240, 1754).png().toBuffer()],
      ["webp", await blank(1001, 703).webp().toBuffer()],
      ["lossless webp", await blank(1001, 703).webp({ lossless: true }).toBuffer()],
      [
        "webp with alpha",
        await sharp({ create: { width: 640, height: 480, channels: 4, background: "#fff0" } })
          .webp()
          .toBuffer(),
      ],
      ["jpeg with exif", await blank(800, 600).jpeg().withMetadata({ orientation: 6 }).toBuffer()],
    ];
    for (const [name, bytes] of cases) {
      const meta = await sharp(bytes).metadata();
      expect(imageDimensions(bytes), name).toEqual({ width: meta.width, height: meta.height });
    }
  });

  it("gives a pixel flood's claimed size without decoding it", () => {
    // A PNG header claiming 20000 × 20000 pixels, with no pixel data behind it.
    const header = Buffer.from("89504e470d0a1a0a0000000d4948445200004e2000004e2008020000", "hex");
    expect(imageDimensions(header)).toEqual({ width: 20000, height: 20000 });
  });

  it("gives null for what is not an image header", () => {
    expect(imageDimensions(new Uint8Array())).toBeNull();
    expect(imageDimensions(new TextEncoder().encode("%PDF-1.7 not an image"))).toBeNull();
    expect(imageDimensions(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBeNull();
  });
});
