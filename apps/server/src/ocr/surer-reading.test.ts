import { extractFields, readingSureness } from "@chalan/core";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { faintCopy } from "../../test/faint-copy";
import { normalizeImage } from "../images/normalize";
import { MultiScriptEngine } from "./multi-script-engine";
import { surerReading } from "./surer-reading";
import { renderTestPage } from "./test-pages";

describe("surerReading", () => {
  const engine = new MultiScriptEngine();
  afterAll(() => engine.close());

  it("reads a clear page once", async () => {
    const { fields, secondReadingMs } = await surerReading(
      (await renderTestPage("english")).png,
      engine,
    );
    expect(readingSureness(fields)).toBeGreaterThanOrEqual(4);
    expect(secondReadingMs).toBeUndefined();
  });

  it("reads a blank page once: despeckling finds no text where there was none", async () => {
    const blank = await sharp({
      create: { width: 1240, height: 1754, channels: 3, background: "#ffffff" },
    })
      .png()
      .toBuffer();
    const { page, secondReadingMs } = await surerReading(blank, engine);
    expect(page.lines).toEqual([]);
    expect(secondReadingMs).toBeUndefined();
  });

  it("reads a grainy page it was unsure of again, despeckled, keeping the surer reading", async () => {
    const { png } = await normalizeImage(await faintCopy((await renderTestPage("bengali")).png));
    const first = extractFields(await engine.recognize(png));
    expect(readingSureness(first)).toBeLessThan(4);
    const { fields, page, secondReadingMs } = await surerReading(png, engine);
    expect(secondReadingMs).toBeGreaterThan(0);
    expect(readingSureness(fields)).toBeGreaterThanOrEqual(readingSureness(first));
    expect(extractFields(page)).toEqual(fields);
  });
});
