export type FileKind = "jpeg" | "png" | "webp" | "heic" | "pdf";

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"]);
/** AVIF also declares mif1, but it is AV1, not HEVC: we cannot decode it as HEIC. */
const AVIF_BRANDS = new Set(["avif", "avis"]);
const PDF_WINDOW = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** The brands of an ISO-BMFF `ftyp` box: the major brand, then the compatible ones. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== "ftyp") return [];
  const size =
    (((bytes[0] ?? 0) << 24) |
      ((bytes[1] ?? 0) << 16) |
      ((bytes[2] ?? 0) << 8) |
      (bytes[3] ?? 0)) >>>
    0;
  const end = Math.min(size, bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/**
 * What a file is, from its first bytes rather than its name: a photo renamed `.jpg` that is really
 * text, or a PDF sent as `scan.png`, is recognised (or refused) for what it is.
 */
export function sniffFileKind(bytes: Uint8Array): { kind: FileKind; mime: string } | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "jpeg", mime: "image/jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: "png", mime: "image/png" };
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    return { kind: "webp", mime: "image/webp" };
  }
  const brands = ftypBrands(bytes);
  if (!brands.some((b) => AVIF_BRANDS.has(b)) && brands.some((b) => HEIC_BRANDS.has(b))) {
    return {
      kind: "heic",
      mime: brands[0] === "mif1" || brands[0] === "msf1" ? "image/heif" : "image/heic",
    };
  }
  // The PDF header may follow some junk bytes; readers accept it within the first kilobyte.
  if (ascii(bytes, 0, PDF_WINDOW).includes("%PDF-"))
    return { kind: "pdf", mime: "application/pdf" };
  return null;
}
