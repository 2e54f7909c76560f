/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** Where the build put the readers' files (`ocr/<tesseract.js version>`, `pdf/<pdf.js version>`),
 * pdf.js's standard fonts, and the cache they go in. */
declare const __OCR_DIR__: string;
declare const __PDF_DIR__: string;
declare const __PDF_FONTS__: string[];
declare const __READER_CACHE__: string;
