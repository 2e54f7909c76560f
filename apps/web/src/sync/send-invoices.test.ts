import "fake-indexeddb/auto";
import { imageDimensions, uuidv7 } from "@chalan/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { dbTargets } from "../../../server/test/databases";
import { startTestServer, type TestServer } from "../../../server/test/harness";
import { renderInvoiceImage } from "../../../server/test/render-invoice";
import { sha256 } from "../capture/sha256";
import { type ChalanDb, openDb } from "../store/db";
import { conflictsOf } from "../store/field-writes";
import {
  addPages,
  captureInvoice,
  editFields,
  type NewPage,
  pickValue,
  saveReading,
} from "../store/invoices";
import { invoiceSender, type SyncProgress } from "./send-invoices";

let server: TestServer;
let token: string;
let db: ChalanDb;
const toServer: typeof fetch = (url, init) => fetch(`${server.url}${url}`, init);
const sender = (device = db, fetchFn = toServer) =>
  invoiceSender(device, { fetchFn, maxAttempts: 1 });

beforeAll(async () => {
  server = await startTestServer(dbTargets()[0] as ReturnType<typeof dbTargets>[number]);
});
afterAll(async () => {
  await server?.chalan.stop();
});
beforeEach(async () => {
  token = await server.signup();
  db = openDb(`test-${uuidv7()}`);
  await db.settings.put({
    key: "session",
    value: { token, email: "karim@example.com", name: "Karim Rahman" },
  });
});
afterEach(async () => {
  await db.delete();
});

async function page(bytes: Uint8Array, name = "memo.jpg"): Promise<NewPage> {
  const hash = await sha256(bytes);
  return {
    bytes: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }),
    mime: "image/jpeg",
    width: 1240,
    height: 1754,
    sha256: hash,
    original: { name, bytes: bytes.length, sha256: hash },
  };
}

const imageSize = async (p: NewPage) =>
  imageDimensions(new Uint8Array(await p.bytes.arrayBuffer()));

const invoice = async (supplierName: string) =>
  (await renderInvoiceImage({ supplierName, format: "jpeg" })).bytes;

async function serverInvoices(): Promise<{ id: string; pages: { sha256: string }[] }[]> {
  return ((await (await server.api("GET", "/api/invoices", token)).json()) as { invoices: [] })
    .invoices;
}

