import { describe, expect, it } from "vitest";
import { type Pdfium, usePdfium } from "./pdfium";

// Instances are compared with `===`: printing a WASM module in a failure message would take hours.
describe("usePdfium", () => {
  it("shares one instance between uses", async () => {
    const first = await usePdfium(async (pdf) => pdf);
    const second = await usePdfium(async (pdf) => pdf);
    expect(first === second).toBe(true);
  });

  it("drops an instance that aborted, failing the use with an error worth retrying", async () => {
    let aborted: Pdfium | undefined;
    const use = usePdfium(async (pdf) => {
      aborted = pdf;
      throw new WebAssembly.RuntimeError("Aborted(OOM)");
    });
    const error = await use.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error instanceof WebAssembly.RuntimeError).toBe(false);
    expect(String(error)).toMatch(/^Error: PDFium stopped: Aborted\(OOM\)/);
    const next = await usePdfium(async (pdf) => pdf);
    expect(next === aborted).toBe(false);
    expect(next._FPDF_GetLastError()).toBe(0);
  });
});
