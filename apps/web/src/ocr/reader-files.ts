import { relaxedSimd, simd } from "wasm-feature-detect";

export const OCR_BASE = `${import.meta.env.BASE_URL}${__OCR_DIR__}/`;
export const PDF_BASE = `${import.meta.env.BASE_URL}${__PDF_DIR__}/`;
export const OCR_LANGUAGES = ["eng", "ben"] as const;

/** The one WebAssembly core this device runs, chosen as tesseract.js would choose it. */
export async function coreUrl(): Promise<string> {
  const flavour = (await relaxedSimd())
    ? "relaxedsimd-lstm"
    : (await simd())
      ? "simd-lstm"
      : "lstm";
  return `${OCR_BASE}core/tesseract-core-${flavour}.wasm.js`;
}

/** Every file reading on this device needs: OCR worker, core and models; pdf.js worker and fonts. */
export async function readerUrls(): Promise<string[]> {
  return [
    `${OCR_BASE}worker.min.js`,
    await coreUrl(),
    ...OCR_LANGUAGES.map((l) => `${OCR_BASE}lang/${l}.traineddata.gz`),
    `${PDF_BASE}pdf.worker.min.mjs`,
    ...__PDF_FONTS__.map((f) => `${PDF_BASE}standard_fonts/${f}`),
  ];
}

/**
 * Puts what reading on the device needs (about 10 MB) in the cache the service worker serves it
 * from, while there is a connection, so invoices captured later with none are still read.
 * Returns whether everything is cached.
 */
export async function cacheReaderFiles(): Promise<boolean> {
  if (!("caches" in globalThis)) return false;
  const cache = await caches.open(__READER_CACHE__);
  let ready = true;
  for (const url of await readerUrls()) {
    if (await cache.match(url)) continue;
    try {
      await cache.add(url);
    } catch {
      ready = false;
    }
  }
  return ready;
}
