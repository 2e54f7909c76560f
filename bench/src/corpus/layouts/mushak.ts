import type { Invoice } from "../invoice";
import type { Page } from "../page";
import { field } from "./field";
import { type Column, drawTable } from "./table";

export const MUSHAK_SIZE = { width: 1240, height: 1754 };

/**
 * The NBR's Mushak-6.3 tax invoice (VAT rules 2016, rule 40): the government heading, the
 * registered seller, the buyer, invoice number/date/time, then the table with VAT per line.
 */
export function drawMushak(page: Page, inv: Invoice): void {
  const t = inv.text;
  const L = inv.label;
  const left = 60;
  const right = 1180;
  const centre = page.width / 2;
  const form = { role: "form", anchor: "middle" } as const;

  page.text(
    centre,
    70,
    L("গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "Government of the People's Republic of Bangladesh", true),
    { size: 21, ...form },
  );
  page.text(centre, 100, L("জাতীয় রাজস্ব বোর্ড", "National Board of Revenue", true), {
    size: 20,
    ...form,
  });
  page.rect(1010, 36, 170, 52);
  page.text(1095, 71, L("মূসক-৬.৩", "Mushak-6.3", true), {
    size: 24,
    bold: true,
    ...form,
    maxWidth: 160,
  });
  page.text(centre, 150, L("কর চালানপত্র", "Tax Invoice"), { size: 30, bold: true, ...form });
  page.text(
    centre,
    180,
    L(
      "[বিধি ৪০ এর উপ-বিধি (১) এর দফা (গ) ও দফা (চ) দ্রষ্টব্য]",
      "[See clause (c) and (f) of Sub-rule (1) of Rule 40]",
      true,
    ),
    { size: 15, ...form },
  );

  const size = 20;
  let y = 235;
  const row = (
    label: string,
    value: string | undefined,
    opts: { right?: number; bold?: boolean } = {},
  ) => {
    field(page, left, y, label, value, {
      size,
      right: opts.right ?? right,
      bold: opts.bold ?? false,
    });
    y += 36;
  };
  row(L("নিবন্ধিত ব্যক্তির নাম:", "Name of Registered Person:"), t.supplierName, { bold: true });
  page.spot(400, y - 44);
  row(L("নিবন্ধিত ব্যক্তির বিআইএন:", "BIN of Registered Person:"), t.supplierBin);
  row(L("চালানপত্র ইস্যুর ঠিকানা:", "Address of Invoice Issue:"), t.supplierAddress);
  row(L("মোবাইল:", "Mobile:"), t.supplierPhone);

  // Buyer on the left, the invoice's number, date and time on the right.
  y += 14;
  const top = y;
  row(L("ক্রেতার নাম:", "Buyer's Name:"), t.buyerName ?? "", { right: 700 });
  row(L("ক্রেতার বিআইএন:", "Buyer's BIN:"), t.buyerBin ?? "", { right: 700 });
  row(L("যানবাহনের প্রকৃতি ও নম্বর:", "Vehicle Type and No.:"), "", { right: 700 });
  const middle = y;
  y = top;
  const rx = 730;
  for (const [label, value] of [
    [L("চালানপত্র নম্বর:", "Invoice No:"), t.invoiceNumber],
    [L("ইস্যুর তারিখ:", "Date of Issue:"), t.issueDate],
    [L("ইস্যুর সময়:", "Time of Issue:"), t.issueTime],
  ] as const) {
    field(page, rx, y, label, value, { size, right, bold: false });
    y += 36;
  }
  y = middle;
  row(L("সরবরাহের গন্তব্যস্থল:", "Destination of Supply:"), t.buyerAddress ?? "");

  const columns: Column[] = [
    { head: L("ক্রমিক\nসংখ্যা", "SL\nNo.", true).split("\n"), width: 55, align: "middle" },
    {
      head: L(
        "পণ্য বা সেবার বর্ণনা\n(প্রযোজ্য ক্ষেত্রে\nব্র্যান্ড নামসহ)",
        "Description of\nGoods or Services",
        true,
      ).split("\n"),
      width: 290,
      align: "start",
    },
    { head: L("সরবরাহের\nএকক", "Unit of\nSupply", true).split("\n"), width: 85, align: "middle" },
    { head: L("পরিমাণ", "Quantity", true).split("\n"), width: 85, align: "end" },
    { head: L("একক মূল্য\n(টাকায়)", "Unit Price\n(Tk)", true).split("\n"), width: 125, align: "end" },
    { head: L("মোট মূল্য\n(টাকায়)", "Total Price\n(Tk)", true).split("\n"), width: 140, align: "end" },
    { head: L("মূসকের\nহার", "VAT\nRate", true).split("\n"), width: 70, align: "middle" },
    {
      head: L("মূসকের\nপরিমাণ\n(টাকায়)", "VAT\nAmount\n(Tk)", true).split("\n"),
      width: 125,
      align: "end",
    },
    {
      head: L("সকল প্রকার শুল্ক\nও করসহ মূল্য", "Value incl.\nall Duties\nand Taxes", true).split("\n"),
      width: 145,
      align: "end",
    },
  ];
  const cells = t.lines.map((l, i) => [
    inv.digits(String(i + 1)),
    l.description,
    l.unit,
    l.quantity,
    l.unitPrice,
    l.amount,
    t.vatRate,
    l.vat,
    l.gross,
  ]);
  const rows = page.hand ? Math.max(cells.length, 8) : cells.length;
  const table = drawTable(page, columns, cells, {
    x: left,
    y: y + 10,
    headHeight: 84,
    rowHeight: 46,
    headSize: 15,
    size: 18,
    rows: rows + 1,
    rowRules: true,
    footer: { rows: 1, from: 5 },
  });
  // The last row carries the totals.
  const totalsY = table.bottom - 46 * 0.32;
  page.text(table.cellX(1), totalsY, L("সর্বমোট", "Total", true), {
    size: 19,
    bold: true,
    role: "form",
  });
  for (const [column, value] of [
    [5, t.subtotal],
    [7, t.vat],
    [8, t.total],
  ] as const) {
    page.text(table.cellX(column), totalsY, value, {
      size: 18,
      anchor: "end",
      bold: true,
      maxWidth: 130,
    });
  }
  page.spot(table.cellX(8) - 60, totalsY);

  y = table.bottom + 50;
  if (t.amountInWords) {
    field(page, left, y, L("কথায়:", "In words:"), t.amountInWords, { size: 19, right });
    y += 50;
  }
  y = Math.max(y + 40, 1380);
  field(
    page,
    left,
    y,
    L("প্রতিষ্ঠান কর্তৃপক্ষের দায়িত্বপ্রাপ্ত ব্যক্তির নাম:", "Name of Authorised Person:"),
    t.signatory,
    { size: 19, right: 800 },
  );
  field(page, left, y + 40, L("পদবি:", "Designation:"), L("ব্যবস্থাপক", "Manager"), {
    size: 19,
    right: 800,
  });
  field(page, left, y + 80, L("স্বাক্ষর:", "Signature:"), undefined, { size: 19, right: 800 });
  page.scribble(left + 150, y + 78, 180);
  page.spot(left + 240, y + 70);
  page.text(1040, y + 80, L("সিল", "Seal"), { size: 19, role: "form", anchor: "middle" });
  page.text(
    left,
    1690,
    L(
      "* উৎসে কর্তনযোগ্য সরবরাহের ক্ষেত্রে ফরমটি সমন্বিত কর চালানপত্র ও উৎসে কর কর্তন সনদপত্র হিসেবে বিবেচিত হইবে।",
      "* For supplies subject to deduction at source, this form is the integrated tax invoice and deduction certificate.",
      true,
    ),
    { size: 14, role: "form", maxWidth: right - left },
  );
}
