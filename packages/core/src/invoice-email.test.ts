import { describe, expect, it } from "vitest";
import { invoiceReceivedEmail } from "./invoice-email";

const invoice = {
  id: "0195f0a2-7c1e-7d3a-9b1e-2f4c5d6e7f80",
  supplierName: "Rahim Traders",
  total: 119000050,
  issueDate: "2026-03-18",
  invoiceNumber: "INV-2041",
};

describe("invoiceReceivedEmail", () => {
  it("puts supplier and lakh-grouped total in the subject", () => {
    const email = invoiceReceivedEmail(invoice);
    expect(email.subject).toBe("Invoice received: Rahim Traders ৳11,90,000.50");
    expect(email.text).toContain("Issue date: 2026-03-18");
    expect(email.text).toContain("Invoice number: INV-2041");
    expect(email.text).toContain(invoice.id);
    expect(email.html).toContain("<td>৳11,90,000.50</td>");
  });

  it("says plainly what could not be read", () => {
    const email = invoiceReceivedEmail({
      ...invoice,
      supplierName: null,
      total: null,
      issueDate: null,
      invoiceNumber: null,
    });
    expect(email.subject).toBe("Invoice received: Unknown supplier amount unreadable");
    expect(email.text).toContain("Issue date: not read");
    expect(email.text).toContain("Invoice number: not read");
  });

  it("escapes OCR'd text in the HTML and keeps the subject on one line", () => {
    const email = invoiceReceivedEmail({
      ...invoice,
      supplierName: '<script>alert("x")</script>\r\nBcc: a@b.c',
      invoiceNumber: "<b>1</b>",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(email.html).toContain("&lt;b&gt;1&lt;/b&gt;");
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe(
      'Invoice received: <script>alert("x")</script> Bcc: a@b.c ৳11,90,000.50',
    );
  });

  it("treats a blank supplier name as unknown", () => {
    expect(invoiceReceivedEmail({ ...invoice, supplierName: "  " }).subject).toBe(
      "Invoice received: Unknown supplier ৳11,90,000.50",
    );
  });
});
