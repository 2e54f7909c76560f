import { describe, expect, it } from "vitest";
import { extractDocumentType } from "./document-type";
import { textLines } from "./page-layout";
import { pageOf } from "./test-pages";

const typeOf = (...rows: string[]) => extractDocumentType(textLines(pageOf(rows)));

describe("extractDocumentType", () => {
  it.each([
    [["মূসক-৬.৩", "কর চালানপত্র"], "mushak_6_3"],
    [["Mushak-6.3"], "mushak_6_3"],
    [["Musak 6.3"], "mushak_6_3"],
    [["Tax Invoice", "BIN: 000123456-0101"], "mushak_6_3"],
    [["কর চালানপত্র", "বিআইএনঃ ০০০১২৩৪৫৬০১০১"], "mushak_6_3"],
    [["ক্যাশ মেমো"], "cash_memo"],
    [["CASH MEMO"], "cash_memo"],
    [["SALES RECEIPT"], "receipt"],
    [["বিক্রয় রসিদ"], "receipt"],
    [["INVOICE"], "bill"],
    [["বিল"], "bill"],
    [["Tax Invoice"], "bill"],
  ])("reads %j as %s", (rows, expected) => {
    expect(typeOf(...rows).value).toBe(expected);
  });

  it("trusts a title over a word inside a label, and says a guess is a guess", () => {
    const title = typeOf("CASH MEMO", "Bill To: Karim");
    expect(title.value).toBe("cash_memo");
    const label = typeOf("Karim Store", "Bill No: 12");
    expect(label.value).toBe("bill");
    expect(label.confidence).toBeLessThan(title.confidence);
    const guess = typeOf("Karim Store", "Total 50.00", "Cash 100.00", "Change 50.00");
    expect(guess.value).toBe("receipt");
    expect(guess.confidence).toBeLessThan(0.5);
  });
});
