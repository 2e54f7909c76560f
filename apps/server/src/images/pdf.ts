import { PDFDocument } from "pdf-lib";

export type PdfErrorCode = "encrypted_pdf" | "corrupt_pdf" | "empty_pdf";

/** The PDF itself is the problem; the message is for the person who sent it. */
export class PdfError extends Error {
  constructor(
    public readonly code: PdfErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** How many pages a PDF has; a password-protected, damaged or page-less one is refused. */
export async function pdfPageCount(bytes: Buffer, label = "the PDF"): Promise<number> {
  const encrypted = () =>
    new PdfError(
      "encrypted_pdf",
      `${label} is password-protected. Save or print it to a PDF without a password and send it again.`,
    );
  let pages: number;
  try {
    const doc = await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      // Strict: a truncated upload fails here instead of pdf-lib logging and guessing around it.
      throwOnInvalidObject: true,
    });
    if (doc.isEncrypted) throw encrypted();
    pages = doc.getPageCount();
  } catch (e) {
    if (e instanceof PdfError) throw e;
    // Encrypted object streams do not parse, so a PDF that fails to load may still be a locked one;
    // its /Encrypt entry sits in a trailer or xref dictionary, which is never encrypted.
    if (bytes.includes("/Encrypt")) throw encrypted();
    throw new PdfError(
      "corrupt_pdf",
      `${label} is damaged or incomplete (was the upload cut off?) and cannot be opened.`,
    );
  }
  if (pages === 0) throw new PdfError("empty_pdf", `${label} has no pages.`);
  return pages;
}
