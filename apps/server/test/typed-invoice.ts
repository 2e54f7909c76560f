import { uuidv7 } from "@chalan/core";
import sharp from "sharp";
import { expect } from "vitest";
import type { TestServer } from "./harness";

let blank: Promise<Buffer> | undefined;

/**
 * An invoice as a clerk enters a handwritten memo: photographed (a blank page here: nothing for
 * the reader to find, the real pipeline all the same), every field typed in, and approved unless
 * told not to. Returns its id.
 */
export async function typedInvoice(
  server: TestServer,
  token: string,
  fields: Record<string, unknown>,
  { approve = true }: { approve?: boolean } = {},
): Promise<string> {
  blank ??= sharp({ create: { width: 600, height: 850, channels: 3, background: "white" } })
    .jpeg()
    .toBuffer();
  const id = uuidv7();
  // Unique bytes (JPEG decoders ignore what follows the image): one page per invoice.
  const bytes = Buffer.concat([await blank, Buffer.from(id)]);
  const res = await server.upload(token, [{ bytes, name: "memo.jpg" }], {
    id,
    name: "Karim",
    email: "k@example.com",
  });
  expect(res.status).toBe(202);
  await server.waitForInvoice(token, id, (inv) => inv.status !== "captured");
  expect((await server.api("PATCH", `/api/invoices/${id}`, token, { fields })).status).toBe(200);
  if (approve) {
    const ok = await server.api("POST", `/api/invoices/${id}/approve`, token, {
      acceptWarnings: true,
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
  }
  return id;
}

/** A memo's fields as a clerk types them in: `total` poisha, 15% VAT inside it. */
export function memoFields(
  supplierName: string,
  invoiceNumber: string,
  issueDate: string,
  total: number,
) {
  const vat = Math.round((total * 15) / 115);
  return {
    supplierName,
    invoiceNumber,
    issueDate,
    subtotal: total - vat,
    vatRate: 0.15,
    vat,
    total,
  };
}

/** Makes every waiting posting due now and its lease run out, as time passing would. */
export const timePasses = (server: TestServer) =>
  server.chalan.pool.query(
    "UPDATE postings SET next_attempt_at = now(), leased_until = NULL WHERE state = 'pending'",
  );
