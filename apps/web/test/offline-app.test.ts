import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { dhakaDate, ReviewState, uuidv7 } from "@chalan/core";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bridgePass } from "../../server/src/connectors/tally-bridge";
import { grayPixels, measureTilt } from "../../server/src/images/orientation";
import { onePagePdf } from "../../server/src/images/pdf-test-files";
import { dbTargets } from "../../server/test/databases";
import { fakeQuickBooks, quickbooksSettings } from "../../server/test/fake-quickbooks";
import { fakeTally } from "../../server/test/fake-tally";
import { freePort } from "../../server/test/free-port";
import { startTestServer, type TestServer } from "../../server/test/harness";
import { photograph } from "../../server/test/photograph";
import { renderInvoiceImage } from "../../server/test/render-invoice";
import { fieldText, showMoney } from "../src/ui/field-text";
import { launchChromium } from "./chromium";
import { installApp } from "./install-app";
import { type NetworkSwitch, networkSwitch } from "./network-switch";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../e2e/screenshots");
const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1280, height: 800 };

let server: TestServer;
let net: NetworkSwitch;
const profiles: string[] = [];

beforeAll(async () => {
  server = await startTestServer(dbTargets()[0] as ReturnType<typeof dbTargets>[number]);
  net = await networkSwitch(server.url);
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await net?.close();
  await server?.chalan.stop();
  // Chromium's helper processes may still be writing to a profile for a moment after it exits.
  for (const p of profiles) await rm(p, { recursive: true, force: true, maxRetries: 10 });
});

async function profile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "chalan-chromium-"));
  profiles.push(dir);
  return dir;
}

async function writeTemp(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(await profile(), name);
  await writeFile(file, bytes);
  return file;
}

/** Loads the app and waits until it and the readers' files are in the service worker's caches. */
const install = (page: Page) => installApp(page, net.url);

/** Signs in through the account screen, or signs a new business up. */
async function signIn(
  page: Page,
  form: "Create a business account" | "Sign in",
  email: string,
  base = net.url,
) {
  await page.goto(`${base}/#/account`);
  const f = page.locator("form", { hasText: form });
  if (form === "Create a business account") {
    await f.locator("[name=orgName]").fill("Rahman Traders");
    await f.locator("[name=name]").fill("Rina Das");
  }
  await f.locator("[name=email]").fill(email);
  await f.locator("[name=password]").fill("correct horse battery");
  await f.getByRole("button").click();
  await page.getByText(`Signed in as ${email}`).waitFor();
}

/** A bearer token for the business signed up in the browser, to look at what reached the server. */
async function tokenOf(email: string): Promise<string> {
  const login = await server.api("POST", "/api/login", undefined, {
    email,
    password: "correct horse battery",
  });
  return ((await login.json()) as { token: string }).token;
}

/** A new phone: the app installed on a fresh profile, a new business signed up on it. */
async function signedUpPhone(name: string) {
  const email = `${name}.${Date.now()}@example.com`;
  const chrome = await launchChromium(await profile());
  const page = await chrome.context.newPage();
  await install(page);
  await signIn(page, "Create a business account", email);
  return { chrome, page, email };
}

async function fieldValue(page: Page, field: string): Promise<string> {
  return page.locator(`#field-${field}`).inputValue();
}

