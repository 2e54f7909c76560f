import { describe, expect, it } from "vitest";
import { sniffFileKind } from "./file-kind";

const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
/** An ISO-BMFF `ftyp` box with the given major and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return concat(
    new Uint8Array([0, 0, 0, size]),
    text(`ftyp${major}`),
    new Uint8Array([0, 0, 0, 0]),
    text(compatible.join("")),
    new Uint8Array(8),
  );
};

describe("sniffFileKind", () => {
  it("recognises JPEG, PNG and WebP by their signatures", () => {
    expect(sniffFileKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({
      kind: "jpeg",
      mime: "image/jpeg",
    });
    expect(
      sniffFileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
    ).toEqual({ kind: "png", mime: "image/png" });
    expect(
      sniffFileKind(concat(text("RIFF"), new Uint8Array([1, 2, 3, 4]), text("WEBPVP8 "))),
    ).toEqual({
      kind: "webp",
      mime: "image/webp",
    });
  });

  it("recognises HEIC and HEIF by their ftyp brands", () => {
    expect(sniffFileKind(ftyp("heic", "mif1", "heic"))).toEqual({
      kind: "heic",
      mime: "image/heic",
    });
    expect(sniffFileKind(ftyp("mif1", "heic"))).toEqual({ kind: "heic", mime: "image/heif" });
    expect(sniffFileKind(ftyp("msf1", "hevc"))?.kind).toBe("heic");
    expect(sniffFileKind(ftyp("isom", "heix"))?.kind).toBe("heic");
  });

  it("refuses other ISO-BMFF files such as MP4 and AVIF", () => {
    expect(sniffFileKind(ftyp("isom", "iso2", "mp41"))).toBeNull();
    expect(sniffFileKind(ftyp("avif", "mif1", "miaf"))).toBeNull();
  });

  it("finds the PDF header within the first kilobyte only", () => {
    expect(sniffFileKind(text("%PDF-1.7\n%âãÏÓ"))).toEqual({
      kind: "pdf",
      mime: "application/pdf",
    });
    expect(sniffFileKind(concat(new Uint8Array(500), text("%PDF-1.4")))?.kind).toBe("pdf");
    expect(sniffFileKind(concat(new Uint8Array(1024), text("%PDF-1.4")))).toBeNull();
  });

  it("refuses text renamed to .jpg, short files and empty files", () => {
    expect(sniffFileKind(text("Total: 1,190 Tk\nThank you"))).toBeNull();
    expect(sniffFileKind(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffFileKind(new Uint8Array(0))).toBeNull();
    expect(sniffFileKind(text("RIFF\0\0\0\0WAVE"))).toBeNull();
  });
});
