import { extractFields, readingSureness } from "@chalan/core";
import { afterAll, describe, expect, it } from "vitest";
import { faintCopy } from "../../test/faint-copy";
import { normalizeImage } from "../images/normalize";
import { MultiScriptEngine } from "./multi-script-engine";
import { readInvoice } from "./read-invoice";
import { renderTestPage } from "./test-pages";

describe("readInvoice", () => {
  const engine = new MultiScriptEngine();
  afterAll(() => engine.close());

  it("reads a clear page once", async () => {
    const { fields, timings } = await readInvoice((await renderTestPage("english")).png, engine);
    expect(readingSureness(fields)).toBeGreaterThanOrEqual(4);
    expect(timings.secondReadingMs).toBeUndefined();
  });

  it("reads a grainy page it was unsure of again, despeckled, keeping the surer reading", async () => {
    const faint = await faintCopy((await renderTestPage("bengali")).png);
    const first = extractFields(await engine.recognize((await normalizeImage(faint)).png));
    expect(readingSureness(first)).toBeLessThan(4);
    const { fields, timings } = await readInvoice(faint, engine);
    expect(timings.secondReadingMs).toBeGreaterThan(0);
    expect(readingSureness(fields)).toBeGreaterThanOrEqual(readingSureness(first));
  });
});