describe("the web app with no connection", () => {
  it("captures an invoice, reads it on the device and keeps an edit through a reload", async () => {
    const invoice = await renderInvoiceImage({
      supplierName: "Padma Traders Ltd",
      invoiceNumber: "PT-2026-0318",
      // Dated today, so the dashboard's month shows it.
      issueDate: dhakaDate(new Date()),
      lines: [
        { description: "Rice (Miniket) 50 kg", qty: 4, unitPrice: 320_000 },
        { description: "Soybean oil 5 L", qty: 10, unitPrice: 86_000 },
      ],
      vatRate: 0.15,
      format: "jpeg",
    });
    const photo = await writeTemp("memo.jpg", invoice.bytes);
    const chrome = await launchChromium(await profile());
    try {
      const page = await chrome.context.newPage();
      const foreign: string[] = [];
      page.on("request", (r) => {
        const url = new URL(r.url());
        if (/^https?:$/.test(url.protocol) && url.origin !== net.url) foreign.push(r.url());
      });
      await page.setViewportSize(PHONE);
      await install(page);

      await net.cut();
      await chrome.context.setOffline(true);
      await page.reload();
      await page.getByTestId("net").filter({ hasText: "Offline" }).waitFor();

      await page.goto(`${net.url}/#/capture`);
      const started = Date.now();
      await page.getByTestId("capture-files").setInputFiles(photo);
      await page.waitForURL(/#\/invoice\/[0-9a-f-]{36}$/);
      await page.getByTestId("place").filter({ hasText: "Saved on this device" }).waitFor();
      const total = fieldText("total", invoice.total, "en");

      await page.waitForFunction(
        (want) => (document.querySelector("#field-total") as HTMLInputElement)?.value === want,
        total,
        { timeout: 120_000, polling: 250 },
      );
      console.log(`draft read on the device in ${Date.now() - started} ms (offline)`);
      expect(await page.getByTestId("reading").textContent()).toMatch(/Read on this device/);

      await page.locator("#field-supplierName").fill("Padma Traders & Sons");
      await page.locator("#field-supplierName").press("Enter");
      await page.locator(".field", { hasText: "Entered by you" }).waitFor();
      await page.locator("#field-vat").fill("12.345");
      await page.locator("#field-vat").press("Tab");
      await page.getByRole("alert").filter({ hasText: "Not saved" }).waitFor();

      await page.reload();
      await page.locator("#field-total").waitFor();
      await page.waitForFunction(
        () =>
          (document.querySelector("#field-supplierName") as HTMLInputElement)?.value ===
          "Padma Traders & Sons",
      );
      expect(await fieldValue(page, "total")).toBe(total);
      expect(await fieldValue(page, "vat")).toBe(fieldText("vat", invoice.vat, "en"));
      await page.locator("#field-total").focus();
      await page.getByTestId("highlight").waitFor();
      await page.locator(".change-log summary").click();
      const log = await page.getByTestId("change-log").textContent();
      expect(log).toMatch(/You Supplier: Padma Traders & Sons · not synced yet/);
      expect(log).toMatch(/Read here .*Total: /);
      expect(log).toMatch(/You captured, 1 page/);

      // The checks run here, offline: a date in the future is flagged beside the field.
      const today = dhakaDate(new Date());
      const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
      await page.locator("#field-issueDate").fill(fieldText("issueDate", nextYear, "en"));
      await page.locator("#field-issueDate").press("Enter");
      await page.getByTestId("checks").filter({ hasText: "is in the future" }).waitFor();
      expect(await page.locator(".field.flag-error #field-issueDate").count()).toBe(1);
      await page.getByTestId("checks").scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, "en-phone-checks.png") });
      await page.locator("#field-issueDate").fill(fieldText("issueDate", today, "en"));
      await page.locator("#field-issueDate").press("Enter");
      await page.getByTestId("checks").waitFor({ state: "detached" });

      await page.goto(`${net.url}/#/invoices`);
      await page.getByTestId("invoice-row").first().waitFor();
      expect(await page.getByTestId("invoice-row").count()).toBe(1);
      await page.getByTestId("waiting").filter({ hasText: "1 invoice waiting" }).waitFor();
      const invoiceHash = (await page.getByTestId("invoice-row").getAttribute("href")) ?? "";
      await page.goto(`${net.url}/#/dashboard`);
      const spend = showMoney(invoice.total, "en");
      await page.getByTestId("month-spend").filter({ hasText: spend }).waitFor();
      await screenshots(page, invoiceHash);
      expect(foreign).toEqual([]);
    } finally {
      await chrome.close();
      await chrome.context.setOffline(false).catch(() => {});
      await net.restore();
    }
  }, 300_000);

  it("loses nothing it showed as saved when the browser is killed mid-capture", async () => {
    const first = await renderInvoiceImage({ supplierName: "Meghna Stores", format: "jpeg" });
    const second = await renderInvoiceImage({ supplierName: "Jamuna Hardware", format: "png" });
    const files = [
      await writeTemp("first.jpg", first.bytes),
      await writeTemp("second-a.png", second.bytes),
      await writeTemp("second-b.png", second.bytes),
    ];
    const dir = await profile();
    let chrome = await launchChromium(dir);
    const page = await chrome.context.newPage();
    await page.goto(`${net.url}/#/capture`);
    await page.getByTestId("capture-files").setInputFiles(files[0] as string);
    await page.waitForURL(/#\/invoice\//);
    const savedId = page.url().split("/").pop();
    await page.locator("#field-notes").fill("paid cash, কাল দেখব");
    await page.locator("#field-notes").blur();
    await page.locator(".field", { hasText: "Entered by you" }).waitFor();

    await page.goto(`${net.url}/#/capture`);
    await page.getByTestId("capture-files").setInputFiles(files.slice(1));
    await chrome.kill();

    chrome = await launchChromium(dir);
    try {
      const again = await chrome.context.newPage();
      await again.goto(`${net.url}/#/invoice/${savedId}`);
      await again.locator("#field-notes").waitFor();
      expect(await fieldValue(again, "notes")).toBe("paid cash, কাল দেখব");
      await again.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>("[data-testid=page-image]");
        return img?.complete === true && img.naturalWidth > 0;
      });
      // The invoice being saved when the power went is there whole, or not at all.
      const invoices = await again.evaluate(() => {
        return new Promise<{ pageCount: number; pages: number }[]>((resolve, reject) => {
          const open = indexedDB.open("chalan");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(["invoices", "pages"]);
            const inv = tx.objectStore("invoices").getAll();
            const pages = tx.objectStore("pages").getAll();
            tx.oncomplete = () =>
              resolve(
                inv.result.map((i: { id: string; pageCount: number }) => ({
                  pageCount: i.pageCount,
                  pages: pages.result.filter((p: { invoiceId: string }) => p.invoiceId === i.id)
                    .length,
                })),
              );
          };
        });
      });
      expect(invoices.length).toBeGreaterThanOrEqual(1);
      for (const inv of invoices) expect(inv.pages).toBe(inv.pageCount);
    } finally {
      await chrome.close();
    }
  }, 300_000);
});

