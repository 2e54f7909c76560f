import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

const version = (name: string) =>
  JSON.parse(readFileSync(path.join(pkgDir(name), "package.json"), "utf8")).version as string;

/** The LSTM-only cores: tesseract.js picks one by the device's WebAssembly SIMD support. */
const CORES = ["relaxedsimd-lstm", "simd-lstm", "lstm"].map((c) => `tesseract-core-${c}.wasm.js`);
/**
 * Versioned, so a release with another Tesseract or pdf.js never reads files cached by an older one
 * (the service worker keeps these files until their URL changes).
 */
const OCR_DIR = `ocr/${version("tesseract.js")}`;
const PDF_DIR = `pdf/${version("pdfjs-dist")}`;
const PDF_FONTS = path.join(pkgDir("pdfjs-dist"), "standard_fonts");

/**
 * What reading on the device needs besides the app: Tesseract's worker, cores and models, and
 * pdf.js's worker and the standard fonts PDFs may name without embedding. Copied from npm into the
 * build, so it is served by our own server (and the service worker's cache), never a CDN.
 */
function selfHostedReaders(): Plugin {
  const files: Record<string, string> = {
    [`${OCR_DIR}/worker.min.js`]: path.join(pkgDir("tesseract.js"), "dist/worker.min.js"),
    ...Object.fromEntries(
      CORES.map((c) => [`${OCR_DIR}/core/${c}`, path.join(pkgDir("tesseract.js-core"), c)]),
    ),
    ...Object.fromEntries(
      ["eng", "ben"].map((lang) => [
        `${OCR_DIR}/lang/${lang}.traineddata.gz`,
        // The same models the server reads with (tessdata_best as integers).
        path.join(pkgDir(`@tesseract.js-data/${lang}`), "4.0.0_best_int", `${lang}.traineddata.gz`),
      ]),
    ),
    [`${PDF_DIR}/pdf.worker.min.mjs`]: path.join(pkgDir("pdfjs-dist"), "build/pdf.worker.min.mjs"),
    ...Object.fromEntries(
      PDF_FONTS_LIST.map((f) => [`${PDF_DIR}/standard_fonts/${f}`, path.join(PDF_FONTS, f)]),
    ),
  };
  return {
    name: "chalan-self-hosted-readers",
    apply: "build",
    generateBundle() {
      for (const [fileName, from] of Object.entries(files)) {
        this.emitFile({ type: "asset", fileName, source: readFileSync(from) });
      }
    },
  };
}

const PDF_FONTS_LIST = readdirSync(PDF_FONTS).filter((f) => /\.(pfb|ttf)$/.test(f));

/** The Cache Storage cache holding those files; the app fills it (see `ocr/reader-files.ts`). */
const READER_CACHE = "chalan-readers";

export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  define: {
    __OCR_DIR__: JSON.stringify(OCR_DIR),
    __PDF_DIR__: JSON.stringify(PDF_DIR),
    __PDF_FONTS__: JSON.stringify(PDF_FONTS_LIST),
    __READER_CACHE__: JSON.stringify(READER_CACHE),
  },
  plugins: [
    react(),
    selfHostedReaders(),
    VitePWA({
      registerType: "autoUpdate",
      manifest: {
        name: "Chalan · চালান",
        short_name: "Chalan",
        description: "Capture, read and keep supplier invoices, with or without internet",
        lang: "en",
        start_url: "/",
        display: "standalone",
        background_color: "#f8fafc",
        theme_color: "#0f766e",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
        ],
      },
      // Our own service worker (src/sw.ts): the precache below, the readers' run-time cache, and
      // Background Sync with the app's sync engine.
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      injectManifest: {
        // The app itself; the readers' files are cached at run time, only the ones a device uses.
        globPatterns: ["**/*.{js,mjs,css,html,svg,png,woff2,webmanifest}"],
        globIgnores: ["ocr/**", "pdf/**"],
      },
    }),
  ],
});
