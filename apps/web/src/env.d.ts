/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** Where the build put Tesseract's files (`ocr/<tesseract.js version>`), and the cache they go in. */
declare const __OCR_DIR__: string;
declare const __OCR_CACHE__: string;
