import { afterAll, describe, expect, it } from "vitest";
import { EngineThreads } from "./engine-threads";
import { renderTestPage } from "./test-pages";

describe("EngineThreads", () => {
  it("reads pages at once on threads of their own, and a page it cannot read fails alone", async () => {
    const engine = new EngineThreads({ threads: 2 });
    afterAll(() => engine.close());
    const [english, mixed] = await Promise.all([
      renderTestPage("english"),
      renderTestPage("mixed"),
    ]);
    const [notAnImage, first, second] = await Promise.allSettled([
      engine.recognize(Buffer.from("<html>not an image</html>")),
      engine.recognize(english.png),
      engine.recognize(mixed.png),
    ]);
    expect(notAnImage.status).toBe("rejected");
    expect(first.status === "fulfilled" && first.value.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(["Rupali Stationery Mart"]),
    );
    expect(second.status === "fulfilled" && second.value.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(["চালান নং: PE-7781"]),
    );
    // Closed, its threads end; new ones load the models again (onnxruntime's binding included).
    await engine.close();
    const again = await engine.recognize(english.png);
    expect(again.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(["Rupali Stationery Mart"]),
    );
  });

  it("fails the page of a thread that dies, and reads the next one on a new thread", async () => {
    const engine = new EngineThreads({
      entry: new URL("../../test/dying-thread.mjs", import.meta.url),
    });
    await expect(engine.recognize(Buffer.alloc(0))).rejects.toThrow(
      /OCR thread stopped \(exit code 3\)/,
    );
    await expect(engine.recognize(Buffer.from("abc"))).resolves.toMatchObject({ width: 3 });
    await engine.close();
  });

  it("fails the pages still waiting when closed, and starts again after", async () => {
    const engine = new EngineThreads({
      entry: new URL("../../test/dying-thread.mjs", import.meta.url),
    });
    const pages = [engine.recognize(Buffer.from("a")), engine.recognize(Buffer.from("ab"))];
    const failed = expect(Promise.all(pages)).rejects.toThrow(/the OCR engine was closed/);
    await engine.close();
    await failed;
    await expect(engine.recognize(Buffer.from("abcd"))).resolves.toMatchObject({ width: 4 });
    await engine.close();
  });
});
