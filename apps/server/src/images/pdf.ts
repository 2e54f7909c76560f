import { type Pdfium, usePdfium } from "./pdfium";

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

const refusals = {
  encrypted: (label: string) =>
    new PdfError(
      "encrypted_pdf",
      `${label} is password-protected. Save or print it to a PDF without a password and send it again.`,
    ),
  corrupt: (label: string) =>
    new PdfError(
      "corrupt_pdf",
      `${label} is damaged or incomplete (was the upload cut off?) and cannot be opened.`,
    ),
  empty: (label: string) => new PdfError("empty_pdf", `${label} has no pages.`),
};

/** One loaded page; valid only inside `PdfDocument.page`'s callback. */
export interface PdfPage {
  pdf: Pdfium;
  handle: number;
  /** In points (1/72 inch), after the page's own rotation. */
  width: number;
  height: number;
}

export interface PdfDocument {
  pageCount: number;
  /** Loads page `index` (0-based), hands it to `use` and closes it, even if `use` throws. */
  page<T>(index: number, use: (page: PdfPage) => T): T;
}

// FPDF_GetLastError after a failed load: a password is needed, or an unknown security handler.
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;

/**
 * Opens `bytes` with PDFium, hands the document to `use` and closes it afterwards. A PDF locked
 * with a password to open it, a damaged one and one with no pages are refused with a `PdfError`
 * naming `label`; one with only an owner password (no printing or copying, say) opens, as it does
 * in any viewer.
 */
export function withPdf<T>(
  bytes: Uint8Array,
  label: string,
  use: (doc: PdfDocument) => Promise<T>,
): Promise<T> {
  return usePdfium(async (pdf) => {
    const data = pdf.wasmExports.malloc(Math.max(1, bytes.length));
    // WASM memory tops out at 2 GB; a plain Error, so the job is retried when it has drained.
    if (!data) throw new Error(`no memory left in PDFium to open ${label}`);
    try {
      pdf.HEAPU8.set(bytes, data);
      const doc = pdf._FPDF_LoadMemDocument(data, bytes.length, 0);
      if (!doc) {
        const error = pdf._FPDF_GetLastError();
        throw error === ERR_PASSWORD || error === ERR_SECURITY
          ? refusals.encrypted(label)
          : refusals.corrupt(label);
      }
      try {
        const pageCount = pdf._FPDF_GetPageCount(doc);
        if (pageCount <= 0) throw refusals.empty(label);
        return await use({ pageCount, page: (i, read) => usePage(pdf, doc, i, label, read) });
      } finally {
        pdf._FPDF_CloseDocument(doc);
      }
    } finally {
      pdf.wasmExports.free(data);
    }
  });
}

function usePage<T>(
  pdf: Pdfium,
  doc: number,
  index: number,
  label: string,
  use: (page: PdfPage) => T,
): T {
  const handle = pdf._FPDF_LoadPage(doc, index);
  if (!handle) throw refusals.corrupt(`page ${index + 1} of ${label}`);
  try {
    return use({
      pdf,
      handle,
      width: pdf._FPDF_GetPageWidthF(handle),
      height: pdf._FPDF_GetPageHeightF(handle),
    });
  } finally {
    pdf._FPDF_ClosePage(handle);
  }
}

/**
 * How many pages a PDF has; one that cannot be read is refused (see `withPdf`). The upload check
 * uses the reader's own parser, so what is accepted at upload is what the worker can open.
 */
export function pdfPageCount(bytes: Buffer, label = "the PDF"): Promise<number> {
  return withPdf(bytes, label, async (doc) => doc.pageCount);
}
