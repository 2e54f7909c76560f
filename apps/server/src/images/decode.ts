import sharp from "sharp";

// 10,000 × 10,000: far beyond any phone camera, far below what would exhaust a worker's memory.
export const MAX_INPUT_PIXELS = 100_000_000;

export type ImageErrorCode = "corrupt_image" | "too_large" | "unsupported" | "empty";

/** The page image itself is the problem; the message is for the person who sent it. */
export class ImageError extends Error {
  constructor(
    public readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Opens an image strictly: a truncated file or a pixel flood fails instead of decoding partly. */
export const openImage = (bytes: Buffer) =>
  sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_INPUT_PIXELS });

/** Restates sharp's failure as an ImageError naming the file. */
export function imageError(e: unknown, label: string): ImageError {
  return /pixel limit/i.test((e as Error).message)
    ? new ImageError(
        "too_large",
        `${label} has more than ${MAX_INPUT_PIXELS / 1_000_000} million pixels. Take the photo at a lower resolution.`,
      )
    : new ImageError(
        "corrupt_image",
        `${label} is damaged or incomplete (was the upload cut off?). Take or send the photo again.`,
      );
}
