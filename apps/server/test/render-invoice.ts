import { escapeHtml } from "@chalan/core";
import sharp from "sharp";

export interface InvoiceLineSpec {
  description: string;
  qty: number;
  /** Poisha. */
  unitPrice: number;
}

export interface InvoiceSpec {
  supplierName: string;
  invoiceNumber: string;
  /** `YYYY-MM-DD`; printed as DD/MM/YYYY like most Bangladeshi invoices. */
  issueDate: string;
  lines: InvoiceLineSpec[];
  /** A fraction: 0.15 for the standard 15% VAT. */
  vatRate: number;
  format?: "png" | "jpeg";
}

export interface RenderedInvoice {
  bytes: Buffer;
  /** All in poisha, as printed on the page. */
  subtotal: number;
  vat: number;
  total: number;
}

// A4 at 150 dpi: what a phone scanner app or an office scanner typically hands over.
const pageWidth = 1240;
const pageHeight = 1754;
const dpi = 150;
const left = 100;
const right = pageWidth - 100;
const qtyRight = 760;
const unitPriceRight = 960;

interface Overlay {
  input: Buffer;
  left: number;
  top: number;
}

const plainInvoice: InvoiceSpec = {
  supplierName: "Padma Traders",
  invoiceNumber: "PT-1",
  issueDate: "2026-03-01",
  lines: [{ description: "Goods", qty: 1, unitPrice: 10_000 }],
  vatRate: 0.15,
};

/** Draws a printed English invoice, as a supplier's billing software would, and its totals. */
export async function renderInvoiceImage(
  overrides: Partial<InvoiceSpec> = {},
): Promise<RenderedInvoice> {
  const spec = { ...plainInvoice, ...overrides };
  const amounts = spec.lines.map((l) => Math.round(l.qty * l.unitPrice));
  const subtotal = amounts.reduce((a, b) => a + b, 0);
  const vat = Math.round(subtotal * spec.vatRate);
  const total = subtotal + vat;

  const overlays: Overlay[] = [];
  const put = async (markup: string, x: number, y: number, align: "left" | "right" = "left") => {
    const { data, info } = await sharp({
      text: { text: markup, font: "DejaVu Sans 10", dpi, rgba: true },
    })
      .png()
      .toBuffer({ resolveWithObject: true });
    overlays.push({ input: data, left: align === "left" ? x : x - info.width, top: y });
  };
  const rules: number[] = [];

  await put(`<span size="x-large" weight="bold">${escapeHtml(spec.supplierName)}</span>`, left, 90);
  await put(`<span size="large" weight="bold">INVOICE</span>`, right, 200, "right");
  await put(`Invoice No: ${escapeHtml(spec.invoiceNumber)}`, left, 270);
  await put(`Date: ${dmy(spec.issueDate)}`, left, 310);

  let y = 400;
  rules.push(y - 12);
  await put("<b>Description</b>", left, y);
  await put("<b>Qty</b>", qtyRight, y, "right");
  await put("<b>Unit Price</b>", unitPriceRight, y, "right");
  await put("<b>Amount</b>", right, y, "right");
  rules.push(y + 40);
  y += 60;
  for (const [i, line] of spec.lines.entries()) {
    await put(escapeHtml(line.description), left, y);
    await put(String(line.qty), qtyRight, y, "right");
    await put(taka(line.unitPrice), unitPriceRight, y, "right");
    await put(taka(amounts[i] ?? 0), right, y, "right");
    y += 44;
  }
  rules.push(y);
  y += 30;
  await put(`Subtotal: Tk ${taka(subtotal)}`, right, y, "right");
  await put(`VAT ${percent(spec.vatRate)}: Tk ${taka(vat)}`, right, y + 44, "right");
  await put(`<b>Total: Tk ${taka(total)}</b>`, right, y + 100, "right");
  await put("Thank you for your business.", left, y + 200);

  const ruleSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${pageWidth}" height="${pageHeight}">${rules
    .map((ry) => `<rect x="${left}" y="${ry}" width="${right - left}" height="2" fill="black"/>`)
    .join("")}</svg>`;
  const page = sharp({
    create: { width: pageWidth, height: pageHeight, channels: 3, background: "white" },
  }).composite([{ input: Buffer.from(ruleSvg), left: 0, top: 0 }, ...overlays]);
  const bytes =
    spec.format === "jpeg"
      ? await page.jpeg({ quality: 90 }).toBuffer()
      : await page.png().toBuffer();
  return { bytes, subtotal, vat, total };
}

/** Poisha as Taka with lakh grouping, as Bangladeshi software prints it: 1,23,456.70. */
function taka(poisha: number): string {
  const whole = Math.floor(poisha / 100).toString();
  const fraction = (poisha % 100).toString().padStart(2, "0");
  const last3 = whole.slice(-3);
  const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ",");
  return `${rest === "" ? last3 : `${rest},${last3}`}.${fraction}`;
}

function dmy(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
