import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";
import { renderInvoiceImage } from "./render-invoice";

describe("why an invoice waits for a person", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dbTargets()[0] as ReturnType<typeof dbTargets>[number]);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const read = async (token: string, bytes: Buffer) => {
    const res = await server.upload(token, [{ bytes, name: "p.jpg" }]);
    const { id } = (await res.json()) as { id: string };
    return server.waitForInvoice(token, id, (i) => i.status !== "captured");
  };

  it("a readable invoice needs nobody", async () => {
    const token = await server.signup();
    const inv = await read(token, (await renderInvoiceImage({ format: "jpeg" })).bytes);
    expect(inv.status).toBe("extracted");
    expect(inv.reviewReasons).toEqual([]);
  });

  it("a photo of a blank page says no invoice was found", async () => {
    const token = await server.signup();
    const blank = await sharp({
      create: { width: 1240, height: 1754, channels: 3, background: "white" },
    })
      .jpeg()
      .toBuffer();
    const inv = await read(token, blank);
    expect(inv.status).toBe("needs_review");
    expect(inv.reviewReasons).toEqual(["no invoice found on the page"]);
  });
});
