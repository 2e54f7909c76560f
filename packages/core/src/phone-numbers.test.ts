import { describe, expect, it } from "vitest";
import { findPhones } from "./phone-numbers";

const numbers = (text: string) => findPhones(text).map((p) => p.number);

describe("findPhones", () => {
  it.each([
    ["Mobile: 01711-223344", "01711223344"],
    ["+880 1711 223344", "01711223344"],
    ["+8801711223344", "01711223344"],
    ["+88 01911-223344", "01911223344"],
    ["Tel: 02-9123456", "029123456"],
    ["+880 2 5555 1234", "0255551234"],
    ["(031) 712345", "031712345"],
  ])("reads %j", (text, expected) => {
    expect(numbers(text)).toEqual([expected]);
  });

  it("gives where the number is and whether it is a mobile", () => {
    const [p] = findPhones("Call 01711-223344 now");
    expect(p).toEqual({ number: "01711223344", start: 5, end: 17, mobile: true });
    expect(findPhones("Tel 02-9123456")[0]?.mobile).toBe(false);
  });

  it("reads several numbers on a line", () => {
    expect(numbers("01711-223344, 01811-556677")).toEqual(["01711223344", "01811556677"]);
  });

  it.each(["18-03-2026", "BIN: 000123456-0101", "1,190.00", "INV-0457123", "017112233445"])(
    "does not take %j for a phone number",
    (text) => {
      expect(numbers(text)).toEqual([]);
    },
  );
});
