import { describe, expect, it } from "vitest";
import {
  dailyTotals,
  invoicesCsv,
  type MonthlyReportInput,
  monthlyReportText,
  type ReportInvoice,
  summariseMonth,
} from "./monthly-report";

const inv = (over: Partial<ReportInvoice>): ReportInvoice => ({
  id: "0195f0a2-0000-7000-8000-000000000001",
  supplierName: "Rahim Traders",
  invoiceNumber: "INV-1",
  issueDate: "2026-03-02",
  receivedAt: "2026-03-02T04:00:00.000Z",
  total: 100000,
  vat: 13043,
  status: "approved",
  ...over,
});

const march: MonthlyReportInput = {
  submitterEmail: "karim@example.com",
  submitterName: "Karim",
  month: "2026-03",
  invoices: [
    inv({ id: "a", supplierName: "Rahim Traders", total: 500000, vat: 65217 }),
    inv({ id: "b", supplierName: null, total: 190000, vat: null }),
    inv({ id: "c", supplierName: "RAHIM TRADERS", total: 500000, vat: 65217 }),
  ],
};

describe("summariseMonth", () => {
  it("adds up totals and VAT and groups by supplier, largest first", () => {
    const s = summariseMonth(march);
    expect(s).toMatchObject({ count: 3, total: 1190000, vat: 130434, withoutTotal: 0 });
    expect(s.bySupplier).toEqual([
      { supplier: "Rahim Traders", count: 2, total: 1000000 },
      { supplier: "Unknown supplier", count: 1, total: 190000 },
    ]);
  });

  it("counts invoices whose total could not be read without inventing an amount", () => {
    const s = summariseMonth({ ...march, invoices: [inv({ total: null }), inv({ total: 250 })] });
    expect(s).toMatchObject({ count: 2, total: 250, withoutTotal: 1 });
  });

  it("summarises an empty month as zero", () => {
    expect(summariseMonth({ ...march, invoices: [] })).toMatchObject({
      count: 0,
      total: 0,
      vat: 0,
      bySupplier: [],
    });
  });
});

describe("invoicesCsv", () => {
  it("writes a header and one CRLF-terminated row per invoice, money in decimal taka", () => {
    const csv = invoicesCsv([inv({ id: "a", total: 1190000, vat: 155217 })]);
    expect(csv).toBe(
      "id,received_at,issue_date,supplier,invoice_number,total_bdt,vat_bdt,status\r\n" +
        "a,2026-03-02T04:00:00.000Z,2026-03-02,Rahim Traders,INV-1,11900.00,1552.17,approved\r\n",
    );
  });

  it("leaves unknown values blank", () => {
    const csv = invoicesCsv([
      inv({
        id: "b",
        supplierName: null,
        invoiceNumber: null,
        issueDate: null,
        total: null,
        vat: null,
      }),
    ]);
    expect(csv.split("\r\n")[1]).toBe("b,2026-03-02T04:00:00.000Z,,,,,,approved");
  });

  it("quotes commas, quotes and newlines", () => {
    const csv = invoicesCsv([
      inv({ id: "q", supplierName: 'Karim "Best" Store, Dhaka\nBranch 2' }),
    ]);
    expect(csv).toContain(',"Karim ""Best"" Store, Dhaka\nBranch 2",');
  });

  it("neutralises spreadsheet formulas", () => {
    const csv = invoicesCsv([
      inv({ id: "f", supplierName: '=HYPERLINK("http://x","y")', invoiceNumber: "+1-2" }),
      inv({ id: "g", supplierName: "@SUM(A1)", invoiceNumber: "-5" }),
    ]);
    const [, first, second] = csv.split("\r\n");
    expect(first).toBe(
      'f,2026-03-02T04:00:00.000Z,2026-03-02,"\'=HYPERLINK(""http://x"",""y"")",\'+1-2,1000.00,130.43,approved',
    );
    expect(second).toBe(
      "g,2026-03-02T04:00:00.000Z,2026-03-02,'@SUM(A1),'-5,1000.00,130.43,approved",
    );
  });
});

describe("monthlyReportText", () => {
  it("gives the month's spend in the subject and per supplier in the body", () => {
    const email = monthlyReportText(summariseMonth(march), "2026-03");
    expect(email.subject).toBe("Chalan expenses for March 2026: ৳11,900.00 across 3 invoices");
    expect(email.text).toContain("Hello Karim,");
    expect(email.text).toContain("VAT: ৳1,304.34");
    expect(email.text).toContain("- Rahim Traders: ৳10,000.00 (2 invoices)");
    expect(email.text).toContain("- Unknown supplier: ৳1,900.00 (1 invoice)");
    expect(email.html).toContain("<td>Rahim Traders</td>");
  });

  it("uses the singular for one invoice and mentions unreadable totals", () => {
    const one = summariseMonth({ ...march, invoices: [inv({ total: 990000 })] });
    expect(monthlyReportText(one, "2026-03").subject).toBe(
      "Chalan expenses for March 2026: ৳9,900.00 across 1 invoice",
    );
    const unread = summariseMonth({ ...march, invoices: [inv({ total: null }), inv({})] });
    expect(monthlyReportText(unread, "2026-03").text).toContain(
      "1 invoice had no readable total and is not included in the amounts above.",
    );
  });

  it("says plainly when there were no invoices", () => {
    const email = monthlyReportText(summariseMonth({ ...march, invoices: [] }), "2026-02");
    expect(email.subject).toBe("Chalan expenses for February 2026: no invoices");
    expect(email.text).toContain("There were no invoices in February 2026");
    expect(email.html).toContain("There were no invoices in February 2026");
  });

  it("escapes supplier and submitter names in the HTML", () => {
    const s = summariseMonth({
      ...march,
      submitterName: "<b>Karim</b>",
      invoices: [inv({ supplierName: "<img src=x onerror=alert(1)>" })],
    });
    const { html } = monthlyReportText(s, "2026-03");
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Hello &lt;b&gt;Karim&lt;/b&gt;,");
  });
});

describe("dailyTotals", () => {
  it("adds each invoice's total to its day, on its written date or the Dhaka day it came in", () => {
    const days = dailyTotals(
      [
        inv({ issueDate: "2026-02-01", total: 100 }),
        inv({ issueDate: "2026-02-01", total: 50 }),
        // 20:30 UTC on the 27th is 02:30 on the 28th in Dhaka.
        inv({ issueDate: null, receivedAt: "2026-02-27T20:30:00Z", total: 7 }),
        inv({ issueDate: "2026-03-01", total: 999 }),
        inv({ issueDate: "2026-02-10", total: null }),
      ],
      "2026-02",
    );
    expect(days).toHaveLength(28);
    expect(days[0]).toBe(150);
    expect(days[27]).toBe(7);
    expect(days.reduce((a, b) => a + b, 0)).toBe(157);
  });
});
