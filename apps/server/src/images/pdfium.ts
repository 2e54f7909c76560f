import { PDFiumModule } from "@hyzyla/pdfium";

/**
 * The part of PDFium's C API (compiled to WASM in @hyzyla/pdfium) that Chalan calls. The package's
 * classes cover neither character boxes nor closing a page that was not rendered, so we call the
 * module itself; every function here is exported by its build. Pointers are offsets into HEAP*.
 */
export interface Pdfium {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  wasmExports: { malloc(size: number): number; free(ptr: number): void };
  _FPDF_InitLibraryWithConfig(config: number): void;
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_GetLastError(): number;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDF_GetPageWidthF(page: number): number;
  _FPDF_GetPageHeightF(page: number): number;
  _FPDF_PageToDevice(
    page: number,
    x: number,
    y: number,
    w: number,
    h: number,
    rotate: number,
    pageX: number,
    pageY: number,
    deviceX: number,
    deviceY: number,
  ): number;
  _FPDFPage_CountObjects(page: number): number;
  _FPDFPage_GetObject(page: number, index: number): number;
  _FPDFFormObj_CountObjects(form: number): number;
  _FPDFFormObj_GetObject(form: number, index: number): number;
  _FPDFPageObj_GetType(object: number): number;
  _FPDFPageObj_GetBounds(object: number, l: number, b: number, r: number, t: number): number;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetUnicode(textPage: number, index: number): number;
  _FPDFText_IsGenerated(textPage: number, index: number): number;
  _FPDFText_HasUnicodeMapError(textPage: number, index: number): number;
  _FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  _FPDFText_GetTextObject(textPage: number, index: number): number;
  _FPDFTextObj_GetTextRenderMode(text: number): number;
  _FPDFTextObj_GetFont(text: number): number;
  _FPDFFont_GetBaseFontName(font: number, buffer: number, length: number): number;
  _FPDFBitmap_CreateEx(
    w: number,
    h: number,
    format: number,
    buffer: number,
    stride: number,
  ): number;
  _FPDFBitmap_FillRect(
    bitmap: number,
    x: number,
    y: number,
    w: number,
    h: number,
    color: number,
  ): void;
  _FPDFBitmap_GetBuffer(bitmap: number): number;
  _FPDFBitmap_GetStride(bitmap: number): number;
  _FPDFBitmap_Destroy(bitmap: number): void;
  _FPDF_RenderPageBitmap(
    bitmap: number,
    page: number,
    x: number,
    y: number,
    w: number,
    h: number,
    rotate: number,
    flags: number,
  ): void;
}

// WASM memory only grows. Once no PDF is open, an instance that has grown past this is dropped
// (a fresh one loads on the next PDF in ~50 ms), so one odd PDF does not pin its peak for good.
const RECYCLE_HEAP_BYTES = 256 * 1024 * 1024;

let instance: Promise<Pdfium> | undefined;
let users = 0;

async function load(): Promise<Pdfium> {
  // In Node the package reads pdfium.wasm from its own directory: no network.
  const pdf = (await PDFiumModule({})) as unknown as Pdfium;
  pdf._FPDF_InitLibraryWithConfig(0);
  return pdf;
}

/**
 * Runs `use` with the process's PDFium instance. PDFium calls are synchronous; documents may stay
 * open across `use`'s awaits. When PDFium aborts (its instance then refuses every call) the
 * instance is dropped and a plain Error thrown: the job is retried on a fresh instance.
 */
export async function usePdfium<T>(use: (pdf: Pdfium) => Promise<T>): Promise<T> {
  if (!instance) {
    const loading = load();
    instance = loading;
    loading.catch(() => {
      if (instance === loading) instance = undefined;
    });
  }
  const current = instance;
  const pdf = await current;
  users++;
  try {
    return await use(pdf);
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    if (instance === current) instance = undefined;
    throw new Error(`PDFium stopped: ${e.message}`);
  } finally {
    users--;
    if (users === 0 && instance === current && pdf.HEAPU8.length > RECYCLE_HEAP_BYTES) {
      instance = undefined;
    }
  }
}

/** Runs `use` with `bytes` bytes of WASM memory, freed afterwards. */
export function withScratch<T>(pdf: Pdfium, bytes: number, use: (ptr: number) => T): T {
  const ptr = pdf.wasmExports.malloc(bytes);
  try {
    return use(ptr);
  } finally {
    pdf.wasmExports.free(ptr);
  }
}
