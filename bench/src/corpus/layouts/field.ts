import type { Invoice } from "../invoice";
import type { Page } from "../page";

/**
 * A printed label and its entry, `তারিখ: ১৮/০৩/২০২৬`; on a pad the entry sits on a dotted line.
 * The entry is kept left of `right`.
 */
export function field(
  page: Page,
  x: number,
  y: number,
  label: string,
  value: string | undefined,
  o: { size: number; right: number; dots?: boolean; bold?: boolean },
): void {
  page.text(x, y, label, { size: o.size, role: "form" });
  const vx = x + page.measure(label, { size: o.size, role: "form" }) + 10;
  if (o.dots) page.dots(vx, o.right, y + 6);
  if (value !== undefined) {
    page.text(vx, y, value, { size: o.size, maxWidth: o.right - vx, bold: o.bold ?? false });
  }
}

/** An amount with the page's currency mark: `৳1,150.00`, `Tk 1,150.00`, `১,১৫০.০০ টাকা`. */
export function withCurrency(inv: Invoice, amount: string): string {
  const c = inv.style.currency;
  return c === "টাকা" ? `${amount} টাকা` : c === "৳" ? `৳${amount}` : `${c} ${amount}`;
}

/** The page's way of writing a VAT line's label: `VAT 15%`, `মূসক (১৫%)`. */
export function vatLabel(inv: Invoice): string {
  const rate = inv.text.vatRate;
  return inv.label(`ভ্যাট ${rate}`, `VAT ${rate}`, true);
}
