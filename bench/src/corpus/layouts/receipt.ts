import type { Invoice } from "../invoice";
import { FONTS, type Page, type TextOptions } from "../page";
import type { Rng } from "../prng";
import { vatLabel, withCurrency } from "./field";

const ROW = 66;

/** A till roll is narrow and as long as its items. */
export function receiptSize(inv: Invoice): { width: number; height: number } {
  return {
    width: 620,
    height:
      560 +
      inv.text.lines.length * ROW +
      (inv.text.buyerName ? 30 : 0) +
      (inv.text.amountInWords ? 90 : 0) +
      130,
  };
}

/**
 * A shop's till receipt (printed) or receipt-book slip (hand tier): one item per two lines, then
 * subtotal, VAT, total, cash tendered and change — the last two being the amounts to not confuse.
 */
export function drawReceipt(page: Page, inv: Invoice, rng: Rng): void {
  const t = inv.text;
  const L = inv.label;
  const left = 30;
  const right = page.width - 30;
  const centre = page.width / 2;
  // Till printers use a monospace face for Latin text.
  const till = !page.hand && rng.chance(0.7);
  const opts = (text: string, o: TextOptions): TextOptions =>
    till && !/[\u0980-\u09FF]/.test(text) ? { ...o, family: FONTS.mono } : o;
  const put = (x: number, y: number, text: string, o: TextOptions) =>
    page.text(x, y, text, opts(text, o));
  const rule = (y: number) =>
    page.raw(
      `<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="${page.ink.form}" stroke-width="1.5" stroke-dasharray="8 5"/>`,
    );
  const head = { role: "form", anchor: "middle", maxWidth: right - left } as const;

  put(centre, 60, t.supplierName, { size: 28, bold: true, ...head });
  page.spot(centre, 50);
  put(centre, 96, t.supplierAddress, { size: 16, ...head });
  put(centre, 124, `${L("মোবাইল", "Mobile")}: ${t.supplierPhone}`, { size: 16, ...head });
  put(
    centre,
    170,
    rng.pick(inv.lang === "bn" ? ["বিক্রয় রসিদ", "রসিদ"] : ["CASH RECEIPT", "SALES RECEIPT"]),
    {
      size: 22,
      bold: true,
      ...head,
    },
  );
  const size = 18;
  put(left, 215, `${L("রসিদ নং", "Receipt No", true)}: ${t.invoiceNumber}`, {
    size,
    maxWidth: right - left,
  });
  put(left, 245, `${L("তারিখ", "Date", true)}: ${t.issueDate}  ${t.issueTime}`, {
    size,
    maxWidth: right - left,
  });
  let top = 262;
  if (t.buyerName) {
    put(left, 275, `${L("ক্রেতা", "Customer", true)}: ${t.buyerName}`, {
      size,
      maxWidth: right - left,
    });
    top += 30;
  }
  rule(top);
  const qx = 300;
  const px = 440;
  put(left, top + 28, L("পণ্য", "Item", true), { size, role: "form", bold: true });
  put(qx, top + 28, L("পরিমাণ", "Qty", true), { size, role: "form", bold: true, anchor: "end" });
  put(px, top + 28, L("দর", "Price", true), { size, role: "form", bold: true, anchor: "end" });
  put(right, top + 28, L("মূল্য", "Amount", true), { size, role: "form", bold: true, anchor: "end" });
  rule(top + 43);
  let y = top + 78;
  for (const line of t.lines) {
    put(left, y, line.description, { size, maxWidth: right - left });
    put(qx, y + 28, line.quantity, { size, anchor: "end" });
    put(px, y + 28, line.unitPrice, { size, anchor: "end", maxWidth: 130 });
    put(right, y + 28, line.amount, { size, anchor: "end", maxWidth: 150 });
    y += ROW;
  }
  rule(y - 20);
  y += 14;
  const rows: [string, string, boolean][] = [[L("মোট", "Sub Total", true), t.subtotal, false]];
  if (inv.truth.vatRate > 0) rows.push([vatLabel(inv), t.vat, false]);
  if (t.discount) rows.push([L("ছাড়", "Discount", true), t.discount, false]);
  rows.push([L("সর্বমোট", "TOTAL", true), withCurrency(inv, t.total), true]);
  // Cash handed over: the total rounded up to the next 100 or 500 taka, and the change.
  const total = inv.truth.total;
  const note = total < 100_000 ? 10_000 : 50_000;
  const paid = Math.ceil(total / note) * note;
  rows.push([L("নগদ", "Cash", true), inv.money(paid), false]);
  rows.push([L("ফেরত", "Change", true), inv.money(paid - total), false]);
  for (const [label, value, bold] of rows) {
    put(left, y, label, { size: bold ? 22 : size, role: "form", bold });
    put(right, y, value, { size: bold ? 22 : size, anchor: "end", bold, maxWidth: 300 });
    if (bold) page.spot(right - 100, y);
    y += bold ? 40 : 32;
  }
  if (t.amountInWords) {
    const words = `${L("কথায়", "In words", true)}: ${t.amountInWords}`;
    for (const line of wrap(words, right - left, (text) =>
      page.measure(text, opts(text, { size: 16 })),
    )) {
      put(left, y + 6, line, { size: 16, maxWidth: right - left });
      y += 26;
    }
    y += 10;
  }
  rule(y);
  put(centre, y + 40, L("ধন্যবাদ, আবার আসবেন", "Thank you! Come again", true), { size: 18, ...head });
  if (page.hand) page.scribble(right - 200, y + 100, 160);
}

/** Breaks text at spaces into lines no wider than `width`. */
function wrap(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
