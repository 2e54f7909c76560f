import { escapeHtml } from "@chalan/core";
import sharp, { type OverlayOptions } from "sharp";

/**
 * Test helper: printed invoice pages in Bengali, English, both, English with Bengali digits, or
 * English under a shop's Bengali name, with the words they carry.
 */

export type Script = "bengali" | "english" | "mixed" | "bengaliDigits" | "bengaliName";

export interface TestPage {
  png: Buffer;
  /** Every printed string, left to right and top to bottom: the ground truth for OCR. */
  texts: string[];
}

interface Cell {
  text: string;
  x: number;
  align?: "left" | "right";
  bold?: boolean;
  large?: boolean;
}

// A4 at 150 dpi, like render-invoice.ts: what a phone scanner app or an office scanner hands over.
const pageWidth = 1240;
const pageHeight = 1754;
const dpi = 150;

const bengaliRows: Cell[][] = [
  [{ text: "মেসার্স করিম ট্রেডার্স", x: 100, bold: true, large: true }],
  [{ text: "১২/৩, নবাবপুর রোড, ঢাকা-১১০০", x: 100 }],
  [{ text: "চালান", x: 1140, align: "right", bold: true, large: true }],
  [{ text: "চালান নং: ৪৫৭৮", x: 100 }],
  [{ text: "তারিখ: ১৮/০৩/২০২৬", x: 100 }],
  [
    { text: "বিবরণ", x: 100, bold: true },
    { text: "পরিমাণ", x: 760, align: "right", bold: true },
    { text: "দর", x: 960, align: "right", bold: true },
    { text: "টাকা", x: 1140, align: "right", bold: true },
  ],
  [
    { text: "মিনিকেট চাল", x: 100 },
    { text: "২০", x: 760, align: "right" },
    { text: "৩,২৫০.০০", x: 960, align: "right" },
    { text: "৬৫,০০০.০০", x: 1140, align: "right" },
  ],
  [
    { text: "মসুর ডাল", x: 100 },
    { text: "১৫", x: 760, align: "right" },
    { text: "১,৮৫০.০০", x: 960, align: "right" },
    { text: "২৭,৭৫০.০০", x: 1140, align: "right" },
  ],
  [
    { text: "সয়াবিন তেল", x: 100 },
    { text: "১০", x: 760, align: "right" },
    { text: "১,৯৫০.০০", x: 960, align: "right" },
    { text: "১৯,৫০০.০০", x: 1140, align: "right" },
  ],
  [{ text: "উপমোট: ১,১২,২৫০.০০", x: 1140, align: "right" }],
  [{ text: "ভ্যাট ১৫%: ১৬,৮৩৭.৫০", x: 1140, align: "right" }],
  [{ text: "সর্বমোট: ১,২৯,০৮৭.৫০", x: 1140, align: "right", bold: true }],
  [{ text: "ধন্যবাদ, আবার আসবেন।", x: 100 }],
];

const englishRows: Cell[][] = [
  [{ text: "Rupali Stationery Mart", x: 100, bold: true, large: true }],
  [{ text: "45 Motijheel Commercial Area, Dhaka-1000", x: 100 }],
  [{ text: "INVOICE", x: 1140, align: "right", bold: true, large: true }],
  [{ text: "Invoice No: RSM-20931", x: 100 }],
  [{ text: "Date: 18/03/2026", x: 100 }],
  [
    { text: "Description", x: 100, bold: true },
    { text: "Qty", x: 760, align: "right", bold: true },
    { text: "Unit Price", x: 960, align: "right", bold: true },
    { text: "Amount", x: 1140, align: "right", bold: true },
  ],
  [
    { text: "A4 paper 80 gsm", x: 100 },
    { text: "40", x: 760, align: "right" },
    { text: "450.00", x: 960, align: "right" },
    { text: "18,000.00", x: 1140, align: "right" },
  ],
  [
    { text: "Ballpoint pens, box", x: 100 },
    { text: "12", x: 760, align: "right" },
    { text: "220.00", x: 960, align: "right" },
    { text: "2,640.00", x: 1140, align: "right" },
  ],
  [
    { text: "Toner cartridge", x: 100 },
    { text: "3", x: 760, align: "right" },
    { text: "6,800.00", x: 960, align: "right" },
    { text: "20,400.00", x: 1140, align: "right" },
  ],
  [{ text: "Subtotal: Tk 41,040.00", x: 1140, align: "right" }],
  [{ text: "VAT 15%: Tk 6,156.00", x: 1140, align: "right" }],
  [{ text: "Total: Tk 47,196.00", x: 1140, align: "right", bold: true }],
  [{ text: "Thank you for your business.", x: 100 }],
];

