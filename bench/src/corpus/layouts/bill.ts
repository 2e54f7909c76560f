import type { Invoice } from "../invoice";
import type { Page } from "../page";
import type { Rng } from "../prng";
import { field, vatLabel, withCurrency } from "./field";
import { type Column, drawTable } from "./table";

export const BILL_SIZE = { width: 1240, height: 1754 };

/** A supplier's own bill or invoice on letterhead: what billing software or a bill pad prints. */
export function drawBill(page: Page, inv: Invoice, rng: Rng): void {
  const t = inv.text;
  const L = inv.label;
  const left = 80;
  const right = 1160;
  const centred = rng.chance(0.5);
  const hx = centred ? page.width / 2 : left;
  const anchor = centred ? "middle" : "start";
  const head = { role: "form", anchor, maxWidth: right - left } as const;

  page.text(hx, 95, t.supplierName, { size: 36, bold: true, ...head });
  page.spot(hx + (centred ? 0 : 250), 85);
  page.text(hx, 140, t.supplierAddress, { size: 19, ...head });
  page.text(hx, 172, `${L("মোবাইল", "Mobile")}: ${t.supplierPhone}`, { size: 19, ...head });
  if (t.supplierBin)
    page.text(hx, 204, `${L("বিআইএন", "BIN")}: ${t.supplierBin}`, { size: 19, ...head });
  page.line(left, 228, right, 228, 3);
  page.line(left, 234, right, 234, 1);

  const title = rng.pick(inv.lang === "bn" ? ["বিল", "ইনভয়েস"] : ["INVOICE", "BILL"]);
  page.text(page.width / 2, 292, title, { size: 30, bold: true, role: "form", anchor: "middle" });

  const size = 20;
  let y = 360;
  if (t.buyerName) {
    page.text(left, y, L("বিল প্রাপক:", "Bill To:"), { size, role: "form", bold: true });
    page.text(left, y + 36, t.buyerName, { size, maxWidth: 620 });
    if (t.buyerAddress) page.text(left, y + 70, t.buyerAddress, { size: 18, maxWidth: 620 });
  }
  const rx = 760;
  const meta: [string, string][] = [
    [L("বিল নং:", "Bill No:", true), t.invoiceNumber],
    [L("তারিখ:", "Date:", true), t.issueDate],
  ];
  if (t.dueDate) meta.push([L("পরিশোধের শেষ তারিখ:", "Due Date:", true), t.dueDate]);
  for (const [label, value] of meta) {
    field(page, rx, y, label, value, { size, right });
    y += 36;
  }

  const columns: Column[] = [
    { head: [L("ক্রমিক", "SL", true)], width: 60, align: "middle" },
    { head: [L("বিবরণ", "Description", true)], width: 430, align: "start" },
    { head: [L("পরিমাণ", "Qty", true)], width: 110, align: "end" },
    { head: [L("একক", "Unit", true)], width: 100, align: "middle" },
    { head: [L("দর", "Rate", true)], width: 180, align: "end" },
    { head: [L("টাকা", "Amount", true)], width: 200, align: "end" },
  ];
  const cells = t.lines.map((l, i) => [
    inv.digits(String(i + 1)),
    l.description,
    l.quantity,
    l.unit,
    l.unitPrice,
    l.amount,
  ]);
  const table = drawTable(page, columns, cells, {
    x: left,
    y: 500,
    headHeight: 50,
    rowHeight: 48,
    headSize: 19,
    size: 19,
    rows: page.hand ? Math.max(cells.length, 10) : cells.length,
    rowRules: page.hand || rng.chance(0.5),
    ...(page.hand ? {} : { headFill: "#e6e6e6" }),
  });

  // Totals: labels right-aligned against the amount column.
  const labelX = (table.edges[5] ?? 900) - 20;
  const valueX = right - 8;
  y = table.bottom + 45;
  const totals: [string, string, boolean][] = [[L("মোট", "Sub Total", true), t.subtotal, false]];
  if (inv.truth.vatRate > 0) totals.push([vatLabel(inv), t.vat, false]);
  if (t.discount) totals.push([L("বাদ: ছাড়", "Less: Discount", true), t.discount, false]);
  totals.push([L("সর্বমোট", "Grand Total", true), withCurrency(inv, t.total), true]);
  for (const [label, value, bold] of totals) {
    page.text(labelX, y, label, { size, role: "form", anchor: "end", bold });
    page.text(valueX, y, value, { size, anchor: "end", bold, maxWidth: 250 });
    if (bold) {
      page.line(labelX - 150, y - 32, right, y - 32, 1.5);
      page.spot(valueX - 100, y);
    }
    y += 40;
  }
  y += 20;
  if (t.amountInWords) {
    field(page, left, y, L("কথায়:", "In Words:"), t.amountInWords, { size: 19, right });
  }

  const sy = Math.max(y + 220, 1500);
  page.line(left, sy, left + 260, sy, 1.5);
  page.text(left, sy + 30, L("গ্রহীতার স্বাক্ষর", "Received by"), { size: 18, role: "form" });
  page.scribble(right - 240, sy - 10, 200);
  page.line(right - 260, sy, right, sy, 1.5);
  page.text(right, sy + 30, L("কর্তৃপক্ষের স্বাক্ষর", "Authorised Signature"), {
    size: 18,
    role: "form",
    anchor: "end",
  });
  page.text(page.width / 2, 1680, L("ধন্যবাদ", "Thank you for your business."), {
    size: 17,
    role: "form",
    anchor: "middle",
  });
}
