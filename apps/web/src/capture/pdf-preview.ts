import { PDF_BASE } from "../ocr/reader-files";

/** The first page of a PDF drawn as an image: what is read, and shown, on the device. */
export interface PdfPreview {
  image: Blob;
  width: number;
  height: number;
}

/** Why a PDF could not be drawn. */
export class PdfError extends Error {
  constructor(readonly code: "pdf_locked" | "damaged") {
    super(code);
  }
}

/**
 * Draws page 1 of a PDF `longSide` px long with pdf.js (loaded only when a PDF comes in; its worker
 * and fonts from our own server). The PDF itself is what the server gets: it reads the text layer.
 */
export async function pdfPreview(bytes: Uint8Array, longSide: number): Promise<PdfPreview> {
  const pdfjs = await import("pdfjs-dist");
  pdfjs.GlobalWorkerOptions.workerSrc = `${PDF_BASE}pdf.worker.min.mjs`;
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js takes over the buffer it is given; the caller still needs its bytes.
      data: bytes.slice(),
      standardFontDataUrl: `${PDF_BASE}standard_fonts/`,
      isEvalSupported: false,
    }).promise;
  } catch (e) {
    throw new PdfError((e as Error).name === "PasswordException" ? "pdf_locked" : "damaged");
  }
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: longSide / Math.max(base.width, base.height) });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvas, viewport, background: "#ffffff" }).promise;
    const image = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new PdfError("damaged"))), "image/jpeg", 0.85),
    );
    return { image, width: canvas.width, height: canvas.height };
  } catch (e) {
    throw e instanceof PdfError ? e : new PdfError("damaged");
  } finally {
    await doc.destroy();
  }
}