describe("a PDF invoice", () => {
  it("is read on the device with no connection, and a locked one is refused", async () => {
    const doc = await PDFDocument.create();
    const pdfPage = doc.addPage([595, 842]);
    // Helvetica is not embedded: pdf.js draws it with the standard fonts we serve.
    const font = await doc.embedFont(StandardFonts.Helvetica);
    pdfPage.drawText("Meghna Traders", { x: 50, y: 780, size: 18, font });
    pdfPage.drawText("Invoice No: MT-1042", { x: 50, y: 740, size: 11, font });
    pdfPage.drawText("Date: 18/03/2026", { x: 400, y: 740, size: 11, font });
    pdfPage.drawText("Total: Tk 1,150.00", { x: 400, y: 580, size: 11, font });
    const pdf = await writeTemp("bill.pdf", Buffer.from(await doc.save()));
    const locked = await writeTemp(
      "locked.pdf",
      onePagePdf("BT /F1 12 Tf 50 700 Td (Total: Tk 1,150.00) Tj ET", {
        encryption: { userPassword: "1234", ownerPassword: "x" },
      }),
    );
    const chrome = await launchChromium(await profile());
    try {
      const page = await chrome.context.newPage();
      await install(page);
      await net.cut();
      await chrome.context.setOffline(true);
      await page.goto(`${net.url}/#/capture`);
      await page.getByTestId("capture-files").setInputFiles(locked);
      await page
        .getByRole("alert")
        .filter({ hasText: "locked.pdf is protected by a password" })
        .waitFor();
      await page.getByTestId("capture-files").setInputFiles(pdf);
      await page.waitForURL(/#\/invoice\//);
      await page.waitForFunction(
        () => (document.querySelector("#field-total") as HTMLInputElement)?.value === "1,150.00",
        null,
        { timeout: 120_000, polling: 250 },
      );
      expect(await fieldValue(page, "invoiceNumber")).toBe("MT-1042");
      expect(await fieldValue(page, "issueDate")).toBe("18/03/2026");
      await page.locator("#field-total").focus();
      await page.getByTestId("highlight").waitFor();
    } finally {
      await chrome.close();
      await chrome.context.setOffline(false).catch(() => {});
      await net.restore();
    }
  }, 300_000);
});

describe("a page photographed askew", () => {
  it("is kept level, as the server levels it, and read", async () => {
    const invoice = await renderInvoiceImage({
      supplierName: "Karnaphuli Traders",
      format: "jpeg",
    });
    const askew = await sharp(invoice.bytes).rotate(4, { background: "#f4f1ea" }).jpeg().toBuffer();
    const before = await measureTilt(await grayPixels(askew));
    expect(before).toBeGreaterThan(3.5);
    const chrome = await launchChromium(await profile());
    try {
      const page = await chrome.context.newPage();
      await page.goto(`${net.url}/#/capture`);
      await page.getByTestId("capture-files").setInputFiles(await writeTemp("askew.jpg", askew));
      await page.waitForURL(/#\/invoice\//);
      const total = fieldText("total", invoice.total, "en");
      await page.waitForFunction(
        (want) => (document.querySelector("#field-total") as HTMLInputElement)?.value === want,
        total,
        { timeout: 120_000, polling: 250 },
      );
      const id = page.url().split("/").pop() as string;
      const kept = await page.evaluate(async (id) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open("chalan");
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const stored = await new Promise<{ bytes: Blob }>((resolve) => {
          const get = db.transaction("pages").objectStore("pages").get([id, 1]);
          get.onsuccess = () => resolve(get.result);
        });
        return Array.from(new Uint8Array(await stored.bytes.arrayBuffer()));
      }, id);
      const after = await measureTilt(await grayPixels(Buffer.from(kept)));
      expect(Math.abs(after)).toBeLessThan(1);
    } finally {
      await chrome.close();
    }
  }, 300_000);
});

describe("every way a page gets in", () => {
  it("takes pages dropped, pasted and shot with the live camera", async () => {
    const { bytes } = await renderInvoiceImage({
      supplierName: "Dhaka Paper House",
      format: "jpeg",
    });
    const chrome = await launchChromium(await profile(), [
      // A synthetic camera, and camera permission granted without asking.
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
    ]);
    try {
      const page = await chrome.context.newPage();
      const newInvoice = async (take: () => Promise<void>) => {
        await page.goto(`${net.url}/#/capture`);
        await page.getByTestId("capture-files").waitFor({ state: "attached" });
        await take();
        await page.waitForURL(/#\/invoice\//);
        await page.getByTestId("page-image").waitFor();
        return page.url();
      };
      const event = (type: "drop" | "paste") =>
        page.evaluate(
          ({ type, b64 }) => {
            const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([data], `${type}.jpg`, { type: "image/jpeg" }));
            const e =
              type === "drop"
                ? new DragEvent("drop", { dataTransfer: transfer, cancelable: true })
                : new ClipboardEvent("paste", { clipboardData: transfer, cancelable: true });
            dispatchEvent(e);
          },
          { type, b64: bytes.toString("base64") },
        );
      const dropped = await newInvoice(() => event("drop"));
      const pasted = await newInvoice(() => event("paste"));
      const shot = await newInvoice(async () => {
        await page.getByRole("button", { name: "Use the camera" }).click();
        await page.getByRole("button", { name: "Take this page" }).click();
      });
      expect(new Set([dropped, pasted, shot]).size).toBe(3);
    } finally {
      await chrome.close();
    }
  }, 300_000);
});

describe("bad input in the web app", () => {
  it("refuses each bad file with a message a clerk can act on, and keeps only the good one", async () => {
    const good = await renderInvoiceImage({ supplierName: "Rupali Traders", format: "jpeg" });
    const files = {
      empty: await writeTemp("empty.jpg", Buffer.alloc(0)),
      text: await writeTemp("notes.jpg", Buffer.from("DROP TABLE invoices; <script>x</script>")),
      // A photo cut off mid-transfer: the header is whole, the picture is not.
      torn: await writeTemp("torn.jpg", good.bytes.subarray(0, 2000)),
      flood: await writeTemp(
        "flood.png",
        Buffer.from("89504e470d0a1a0a0000000d4948445200004e2000004e2008020000", "hex"),
      ),
      heic: await writeTemp(
        "photo.heic",
        Buffer.concat([
          Buffer.from("0000001866747970686569630000000068656963", "hex"),
          Buffer.alloc(64),
        ]),
      ),
      huge: await writeTemp(
        "scan.jpg",
        Buffer.concat([good.bytes, Buffer.alloc(26 * 1024 * 1024)]),
      ),
      good: await writeTemp("good.jpg", good.bytes),
    };
    const chrome = await launchChromium(await profile());
    try {
      const page = await chrome.context.newPage();
      await page.goto(`${net.url}/#/capture`);
      // A good page among bad ones is kept, as an invoice of its own pages only.
      await page.getByTestId("capture-files").setInputFiles([files.empty, files.good, files.torn]);
      await page.waitForURL(/#\/invoice\//);
      expect(await page.locator(".page-viewer nav.pages").count()).toBe(0);
      await page.goto(`${net.url}/#/capture`);
      // Files travel to Chromium over CDP here: 26 MB takes a while on a busy machine.
      const bad = Object.values(files).slice(0, -1);
      await page.getByTestId("capture-files").setInputFiles(bad, { timeout: 120_000 });
      const alerts = page.getByRole("alert");
      await alerts.first().waitFor();
      const messages = await alerts.allTextContents();
      expect(messages).toEqual([
        "empty.jpg is empty (0 bytes). Take the photo again.",
        "notes.jpg is not a photo or a PDF.",
        "torn.jpg is damaged or incomplete and cannot be opened.",
        "flood.png has too many pixels to open on this device.",
        "photo.heic is a HEIC photo. Set the camera to JPEG (Most compatible) and take it again.",
        "scan.jpg is larger than 25 MB. Send a smaller photo or scan.",
      ]);

      await page.goto(`${net.url}/#/invoices`);
      await page.getByTestId("invoice-row").first().waitFor();
      expect(await page.getByTestId("invoice-row").count()).toBe(1);
      await page.getByTestId("invoice-row").click();
      await page.locator("#field-issueDate").fill("31/02/2026");
      await page.locator("#field-issueDate").blur();
      await page.getByRole("alert").filter({ hasText: "Not saved" }).waitFor();
      await page.reload();
      await page.locator("#field-issueDate").waitFor();
      expect(await fieldValue(page, "issueDate")).not.toBe("31/02/2026");

      // A clerk moves between invoices from the keyboard.
      const first = page.url();
      await page.goto(`${net.url}/#/capture`);
      await page.getByTestId("capture-files").setInputFiles(files.good);
      await page.waitForURL((url) => url.hash.startsWith("#/invoice/") && url.href !== first);
      const second = page.url();
      await page.locator("#field-total").waitFor();
      await page.keyboard.press("Alt+ArrowRight");
      await page.waitForURL(first);
      await page.keyboard.press("Alt+ArrowLeft");
      await page.waitForURL(second);
    } finally {
      await chrome.close();
    }
  }, 300_000);
});

describe("the web app when the connection comes back", () => {
  it("sends what was captured offline, and shows it on the server", async () => {
    const invoice = await renderInvoiceImage({ supplierName: "Surma Foods", format: "jpeg" });
    const photo = await writeTemp("surma.jpg", invoice.bytes);
    const { chrome, page, email } = await signedUpPhone("clerk");
    try {
      await net.cut();
      await chrome.context.setOffline(true);
      await page.goto(`${net.url}/#/capture`);
      await page.getByTestId("capture-files").setInputFiles(photo);
      await page.waitForURL(/#\/invoice\//);
      const id = page.url().split("/").pop() as string;
      await page.getByTestId("place").filter({ hasText: "Saved on this device" }).waitFor();
      await page.getByTestId("waiting").filter({ hasText: "1 invoice waiting" }).waitFor();
      await page.locator("#field-supplierName").fill("Surma Foods (Sylhet)");
      await page.locator("#field-supplierName").blur();
      await page.locator(".field", { hasText: "Entered by you" }).waitFor();

      await net.restore();
      await chrome.context.setOffline(false);
      await page.getByTestId("place").filter({ hasText: "On the server" }).waitFor();
      // The offline edit is pushed once its invoice is on the server: then nothing waits.
      await page.getByTestId("waiting").waitFor({ state: "detached" });

      const token = await tokenOf(email);
      const stored = await server.waitForInvoice(token, id, (inv) => inv.status !== "captured");
      expect(stored.fields.total?.value).toBe(invoice.total);
      // The edit made offline reached the server too, and stands over the server's own reading.
      expect(stored.fields.supplierName).toEqual({
        value: "Surma Foods (Sylhet)",
        confidence: 1,
        provenance: "human",
      });
    } finally {
      await chrome.close();
    }
  }, 300_000);
});

describe("Background Sync", () => {
  it("sends an invoice captured while the server was unreachable after the app was closed", async () => {
    const invoice = await renderInvoiceImage({ supplierName: "Kushtia Mills", format: "jpeg" });
    const photo = await writeTemp("kushtia.jpg", invoice.bytes);
    const { chrome, page, email } = await signedUpPhone("closed");
    try {
      // The shop's router is up but the internet is not: the phone thinks it is online.
      await net.cut();
      await page.goto(`${net.url}/#/capture`);
      await page.getByTestId("capture-files").setInputFiles(photo);
      await page.waitForURL(/#\/invoice\//);
      const id = page.url().split("/").pop() as string;
      await page.getByTestId("place").filter({ hasText: "Saved on this device" }).waitFor();
      // The send failed, so the app asked the browser for a Background Sync.
      await page.getByTestId("retry").waitFor({ timeout: 60_000 });
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: path.join(SCREENSHOTS, "en-phone-retry.png") });
      const tags = await page.evaluate(async () => {
        const reg = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
          sync: { getTags(): Promise<string[]> };
        };
        return reg.sync.getTags();
      });
      expect(tags).toContain("chalan-sync");
      const origin = new URL(net.url).origin;
      await page.close();

      // No page of the app is open when the connection comes back; the browser fires the sync
      // event at the service worker (here through DevTools, as Chromium would on reconnecting).
      await net.restore();
      const blank = await chrome.context.newPage();
      const cdp = await chrome.context.newCDPSession(blank);
      const registration = new Promise<string>((resolve) => {
        cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
          const ours = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
          if (ours) resolve(ours.registrationId);
        });
      });
      await cdp.send("ServiceWorker.enable");
      await cdp.send("ServiceWorker.dispatchSyncEvent", {
        origin,
        registrationId: await registration,
        tag: "chalan-sync",
        lastChance: false,
      });
      const token = await tokenOf(email);
      const stored = await server.waitForInvoice(token, id, (inv) => inv.status !== "captured");
      expect(stored.fields.total?.value).toBe(invoice.total);
      // Sent by the service worker alone: no page of the app was open.
      expect(chrome.context.pages().filter((p) => p.url().startsWith(origin))).toEqual([]);
    } finally {
      await chrome.close();
    }
  }, 300_000);
});