// Bengali labels and goods with an English name, BIN and Latin digits, as many shops print them.
const mixedRows: Cell[][] = [
  [{ text: "Padma Electronics", x: 100, bold: true, large: true }],
  [{ text: "বিআইএন: 000123456-0101", x: 100 }],
  [{ text: "চালানপত্র", x: 1140, align: "right", bold: true, large: true }],
  [{ text: "চালান নং: PE-7781", x: 100 }],
  [{ text: "তারিখ: 18/03/2026", x: 100 }],
  [
    { text: "পণ্যের বিবরণ", x: 100, bold: true },
    { text: "পরিমাণ", x: 760, align: "right", bold: true },
    { text: "একক দর", x: 960, align: "right", bold: true },
    { text: "মোট টাকা", x: 1140, align: "right", bold: true },
  ],
  [
    { text: "LED বাল্ব 12W", x: 100 },
    { text: "50", x: 760, align: "right" },
    { text: "180.00", x: 960, align: "right" },
    { text: "9,000.00", x: 1140, align: "right" },
  ],
  [
    { text: "সিলিং ফ্যান 56 ইঞ্চি", x: 100 },
    { text: "4", x: 760, align: "right" },
    { text: "3,450.00", x: 960, align: "right" },
    { text: "13,800.00", x: 1140, align: "right" },
  ],
  [
    { text: "Extension cord", x: 100 },
    { text: "10", x: 760, align: "right" },
    { text: "390.00", x: 960, align: "right" },
    { text: "3,900.00", x: 1140, align: "right" },
  ],
  [{ text: "উপমোট: Tk 26,700.00", x: 1140, align: "right" }],
  [{ text: "ভ্যাট 7.5%: Tk 2,002.50", x: 1140, align: "right" }],
  [{ text: "সর্বমোট: Tk 28,702.50", x: 1140, align: "right", bold: true }],
  [{ text: "কথায়: আটাশ হাজার সাতশত দুই টাকা পঞ্চাশ পয়সা মাত্র", x: 100 }],
];

// English words with every figure in Bengali digits, as some shops' billing software prints them.
const bengaliDigitRows: Cell[][] = [
  [{ text: "Madina Printers", x: 100, bold: true, large: true }],
  [{ text: "Shop ১২৯, Chowrasta, Gazipur-১৭০০", x: 100 }],
  [{ text: "SALES RECEIPT", x: 1140, align: "right", bold: true, large: true }],
  [{ text: "Receipt No: R-১৮১০১৬", x: 100 }],
  [{ text: "Date: ০১-০৫-২০২৬", x: 100 }],
  [
    { text: "Item", x: 100, bold: true },
    { text: "Qty", x: 760, align: "right", bold: true },
    { text: "Price", x: 960, align: "right", bold: true },
    { text: "Amount", x: 1140, align: "right", bold: true },
  ],
  [
    { text: "Marker Pen", x: 100 },
    { text: "১০", x: 760, align: "right" },
    { text: "৭৫.০০", x: 960, align: "right" },
    { text: "৭৫০.০০", x: 1140, align: "right" },
  ],
  [
    { text: "Exercise Book", x: 100 },
    { text: "৭", x: 760, align: "right" },
    { text: "৯৫.০০", x: 960, align: "right" },
    { text: "৬৬৫.০০", x: 1140, align: "right" },
  ],
  [{ text: "Subtotal: ১,৪১৫.০০", x: 1140, align: "right" }],
  [{ text: "VAT ১৫%: ২১২.২৫", x: 1140, align: "right" }],
  [{ text: "TOTAL: ১,৬২৭.২৫", x: 1140, align: "right", bold: true }],
  [{ text: "Thank you! Come again", x: 100 }],
];

function firstCell(rows: Cell[][]): Cell {
  const cell = rows[0]?.[0];
  if (!cell) throw new Error("a test page has no rows");
  return cell;
}

const rowsByScript: Record<Script, Cell[][]> = {
  bengali: bengaliRows,
  english: englishRows,
  mixed: mixedRows,
  bengaliDigits: bengaliDigitRows,
  bengaliName: [[{ ...firstCell(englishRows), text: "মেঘনা ফার্মেসী" }], ...englishRows.slice(1)],
};

/**
 * Draws one of four fixed invoices in a Pango font ("Lohit Bengali", "Mukti", "DejaVu Sans"…);
 * Latin text in a Bengali font falls back to a Latin one, as it does in the shops' software.
 */
export async function renderTestPage(script: Script, font = "Lohit Bengali"): Promise<TestPage> {
  const rows = rowsByScript[script];
  const overlays: OverlayOptions[] = [];
  let y = 90;
  for (const row of rows) {
    let rowHeight = 0;
    for (const cell of row) {
      let markup = escapeHtml(cell.text);
      if (cell.bold) markup = `<b>${markup}</b>`;
      if (cell.large) markup = `<span size="x-large">${markup}</span>`;
      const { data, info } = await sharp({
        text: { text: markup, font: `${font} 10`, dpi, rgba: true },
      })
        .png()
        .toBuffer({ resolveWithObject: true });
      const left = cell.align === "right" ? cell.x - info.width : cell.x;
      overlays.push({ input: data, left, top: y });
      rowHeight = Math.max(rowHeight, info.height);
    }
    y += rowHeight + 24;
  }
  const png = await sharp({
    create: { width: pageWidth, height: pageHeight, channels: 3, background: "white" },
  })
    .composite(overlays)
    .png()
    .toBuffer();
  return { png, texts: rows.flatMap((row) => row.map((cell) => cell.text)) };
}
