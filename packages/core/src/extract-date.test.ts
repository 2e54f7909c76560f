import { describe, expect, it } from "vitest";
import { extractDates } from "./extract-date";
import { textLines } from "./page-layout";
import { pageOf } from "./test-pages";

const datesOf = (...rows: Parameters<typeof pageOf>[0]) => {
  const d = extractDates(textLines(pageOf(rows)));
  return { issue: d.issueDate?.value, due: d.dueDate?.value };
};

describe("extractDates", () => {
  it("reads issue and due dates by their labels, in both languages", () => {
    expect(datesOf("Invoice Date: 31/03/2026", "Due Date: 30/04/2026")).toEqual({
      issue: "2026-03-31",
      due: "2026-04-30",
    });
    expect(datesOf("ইস্যুর তারিখঃ ১৮ মার্চ ২০২৬", "পরিশোধের শেষ তারিখঃ ১৭/০৪/২০২৬")).toEqual({
      issue: "2026-03-18",
      due: "2026-04-17",
    });
  });

  it("does not take the due date for an unlabelled issue date", () => {
    expect(datesOf("Due Date: 30/04/2026", "Karim Store", "05-04-26 14:22")).toEqual({
      issue: "2026-04-05",
      due: "2026-04-30",
    });
  });

  it("trusts a date under its label less than one beside it", () => {
    const beside = extractDates(textLines(pageOf(["Date: 05/01/2026"]))).issueDate;
    const under = extractDates(
      textLines(pageOf([[[20, "Date:"]], [[20, "05/01/2026"]]])),
    ).issueDate;
    expect(under?.value).toBe("2026-01-05");
    expect(under?.confidence).toBeLessThan(beside?.confidence ?? 0);
  });

  it("repairs a misread date only after a date label, and trusts it less", () => {
    const clean = extractDates(textLines(pageOf(["Date of Issue: 08/06/2025"]))).issueDate;
    const misread = extractDates(textLines(pageOf(["Date of Issue: 08106/2025"]))).issueDate;
    expect(misread?.value).toBe("2025-06-08");
    expect(misread?.confidence).toBeLessThan(clean?.confidence ?? 0);
    expect(datesOf("তারিখ: ২৯০৭২০২৫.........")).toEqual({ issue: "2025-07-29", due: undefined });
    // An invoice number shaped like a misread date stays an invoice number.
    expect(datesOf("Invoice No: 21106/2025", "Karim Store")).toEqual({
      issue: undefined,
      due: undefined,
    });
  });
});