describe("suppliers", () => {
  it("imports a sheet after a preview naming each bad row, and adds one by hand", async () => {
    const sheet = await writeTemp(
      "suppliers.csv",
      Buffer.from(
        "নাম,Bangla name,BIN,VAT\nMeghna Stores,মেঘনা স্টোর্স,০০১২৩৪৫৬৭০১০১,15%\nPadma Traders,,12345,7.5\nJamuna Hardware,,0012345670102,5\n",
      ),
    );
    const { chrome, page, email } = await signedUpPhone("suppliers");
    try {
      await page.goto(`${net.url}/#/suppliers`);
      await page.getByTestId("supplier-sheet").setInputFiles(sheet);
      const preview = page.getByTestId("import-preview");
      await preview.filter({ hasText: "2 to add, 0 to update, 1 refused" }).waitFor();
      expect(await preview.locator(".import-errors li").allTextContents()).toEqual([
        "Line 3: bin: a BIN is 13 digits",
      ]);
      await preview.getByRole("button", { name: "Import the good rows" }).click();
      await page.getByTestId("import-done").waitFor();
      const list = page.getByTestId("supplier-list");
      await list.filter({ hasText: "Jamuna Hardware" }).waitFor();
      expect(await list.locator("tbody tr").count()).toBe(2);
      expect(await list.textContent()).toContain("মেঘনা স্টোর্স");

      const form = page.locator("form.supplier-form");
      await form.locator("[name=name]").fill("Surma Foods");
      await form.locator("[name=bin]").fill("0012345670103");
      await form.locator("[name=usualVatRate]").fill("5");
      await form.getByRole("button").click();
      await list.filter({ hasText: "Surma Foods" }).waitFor();

      // Meghna's address and another spelling added; what the form leaves alone is kept.
      await list
        .locator("tr", { hasText: "Meghna Stores" })
        .getByRole("button", { name: "Edit" })
        .click();
      await form.getByRole("heading", { name: "Change Meghna Stores" }).waitFor();
      expect(await form.locator("[name=usualVatRate]").inputValue()).toBe("15");
      await form.locator("[name=address]").fill("12 Chawkbazar, Chattogram");
      await form.locator("[name=aliases]").fill("Meghna Store Ctg");
      await form.getByRole("button", { name: "Save supplier" }).click();
      await list.filter({ hasText: "Also written: Meghna Store Ctg" }).waitFor();
      // Jamuna removed, after saying what that means.
      page.once("dialog", (d) => void d.accept());
      await list
        .locator("tr", { hasText: "Jamuna Hardware" })
        .getByRole("button", { name: "Remove" })
        .click();
      await list.filter({ hasNotText: "Jamuna Hardware" }).waitFor();
      await page.setViewportSize(PHONE);
      await page.screenshot({
        path: path.join(SCREENSHOTS, "en-phone-suppliers.png"),
        fullPage: true,
      });
      const res = await server.api("GET", "/api/suppliers", await tokenOf(email));
      const { suppliers } = (await res.json()) as {
        suppliers: { name: string; bin?: string; address?: string; aliases: string[] }[];
      };
      expect(suppliers.map((s) => [s.name, s.bin])).toEqual([
        ["Meghna Stores", "0012345670101"],
        ["Surma Foods", "0012345670103"],
      ]);
      expect(suppliers[0]).toMatchObject({
        nameBn: "মেঘনা স্টোর্স",
        usualVatRate: 0.15,
        address: "12 Chawkbazar, Chattogram",
        aliases: ["Meghna Store Ctg"],
      });
    } finally {
      await chrome.close();
    }
  }, 300_000);
});

