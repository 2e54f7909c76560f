import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The LSTM-only cores: tesseract.js picks one by the device's WebAssembly SIMD support. */
const CORES = ["relaxedsimd-lstm", "simd-lstm", "lstm"].map((c) => `tesseract-core-${c}.wasm.js`);
/**
 * Versioned, so a release with another Tesseract never reads a model or core cached by an older
 * one (the service worker keeps these files until their URL changes).
 */
const OCR_DIR = `ocr/${JSON.parse(readFileSync(path.join(pkgDir("tesseract.js"), "package.json"), "utf8")).version}`;

/**
 * Tesseract's worker, cores and models, copied from npm into the build under `/ocr/`, so the app
 * reads invoices with files from our own server (and the service worker's cache), never a CDN.
 */
function selfHostedOcr(): Plugin {
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
  };
  return {
    name: "chalan-self-hosted-ocr",
    apply: "build",
    generateBundle() {
      for (const [fileName, from] of Object.entries(files)) {
        this.emitFile({ type: "asset", fileName, source: readFileSync(from) });
      }
    },
  };
}

/** The Cache Storage cache holding the OCR files; the app fills it (see `ocr/ocr-files.ts`). */
const OCR_CACHE = "chalan-ocr";

export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  define: { __OCR_DIR__: JSON.stringify(OCR_DIR), __OCR_CACHE__: JSON.stringify(OCR_CACHE) },
  plugins: [
    react(),
    selfHostedOcr(),
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
      workbox: {
        // The app itself, so a cold start with no network works. The OCR files (three cores, one
        // used) are cached at run time instead: the app fetches the ones this device needs once.
        globPatterns: ["**/*.{js,css,html,svg,png,woff2,webmanifest}"],
        globIgnores: ["ocr/**"],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith("/ocr/"),
            handler: "CacheFirst",
            options: { cacheName: OCR_CACHE },
          },
        ],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//, /^\/upload-invoice/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
