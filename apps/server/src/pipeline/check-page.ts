import { Problem } from "../http/problem";
import type { ImageErrorCode } from "../images/decode";
import { ImageError } from "../images/decode";
import { checkImage } from "../images/normalize";
import { PdfError, type PdfErrorCode, pdfPageCount } from "../images/pdf";

const problems: Record<ImageErrorCode | PdfErrorCode, [status: number, title: string]> = {
  empty: [400, "Empty file"],
  unsupported: [415, "Unsupported file type"],
  corrupt_image: [422, "Corrupt image"],
  too_large: [413, "Image too large"],
  encrypted_pdf: [422, "Protected PDF"],
  corrupt_pdf: [422, "Corrupt PDF"],
  empty_pdf: [422, "Empty PDF"],
};

/** Opens every page once at upload, so a truncated or corrupt file is refused, not queued. */
export async function checkPageReadable(bytes: Buffer, kind: string, label: string): Promise<void> {
  try {
    if (kind === "pdf") await pdfPageCount(bytes, label);
    else await checkImage(bytes, label);
  } catch (e) {
    if (!(e instanceof ImageError || e instanceof PdfError)) throw e;
    const [status, title] = problems[e.code];
    throw new Problem(status, title, e.message);
  }
}