describe("two devices of one business", () => {
  it("edit one total differently offline: the conflict shows on both, one pick settles both", async () => {
    const invoice = await renderInvoiceImage({ supplierName: "Bogura Sweets", format: "jpeg" });
    const photo = await writeTemp("bogura.jpg", invoice.bytes);
    const email = `owner.${Date.now()}@example.com`;
    const [a, b] = [await launchChromium(await profile()), await launchChromium(await profile())];
    try {
      const [pa, pb] = [await a.context.newPage(), await b.context.newPage()];
      await install(pa);
      await install(pb);
      await signIn(pa, "Create a business account", email);
      await signIn(pb, "Sign in", email);

      await pa.goto(`${net.url}/#/capture`);
      await pa.getByTestId("capture-files").setInputFiles(photo);
      await pa.waitForURL(/#\/invoice\//);
      const invoiceUrl = pa.url().replace(/^.*#/, "#");
      await pa
        .getByTestId("place")
        .filter({ hasText: "On the server" })
        .waitFor({ timeout: 60_000 });
      // The phone's reading reaches the server as writes once it is done.
      const token = await tokenOf(email);
      for (let i = 0; ; i++) {
        const pulled = await (await server.api("GET", "/api/sync/pull", token)).json();
        if ((pulled as { writes: unknown[] }).writes.length > 0) break;
        if (i > 120) throw new Error("the phone's reading never reached the server");
        await pa.waitForTimeout(250);
      }
      // The desk hears of it at its next sync: here, a reload.
      await pb.goto(`${net.url}/${invoiceUrl}`);
      await pb.reload();
      await pb.locator("#field-total").waitFor();

      await net.cut();
      for (const c of [a, b]) await c.context.setOffline(true);
      const edit = async (page: Page, total: string) => {
        await page.locator("#field-total").fill(total);
        await page.locator("#field-total").blur();
        await page.locator(".field", { hasText: "Entered by you" }).first().waitFor();
      };
      await edit(pa, "1,111.00");
      await edit(pb, "2,222.00");

      await net.restore();
      const online = async (c: typeof a) => {
        await c.context.setOffline(true);
        await c.context.setOffline(false);
      };
      await online(a);
      await pa.waitForTimeout(1000);
      await online(b);
      await pb.getByTestId("conflict-total").waitFor({ timeout: 60_000 });
      await online(a);
      await pa.getByTestId("conflict-total").waitFor({ timeout: 60_000 });
      for (const page of [pa, pb]) {
        expect(await page.getByTestId("review-reasons").textContent()).toContain(
          "total changed on two devices",
        );
      }
      await pa.setViewportSize(DESKTOP);
      await pa.getByTestId("conflict-total").scrollIntoViewIfNeeded();
      await pa.screenshot({ path: path.join(SCREENSHOTS, "en-desktop-conflict.png") });

      // The review queue on both: the two values side by side, whose each is, and the page.
      const id = invoiceUrl.split("/").pop() as string;
      for (const page of [pa, pb]) {
        await page.goto(`${net.url}/#/review`);
        const item = page.getByTestId(`review-${id}`);
        await item.getByTestId("conflict-total").waitFor();
        const choices = await item.locator("button.choice").allTextContents();
        expect(choices).toHaveLength(2);
        const mine = page === pa ? "1,111.00" : "2,222.00";
        const theirs = page === pa ? "2,222.00" : "1,111.00";
        expect(choices.find((c) => c.includes(mine))).toMatch(/You, on this device/);
        expect(choices.find((c) => c.includes(theirs))).toMatch(/Rina Das, on another device/);
        await item.locator(".thumb img").waitFor();
        expect(
          await item.locator(".thumb img").evaluate((i: HTMLImageElement) => i.naturalWidth),
        ).toBeGreaterThan(0);
        expect(await page.getByTestId("review-count").textContent()).toBe("1");
      }
      await pb.setViewportSize(PHONE);
      await pb.screenshot({ path: path.join(SCREENSHOTS, "en-phone-review.png") });

      await pa
        .getByTestId(`review-${id}`)
        .getByRole("button", { name: /2,222\.00/ })
        .click();
      // Settled on both; the invoice still waits, since 2,222.00 is not what its lines add up to.
      const settled = async (page: Page) => {
        const item = page.getByTestId(`review-${id}`);
        await item.getByTestId("conflict-total").waitFor({ state: "detached", timeout: 60_000 });
        await item
          .getByTestId("review-check")
          .filter({ hasText: "but the total says ৳2,222.00" })
          .waitFor();
      };
      await settled(pa);
      await online(b);
      await settled(pb);
      for (const page of [pa, pb]) {
        await page.goto(`${net.url}/${invoiceUrl}`);
        await page.locator("#field-total").waitFor();
        expect(await page.getByTestId("conflict-total").count()).toBe(0);
        expect(await fieldValue(page, "total")).toBe("2,222.00");
      }
    } finally {
      await a.close();
      await b.close();
    }
  }, 300_000);
});

describe("checks before the books", () => {
  it("catches the same paper photographed again on another device; a reviewer names the supplier, accepts a warning and approves", async () => {
    const paper = await renderInvoiceImage({
      supplierName: "Meghna Bhandar",
      invoiceNumber: "MB-2026-0457",
      issueDate: "2026-11-18",
      lines: [
        { description: "Miniket rice 50 kg (bag)", qty: 4, unitPrice: 3_450_00 },
        { description: "Soybean oil 5 L", qty: 6, unitPrice: 890_00 },
      ],
      format: "jpeg",
    });
    const scanned = await writeTemp("meghna.jpg", paper.bytes);
    const retaken = await writeTemp(
      "meghna-again.jpg",
      (await photograph(paper.bytes, { degrees: -3, shadow: 0.25 })).photo,
    );
    const email = `checks.${Date.now()}@example.com`;
    const [a, b] = [await launchChromium(await profile()), await launchChromium(await profile())];
    try {
      const [pa, pb] = [await a.context.newPage(), await b.context.newPage()];
      await install(pa);
      await install(pb);
      await signIn(pa, "Create a business account", email);
      await signIn(pb, "Sign in", email);
      const token = await tokenOf(email);
      // The business's supplier, who usually charges 7.5% VAT; the paper calls it "Meghna Bhandar".
      await server.api("PUT", "/api/connectors/tally", token, { enabled: true });
      const supplierId = uuidv7();
      await server.api("PUT", `/api/suppliers/${supplierId}`, token, {
        name: "Meghna Stores",
        nameBn: "মেঘনা স্টোর্স",
        usualVatRate: 0.075,
      });

      const capture = async (page: Page, file: string) => {
        await page.goto(`${net.url}/#/capture`);
        await page.getByTestId("capture-files").setInputFiles(file);
        await page.waitForURL(/#\/invoice\//);
        const id = page.url().split("/").pop() as string;
        await page.getByTestId("place").filter({ hasText: "On the server" }).waitFor();
        return server.waitForInvoice(token, id, (inv) => inv.status !== "captured");
      };
      const first = await capture(pa, scanned);
      const second = await capture(pb, retaken);
      expect(first.checks.map((c) => c.check)).not.toContain("duplicate-number");
      const dup = second.checks.find((c) => c.check === "duplicate-number");
      expect(dup?.message.en).toContain(first.id);
      expect(second.status).toBe("needs_review");

      // The desk's own checks say so too, once it has heard of the phone's invoice (next sync).
      await pb.reload();
      await pb.goto(`${net.url}/#/review`);
      const item = pb.getByTestId(`review-${second.id}`);
      await item
        .getByTestId("review-check")
        .filter({ hasText: `already in Chalan (${first.id})` })
        .waitFor({ timeout: 60_000 });
      expect(await pb.getByTestId(`review-${first.id}`).count()).toBe(0);
      await pb.setViewportSize(PHONE);
      await pb.screenshot({ path: path.join(SCREENSHOTS, "en-phone-review-duplicate.png") });
      // It cannot be approved while it is a duplicate.
      await pb.goto(`${net.url}/#/invoice/${second.id}`);
      await pb
        .getByTestId("approval-errors")
        .filter({ hasText: `already in Chalan (${first.id})` })
        .waitFor();
      expect(await pb.getByTestId("approve").count()).toBe(0);

      // On the phone: the server could not tell who "Meghna Bhandar" is; the reviewer names it.
      await pa.goto(`${net.url}/#/invoice/${first.id}`);
      const panel = pa.getByTestId("approval");
      const choice = panel.getByTestId("supplier-choice");
      await choice.waitFor();
      expect(await choice.locator("option").nth(1).textContent()).toBe(
        "Meghna Stores (মেঘনা স্টোর্স)",
      );
      await choice.selectOption(supplierId);
      await panel.getByRole("button", { name: "This is the supplier" }).click();
      await panel.getByTestId("matched-supplier").filter({ hasText: "Meghna Stores" }).waitFor();
      // Now matched, its usual VAT applies: a warning to accept before approving.
      const warning = panel.locator("label.accept-warning", {
        hasText: "Meghna Stores usually charges 7.5% VAT; this invoice says 15%.",
      });
      await warning.waitFor();
      expect(await panel.getByTestId("approve").isDisabled()).toBe(true);
      await warning.locator("input").check();
      await panel.getByTestId("approve").click();
      await panel.getByTestId("approved").filter({ hasText: "Approved by Rina Das" }).waitFor();
      // The business posts to Tally: the approved invoice waits in the outbox for the office PC.
      await panel.getByTestId("posting-tally").filter({ hasText: "On its way to Tally" }).waitFor();

      // The office PC's bridge posts it; Tally refuses the supplier's new ledger (say, a name
      // clash there). The refusal shows with Tally's words; once fixed in Tally, "Post again".
      const tally = await fakeTally();
      try {
        const bridge = { server: server.url, token, tally: tally.url };
        tally.refuseLedgers.add("Meghna Stores");
        expect(await bridgePass(bridge)).toBe(1);
        await pa.reload();
        const posting = panel.getByTestId("posting-tally");
        await posting
          .filter({ hasText: "Tally refused it: Could not create ledger 'Meghna Stores'" })
          .waitFor();
        await pa.setViewportSize(PHONE);
        await panel.scrollIntoViewIfNeeded();
        await pa.screenshot({ path: path.join(SCREENSHOTS, "en-phone-refused.png") });
        tally.refuseLedgers.clear();
        await panel.getByTestId("post-again-tally").click();
        await posting.filter({ hasText: "On its way to Tally" }).waitFor();
        expect(await bridgePass(bridge)).toBe(1);
        await pa.reload();
        await posting.filter({ hasText: "In Tally" }).waitFor();
        expect(tally.held.get(`chalan-${first.id}`)?.imports).toBe(1);
        // The phone's list says so too, as the server does.
        await pa.goto(`${net.url}/#/invoices`);
        await pa
          .getByTestId("invoice-row")
          .filter({ hasText: "Meghna Bhandar" })
          .locator(".status-posted")
          .waitFor();
        await pa.goto(`${net.url}/#/invoice/${first.id}`);
      } finally {
        await tally.close();
      }
      await panel.scrollIntoViewIfNeeded();
      await pa.screenshot({ path: path.join(SCREENSHOTS, "en-phone-approved.png") });

      const approved = ReviewState.parse(
        await (await server.api("GET", `/api/invoices/${first.id}`, token)).json(),
      );
      expect(approved.status).toBe("posted");
      expect(approved.approval?.acceptedWarnings.map((w) => w.check)).toEqual(["vat-rate-usual"]);
      const { suppliers } = (await (await server.api("GET", "/api/suppliers", token)).json()) as {
        suppliers: { id: string; aliases: string[] }[];
      };
      expect(suppliers.find((s) => s.id === supplierId)?.aliases).toContain("Meghna Bhandar");
    } finally {
      await a.close();
      await b.close();
    }
  }, 300_000);
});

describe("the books screen", () => {
  it("sets the ledgers, turns Tally on with the bridge's command, warns before QuickBooks and downloads files", async () => {
    const { chrome, page, email } = await signedUpPhone("books");
    try {
      const token = await tokenOf(email);
      await page.goto(`${net.url}/#/books`);
      const mapping = page.getByTestId("ledger-mapping");
      const purchase = mapping.locator("[name=purchaseLedger]");
      await purchase.waitFor();
      expect(await purchase.inputValue()).toBe("Purchase");
      await purchase.fill("Purchase of Goods");
      await mapping.getByRole("button", { name: "Add a category" }).click();
      await mapping.getByLabel("Category", { exact: true }).fill("Rent");
      await mapping.getByRole("button", { name: "Save ledgers" }).click();
      await mapping.getByText("Each category needs a ledger or a percentage withheld").waitFor();
      await mapping.getByLabel("Ledger", { exact: true }).fill("ভাড়া খরচ");
      // Rent: the business withholds all the VAT and 5% of the rent (Bengali digits as typed).
      await mapping.getByLabel("VDS, % of VAT", { exact: true }).fill("১০০");
      await mapping.getByLabel("AIT, % before VAT", { exact: true }).fill("5");
      await mapping.getByRole("button", { name: "Save ledgers" }).click();
      await mapping.getByText("Saved.").waitFor();
      expect(await (await server.api("GET", "/api/ledger-mapping", token)).json()).toMatchObject({
        purchaseLedger: "Purchase of Goods",
        inputVatLedger: "Input VAT",
        categoryLedgers: { Rent: "ভাড়া খরচ" },
        withholding: { Rent: { vdsShare: 1, aitRate: 0.05 } },
        vdsLedger: "VDS Payable",
      });
      await page.reload();
      await purchase.waitFor();
      expect(await purchase.inputValue()).toBe("Purchase of Goods");
      expect(await mapping.getByLabel("Ledger", { exact: true }).inputValue()).toBe("ভাড়া খরচ");
      expect(await mapping.getByLabel("VDS, % of VAT", { exact: true }).inputValue()).toBe("100");

      const tally = page.getByTestId("connector-tally");
      await tally.locator("[name=enabled]").check();
      await tally.locator("[name=company]").fill("Rahman Traders");
      await tally.getByRole("button", { name: "Save" }).click();
      const command = await tally.getByTestId("bridge-command").textContent();
      expect(command).toMatch(
        new RegExp(`^npx chalan tally-bridge --server ${net.url} --token [0-9a-f]{64} --tally `),
      );
      expect(await tally.getByTestId("counts-tally").textContent()).toBe(
        "0 on the way · 0 in the books · 0 refused",
      );
      const { connectors } = (await (await server.api("GET", "/api/connectors", token)).json()) as {
        connectors: { kind: string; enabled: boolean; company?: string | null }[];
      };
      expect(connectors.find((c) => c.kind === "tally")).toMatchObject({
        enabled: true,
        company: "Rahman Traders",
      });

      // QuickBooks: the data would leave Bangladesh, and this server has no Intuit app anyway.
      const qb = page.getByTestId("connector-quickbooks");
      expect(await qb.getByTestId("quickbooks-abroad").textContent()).toContain(
        "outside Bangladesh",
      );
      await qb.getByText("This Chalan server has no QuickBooks app set up").waitFor();
      expect(await qb.getByTestId("quickbooks-enable").count()).toBe(0);

      // A file for the accountant: the CSV of last month (empty here, but for its header).
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("export-csv").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^chalan-\d{4}-\d{2}-\d{2}-to-.*\.csv$/);
      const csv = await readFile((await download.path()) as string, "utf8");
      expect(csv.split("\n")[0]).toContain("Supplier");

      for (const lang of ["en", "bn"] as const) {
        if (lang === "bn") await page.locator("button.lang").click();
        for (const [size, viewport] of [
          ["phone", PHONE],
          ["desktop", DESKTOP],
        ] as const) {
          await page.setViewportSize(viewport);
          await page.screenshot({
            path: path.join(SCREENSHOTS, `${lang}-${size}-books.png`),
            fullPage: true,
          });
        }
      }
    } finally {
      await chrome.close();
    }
  }, 180_000);
});

describe("QuickBooks Online from the books screen", () => {
  it("stays off until the owner ticks that the data leaves Bangladesh, then connects through Intuit's sign-in", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const intuitApp = {
      clientId: "ABwebTestClient",
      clientSecret: "web-test-secret",
      redirectUrl: `${base}/api/connectors/quickbooks/callback`,
    };
    const qbo = await fakeQuickBooks(intuitApp);
    const withQuickbooks = await startTestServer(
      dbTargets()[0] as ReturnType<typeof dbTargets>[number],
      { PORT: String(port), ...quickbooksSettings(qbo.url, intuitApp) },
    );
    const chrome = await launchChromium(await profile());
    try {
      const page = await chrome.context.newPage();
      await signIn(page, "Create a business account", `qbo.${Date.now()}@example.com`, base);
      await page.goto(`${base}/#/books`);
      const qb = page.getByTestId("connector-quickbooks");
      await qb.getByTestId("quickbooks-abroad").waitFor();
      expect(await qb.getByTestId("quickbooks-enable").isDisabled()).toBe(true);
      await qb.getByTestId("quickbooks-understood").check();
      await qb.getByTestId("quickbooks-enable").click();
      // Off to Intuit's consent page and back, signed in to the company.
      await qb.getByTestId("quickbooks-sign-in").click();
      await page.waitForURL(/#\/books\?quickbooks=connected$/);
      await page.getByTestId("quickbooks-signed-in").waitFor();
      await qb.getByTestId("quickbooks-connected").filter({ hasText: qbo.realmId }).waitFor();
      expect(await qb.getByTestId("counts-quickbooks").textContent()).toBe(
        "0 on the way · 0 in the books · 0 refused",
      );
      await page.setViewportSize(DESKTOP);
      await page.screenshot({ path: path.join(SCREENSHOTS, "en-desktop-quickbooks.png") });

      await qb.getByRole("button", { name: "Disconnect" }).click();
      await qb.getByTestId("quickbooks-sign-in").waitFor();
      await qb.getByRole("button", { name: "Turn off QuickBooks" }).click();
      await qb.getByTestId("quickbooks-understood").waitFor();
    } finally {
      await chrome.close();
      await withQuickbooks.chalan.stop();
      await qbo.close();
    }
  }, 180_000);
});

/** The main screens at phone and desktop sizes, in English and Bengali, for people to look at. */
async function screenshots(page: Page, invoiceHash: string): Promise<void> {
  for (const lang of ["en", "bn"] as const) {
    const label = await page.locator("button.lang").textContent();
    if ((lang === "bn") !== (label === "English")) await page.locator("button.lang").click();
    for (const [size, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      for (const [name, hash] of [
        ["invoices", "#/invoices"],
        ["invoice", invoiceHash],
        ["capture", "#/capture"],
        ["dashboard", "#/dashboard"],
        ["account", "#/account"],
      ]) {
        await page.goto(`${net.url}/${hash}`);
        await page.locator("main h1, main a").first().waitFor();
        await page.screenshot({ path: path.join(SCREENSHOTS, `${lang}-${size}-${name}.png`) });
      }
    }
  }
}
