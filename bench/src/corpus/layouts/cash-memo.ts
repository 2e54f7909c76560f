import { formatTakaPart, withDigits } from "../bangla-text";
import type { Invoice } from "../invoice";
import type { Page } from "../page";
import type { Rng } from "../prng";
import { field } from "./field";
import { type Column, drawTable } from "./table";

/** Half-A4 memo pad at 150 dpi. */
export const CASH_MEMO_SIZE = { width: 880, height: 1250 };

/**
 * The shop's cash memo pad: letterhead in the pad's colour, a red serial number, a ruled table
 * (often with separate টাকা and পয়সা columns), মোট / সর্বমোট and the total in words.
 */
export function drawCashMemo(page: Page, inv: Invoice, rng: Rng): void {
  const t = inv.text;
  const L = inv.label;
  const left = 40;
  const right = 840;
  const centre = page.width / 2;
  const bn = inv.lang === "bn";
  const head = { role: "form", anchor: "middle", maxWidth: right - left } as const;

  const title = L("ক্যাশ মেমো", "CASH MEMO", true);
  const titleWidth = page.measure(title, { size: 22, role: "form", bold: true }) + 40;
  page.rect(centre - titleWidth / 2, 28, titleWidth, 40, { radius: 20, width: 2 });
  page.text(centre, 57, title, { size: 22, bold: true, ...head });
  page.text(centre, 120, t.supplierName, { size: 40, bold: true, ...head });
  page.spot(centre, 110);
  page.text(centre, 160, t.tagline, { size: 16, ...head });
  page.text(centre, 192, t.supplierAddress, { size: 18, ...head });
  page.text(centre, 222, `${L("মোবাইল", "Mobile")}: ${t.supplierPhone}`, { size: 18, ...head });
  page.line(left, 240, right, 240, 2.5);

  const size = 20;
  const dots = page.hand;
  // The serial is printed by the pad's numbering machine, in red.
  page.text(left, 285, L("নং", "No.", true), { size, role: "form", bold: true });
  page.text(left + 50, 285, t.invoiceNumber, {
    size: 22,
    role: "form",
    color: page.hand ? "#c0181b" : page.ink.fill,
  });
  field(page, 520, 285, L("তারিখ:", "Date:", true), t.issueDate, { size, right, dots });
  field(page, left, 330, L("নাম:", "Name:"), t.buyerName, { size, right, dots });
  field(page, left, 370, L("ঠিকানা:", "Address:"), t.buyerAddress, { size, right, dots });

  const split = rng.chance(0.35);
  const columns: Column[] = [
    { head: [L("ক্রমিক", "SL", true)], width: 60, align: "middle" },
    { head: [L("মালের বিবরণ", "Description", true)], width: split ? 330 : 350, align: "start" },
    { head: [L("পরিমাণ", "Qty", true)], width: 110, align: "end" },
    { head: [L("দর", "Rate", true)], width: split ? 120 : 130, align: "end" },
    { head: [L("টাকা", "Amount", true)], width: split ? 130 : 150, align: "end" },
  ];
  if (split) columns.push({ head: [L("পয়সা", "Ps.", true)], width: 50, align: "middle" });
  const amount = (poisha: number, printed: string) =>
    split
      ? [
          formatTakaPart(poisha, inv.style.money),
          withDigits(String(poisha % 100).padStart(2, "0"), inv.style.digits),
        ]
      : [printed];
  const cells = t.lines.map((l, i) => {
    const quantity = l.unit && rng.chance(0.7) ? `${l.quantity} ${l.unit}` : l.quantity;
    const poisha = inv.truth.lineItems[i]?.amount ?? 0;
    return [
      inv.digits(String(i + 1)),
      l.description,
      quantity,
      l.unitPrice,
      ...amount(poisha, l.amount),
    ];
  });
  const truth = inv.truth;
  const totals: [string, number, string][] = [
    [L("মোট", "Total", true), truth.subtotal, t.subtotal],
  ];
  if (t.discount && truth.discount)
    totals.push([L("ছাড়", "Less", true), truth.discount, t.discount]);
  totals.push([L("সর্বমোট", "Grand Total", true), truth.total, t.total]);
  const rowHeight = 44;
  const table = drawTable(page, columns, cells, {
    x: left,
    y: 400,
    headHeight: 46,
    rowHeight,
    headSize: 19,
    size: 19,
    rows: (page.hand ? Math.max(cells.length, 9) : cells.length) + totals.length,
    rowRules: true,
    footer: { rows: totals.length, from: 4 },
  });
  // The last rows carry the totals, their labels against the amount column.
  let y = table.bottom - rowHeight * (totals.length - 0.68);
  const amountColumn = 4;
  for (const [label, poisha, printed] of totals) {
    const bold = label === totals.at(-1)?.[0];
    page.text((table.edges[amountColumn] ?? 600) - 10, y, label, {
      size: 20,
      role: "form",
      anchor: "end",
      bold,
    });
    for (const [k, text] of amount(poisha, printed).entries()) {
      page.text(table.cellX(amountColumn + k), y, text, {
        size: 19,
        anchor: columns[amountColumn + k]?.align ?? "end",
        bold,
        maxWidth: (columns[amountColumn + k]?.width ?? 100) - 12,
      });
    }
    if (bold) page.spot(table.cellX(amountColumn) - 50, y);
    y += rowHeight;
  }

  y = table.bottom + 50;
  if (t.amountInWords) {
    field(page, left, y, L("কথায়:", "In words:"), t.amountInWords, { size: 19, right, dots });
  }
  const sy = Math.max(y + 100, 1150);
  page.line(left, sy, left + 220, sy, 1.5);
  page.text(left, sy + 28, L("ক্রেতার স্বাক্ষর", "Customer's Signature"), { size: 17, role: "form" });
  page.scribble(right - 200, sy - 8, 170);
  page.line(right - 220, sy, right, sy, 1.5);
  page.text(right, sy + 28, L("বিক্রেতার স্বাক্ষর", "Seller's Signature"), {
    size: 17,
    role: "form",
    anchor: "end",
  });
  page.text(centre, 1238, bn ? "বিক্রিত মাল ফেরত নেওয়া হয় না" : "Goods once sold are not taken back", {
    size: 15,
    role: "form",
    anchor: "middle",
  });
}