describe("sending invoices kept on the device", () => {
  it("sends every page under the device's id and marks them on the server once it took them", async () => {
    const a = await page(await invoice("Meghna Stores"));
    const b = await page(await invoice("Meghna Stores page 2"), "p2.jpg");
    const id = await captureInvoice(db, [a, b]);
    await sender().kick();

    const [stored] = await serverInvoices();
    expect(stored?.id).toBe(id);
    expect(stored?.pages.map((p) => p.sha256)).toEqual([a.sha256, b.sha256]);
    expect((await db.invoices.get(id))?.place).toBe("server");
    expect((await db.pages.toArray()).every((p) => p.onServer)).toBe(true);
    expect((await db.mutations.toArray()).map((m) => [m.kind, m.pushed])).toEqual([["capture", 1]]);
  });

  it("reports progress by invoices and bytes, ending with all of them done", async () => {
    const pages = [
      await page(await invoice("Bhai Bhai Store")),
      await page(await invoice("Bhai Bhai Store 2"), "2.jpg"),
    ];
    await captureInvoice(db, [pages[0] as NewPage]);
    await captureInvoice(db, [pages[1] as NewPage]);
    const phone = sender();
    const seen: SyncProgress[] = [];
    phone.subscribe((p) => seen.push(p));
    await phone.kick();

    const bytes = pages.reduce((n, p) => n + p.bytes.size, 0);
    const busy = seen.filter((p) => p.state === "syncing");
    expect(busy[0]).toEqual({
      state: "syncing",
      invoices: { done: 0, total: 2 },
      bytes: { done: 0, total: bytes },
    });
    expect(busy.at(-1)).toEqual({
      state: "syncing",
      invoices: { done: 2, total: 2 },
      bytes: { done: bytes, total: bytes },
    });
    const done = busy.map((p) => p.bytes.done);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(phone.progress().state).toBe("idle");
  });

  it("resumes a page from the byte the server kept when the connection dropped mid-upload", async () => {
    const big = await page(await invoice("Chittagong Steel"));
    const id = await captureInvoice(db, [big]);
    let patched = 0;
    let cut = true;
    // The first PATCH delivers half the page, then the connection drops before the answer.
    const dropping: typeof fetch = async (url, init) => {
      if (init?.method !== "PATCH") return toServer(url, init);
      const body = init.body as Blob;
      if (cut) {
        cut = false;
        const half = body.slice(0, Math.floor(body.size / 2));
        patched += half.size;
        await toServer(url, { ...init, body: half });
        throw new TypeError("fetch failed: connection reset");
      }
      patched += body.size;
      return toServer(url, init);
    };
    await sender(db, dropping).kick();
    expect((await db.invoices.get(id))?.place).toBe("device");
    expect((await db.pages.get([id, 1]))?.uploadUrl).toMatch(/^\/api\/uploads\//);

    await sender(db, dropping).kick();
    expect((await db.invoices.get(id))?.place).toBe("server");
    expect(patched).toBe(big.bytes.size);
    expect((await serverInvoices())[0]?.pages.map((p) => p.sha256)).toEqual([big.sha256]);
  });

  it("does not upload a page again that the server already holds", async () => {
    const same = await page(await invoice("Lalbagh Sweets"));
    await captureInvoice(db, [same]);
    await sender().kick();
    // The same photo attached to a second invoice (or uploaded by another device).
    const second = await captureInvoice(db, [same]);
    const methods: string[] = [];
    const watching: typeof fetch = (url, init) => {
      methods.push(`${init?.method ?? "GET"} ${String(url).split("/").slice(0, 4).join("/")}`);
      return toServer(url, init);
    };
    await sender(db, watching).kick();
    expect(
      methods.filter((m) => m.startsWith("PATCH") || m.startsWith("POST /api/uploads")),
    ).toEqual([]);
    expect((await db.invoices.get(second))?.place).toBe("server");
  });

  it("tries again after an exponential, jittered wait while the server cannot be reached", async () => {
    await captureInvoice(db, [await page(await invoice("Sylhet Tea"))]);
    let tries = 0;
    const down: typeof fetch = (url, init) => {
      if (String(url).startsWith("/api/sync/pull")) tries += 1;
      return fetch(`http://127.0.0.1:9${url}`, init);
    };
    const phone = invoiceSender(db, { fetchFn: down, random: () => 0.01, maxAttempts: 4 });
    const states: SyncProgress["state"][] = [];
    phone.subscribe((p) => states.push(p.state));
    await phone.kick();
    expect(phone.progress()).toMatchObject({ state: "waiting" });
    const waitingUntil = phone.progress().retryAt as number;
    expect(waitingUntil - Date.now()).toBeLessThanOrEqual(10);
    await vi.waitFor(() => expect(tries).toBe(4), { timeout: 5_000 });
    await vi.waitFor(() => expect(phone.progress().state).toBe("idle"));
    expect(states.filter((s) => s === "waiting")).toHaveLength(3);
    // The connection seems back: a nudge starts again at once, with a fresh count of failures.
    phone.nudge();
    await vi.waitFor(() => expect(tries).toBe(8), { timeout: 5_000 });
    await vi.waitFor(() => expect(phone.progress().state).toBe("idle"));
  });

  it("fetches another device's pages again when a download arrives torn", async () => {
    const desk = openDb(`test-${uuidv7()}`);
    await desk.settings.put({
      key: "session",
      value: { token, email: "d@example.com", name: "D" },
    });
    try {
      const photo = await page(await invoice("Mohammadi Traders"));
      const id = await captureInvoice(db, [photo]);
      await editFields(db, id, { notes: "দ্বিতীয় কপি" });
      await sender().kick();
      const torn: typeof fetch = async (url, init) => {
        const res = await toServer(url, init);
        if (!/\/pages\/\d+$/.test(String(url))) return res;
        const bytes = new Uint8Array(await res.arrayBuffer());
        return new Response(bytes.slice(0, bytes.length >> 1), { status: 200 });
      };
      await sender(desk, torn).kick();
      expect((await desk.invoices.get(id))?.fields.notes?.value).toBe("দ্বিতীয় কপি");
      expect(await desk.pages.count()).toBe(0);
      expect((await desk.invoices.get(id))?.pageCount).toBe(0);
      await sender(desk).kick();
      expect((await desk.pages.toArray()).map((p) => p.sha256)).toEqual([photo.sha256]);
    } finally {
      await desk.delete();
    }
  });

  it("keeps the business's suppliers in the device's cache, removals too", async () => {
    const [meghna, padma] = [uuidv7(), uuidv7()];
    await server.api("PUT", `/api/suppliers/${meghna}`, token, {
      name: "Meghna Stores",
      nameBn: "মেঘনা স্টোর্স",
      bin: "0012345670101",
    });
    await server.api("PUT", `/api/suppliers/${padma}`, token, { name: "Padma Traders" });
    await sender().kick();
    expect((await db.suppliers.orderBy("name").toArray()).map((s) => [s.id, s.nameBn])).toEqual([
      [meghna, "মেঘনা স্টোর্স"],
      [padma, undefined],
    ]);
    await server.api("DELETE", `/api/suppliers/${padma}`, token);
    await server.api("PUT", `/api/suppliers/${meghna}`, token, { name: "Meghna Stores Ltd" });
    await sender().kick();
    expect((await db.suppliers.toArray()).map((s) => [s.id, s.name, s.bin])).toEqual([
      [meghna, "Meghna Stores Ltd", undefined],
    ]);
  });

  it("starts the back-off afresh when a failed pass got something through first", async () => {
    await captureInvoice(db, [await page(await invoice("Rangpur Rice 1"))]);
    await captureInvoice(db, [await page(await invoice("Rangpur Rice 2"), "2.jpg")]);
    let commits = 0;
    let down = true;
    // The link is down, then lets one invoice through and goes down again mid-pass.
    const flaky: typeof fetch = (url, init) => {
      if (String(url) === "/api/sync/invoices" && !down && ++commits > 1) down = true;
      return down ? Promise.reject(new TypeError("fetch failed")) : toServer(url, init);
    };
    const phone = invoiceSender(db, { fetchFn: flaky, random: () => 0.001, maxAttempts: 50 });
    const seen: SyncProgress[] = [];
    phone.subscribe((p) => seen.push(p));
    await phone.kick();
    await vi.waitFor(() => expect(phone.progress().failures).toBeGreaterThanOrEqual(3));
    const before = seen.length;
    down = false;
    await vi.waitFor(() => expect(commits).toBe(2));
    await vi.waitFor(() =>
      expect(
        seen.slice(before).find((p) => p.state === "waiting" && p.failures === 1),
      ).toBeDefined(),
    );
    expect((await serverInvoices()).length).toBe(1);
    phone.stop();
  });

  it("makes one invoice on the server however often a send is repeated", async () => {
    const id = await captureInvoice(db, [await page(await invoice("Padma Traders"))]);
    const phone = sender();
    await phone.kick();
    // The answer was lost (connection dropped after the server committed): the device sends again.
    await db.invoices.update(id, { place: "device" });
    await phone.kick();
    expect((await serverInvoices()).map((i) => i.id)).toEqual([id]);
    expect((await db.invoices.get(id))?.place).toBe("server");
  });

  it("keeps the server's reason for a page it refuses, and still sends the others", async () => {
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const bad = await captureInvoice(db, [await page(broken, "torn.jpg")]);
    const good = await captureInvoice(db, [await page(await invoice("Jamuna Hardware"))]);
    await sender().kick();

    const refused = await db.invoices.get(bad);
    expect(refused?.place).toBe("device");
    expect(refused?.sendError).toMatch(/torn\.jpg/);
    expect((await db.pages.get([bad, 1]))?.onServer).toBe(false);
    expect((await db.invoices.get(good))?.place).toBe("server");
    expect((await serverInvoices()).map((i) => i.id)).toEqual([good]);
  });

  it("never marks a page added after sending as on the server: the server refuses other pages", async () => {
    const id = await captureInvoice(db, [await page(await invoice("Karnaphuli Paper"))]);
    const phone = sender();
    await phone.kick();
    await addPages(db, id, [await page(await invoice("Karnaphuli Paper p2"), "p2.jpg")]);
    await phone.kick();
    expect((await db.pages.get([id, 2]))?.onServer).toBe(false);
    expect((await db.pages.get([id, 1]))?.onServer).toBe(true);
    expect(await db.invoices.get(id)).toMatchObject({ place: "device" });
    expect((await db.invoices.get(id))?.sendError).toMatch(/already exists with other pages/);
  });

  it("sends nothing without a valid sign-in, and leaves everything waiting", async () => {
    const id = await captureInvoice(db, [await page(await invoice("Surma Foods"))]);
    await db.settings.put({
      key: "session",
      value: { token: "x".repeat(43), email: "a@b.co", name: "A" },
    });
    await sender().kick();
    expect((await db.invoices.get(id))?.place).toBe("device");
    await db.settings.delete("session");
    await sender().kick();
    expect((await db.invoices.get(id))?.place).toBe("device");
  });

  it("leaves the invoice waiting when the server cannot be reached", async () => {
    const id = await captureInvoice(db, [await page(await invoice("Titas Gas"))]);
    const unplugged: typeof fetch = (url, init) => fetch(`http://127.0.0.1:9${url}`, init);
    await sender(db, unplugged).kick();
    expect((await db.invoices.get(id))?.place).toBe("device");
  });

  it("pushes edits before pages, and the server shows a person's value over its own reading", async () => {
    const id = await captureInvoice(db, [await page(await invoice("Rupsha Fish"))]);
    await saveReading(db, id, 1, { total: { value: 1, confidence: 0.3 } }, 10);
    await editFields(db, id, { total: 4_242_00, notes: "ফেরত ২টি বাক্স" });
    await sender().kick();

    const log = await db.mutations.orderBy("seq").toArray();
    expect(log.map((m) => [m.kind, m.provenance, m.pushed])).toEqual([
      ["capture", "human", 1],
      ["fields", "local_ocr", 1],
      ["fields", "human", 1],
    ]);
    const pulled = (await (await server.api("GET", "/api/sync/pull", token)).json()) as {
      writes: { write: { field: string; value: unknown; device: string } }[];
    };
    const fromDevice = pulled.writes.filter((w) => w.write.device !== "server");
    expect(fromDevice.map((w) => [w.write.field, w.write.value])).toEqual([
      ["total", 1],
      ["total", 4_242_00],
      ["notes", "ফেরত ২টি বাক্স"],
    ]);
    const read = await server.waitForInvoice(token, id, (inv) => inv.status !== "captured");
    expect(read.fields.total).toEqual({ value: 4_242_00, confidence: 1, provenance: "human" });
    expect(read.fields.notes?.value).toBe("ফেরত ২টি বাক্স");
  });

  it("shows two devices' different totals as a conflict on both, and one person's pick settles both", async () => {
    const other = openDb(`test-${uuidv7()}`);
    await other.settings.put({
      key: "session",
      value: { token, email: "k@example.com", name: "Rina" },
    });
    try {
      const phone = sender();
      const desk = sender(other);
      const photo = await page(await invoice("Sonali Traders"));
      const id = await captureInvoice(db, [photo]);
      await saveReading(db, id, 1, { total: { value: 100_00, confidence: 0.4 } }, 10);
      await phone.kick();
      await desk.kick();
      expect((await other.invoices.get(id))?.fields.total?.value).toBe(100_00);
      // The desk fetched the page too, so it can show it when reviewing offline.
      const fetched = await other.pages.where("invoiceId").equals(id).toArray();
      expect(fetched.map((p) => [p.n, p.sha256, p.bytes.size, p.width])).toEqual([
        [1, photo.sha256, photo.bytes.size, (await imageSize(photo))?.width],
      ]);
      expect((await other.invoices.get(id))?.pageCount).toBe(1);

      // Both offline, each corrects the total differently, having seen only the reading.
      await editFields(db, id, { total: 111_00 });
      await editFields(other, id, { total: 222_00 });
      await phone.kick();
      await desk.kick();
      await phone.kick();
      for (const device of [db, other]) {
        const inv = await device.invoices.get(id);
        expect(inv?.status).toBe("needs_review");
        expect(inv?.reviewReasons[0]).toBe("total changed on two devices");
        const values =
          inv &&
          conflictsOf(inv)
            .total?.map((w) => w.value)
            .sort();
        expect(values).toEqual([111_00, 222_00]);
      }
      const onServer = await server.waitForInvoice(
        token,
        id,
        (inv) => inv.status === "needs_review",
      );
      expect(onServer.reviewReasons[0]).toMatch(/^total edited on two devices/);

      // The desk keeps its own value, which it already shows: the pick is still a write.
      await pickValue(other, id, "total", 222_00);
      await desk.kick();
      await phone.kick();
      for (const device of [db, other]) {
        const inv = await device.invoices.get(id);
        expect(inv && conflictsOf(inv)).toEqual({});
        expect(inv?.fields.total).toEqual({ value: 222_00, confidence: 1, provenance: "human" });
      }
      const settled = await server.waitForInvoice(
        token,
        id,
        (inv) => inv.fields.total?.value === 222_00,
      );
      expect(settled.reviewReasons.some((r) => r.includes("two devices"))).toBe(false);
    } finally {
      await other.delete();
    }
  });
});
