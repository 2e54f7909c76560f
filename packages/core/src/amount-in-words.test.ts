import { describe, expect, it } from "vitest";
import { findAmountsInWords, namesPaisa } from "./amount-in-words";
import { BANGLA_NUMBERS } from "./bangla-number-words";

const poisha = (text: string) => findAmountsInWords(text).map((a) => a.poisha);

describe("findAmountsInWords", () => {
  it.each([
    ["Taka Eleven Thousand Nine Hundred Only", 1_190_000],
    ["One Lakh Fifteen Thousand Taka and Fifty Paisa Only", 11_500_050],
    ["In words: one hundred fifteen thousand", 11_500_000],
    ["Taka Twenty-Five Thousand Four Hundred and Ten Only", 2_541_000],
    ["Two Crore Five Lacs Taka Only", 2_050_000_000],
    ["Eleven Hundred Taka", 110_000],
    ["Taka One Thousand and Paisa Twenty Five Only", 100_025],
    ["Taka Forty Seven Thousand Six Hundred Forty Four and Fifty Paisa Only", 4_764_450],
    ["Taka One Thousand Two Seventy Five Paisa Only", 100_275],
    ["One Million Two Hundred Thousand Taka", 120_000_000],
  ])("reads %j", (text, expected) => {
    expect(poisha(text)).toEqual([expected]);
  });

  it.each([
    ["এক লক্ষ পনেরো হাজার টাকা মাত্র", 11_500_000],
    ["এগারো হাজার নয়শত টাকা", 1_190_000],
    ["কথায়: বারো হাজার পাঁচশো পঞ্চাশ টাকা পঞ্চাশ পয়সা মাত্র", 1_255_050],
    ["দুই কোটি নিরানব্বই লাখ টাকা", 2_990_000_000],
    ["দেড় লক্ষ টাকা", 15_000_000],
    ["সাড়ে তিন হাজার টাকা মাত্র", 350_000],
    ["একশত ঊনষাট টাকা", 15_900],
    ["উনষাট টাকা", 5_900],
  ])("reads %j", (text, expected) => {
    expect(poisha(text)).toEqual([expected]);
  });

  it("reads number words whose doubled conjunct or candrabindu the OCR lost", () => {
    // As Tesseract read generated pages: ছেষট্টি, সাঁইত্রিশ, পাঁচ.
    expect(poisha("কথায়: ছেষটি হাজার একশত দশ টাকা মাত্র")).toEqual([6_611_000]);
    expect(poisha("সাইত্রিশ হাজার ছয়শত টাকা মাত্র")).toEqual([3_760_000]);
    expect(poisha("পাচশত টাকা")).toEqual([50_000]);
    // ত্ত read as ম্ভ, ষ as য: a letter or two off one number word only.
    expect(poisha("কথায়; চার লাখ উনসম্ভর হাজার ছয়শত যাট টাকা মাত্র")).toEqual([46_966_000]);
    // As near to two numbers' words (সাতাশ, সাতাশি): unread.
    expect(poisha("কথায়: সাতাশত টাকা মাত্র")).toEqual([]);
    // ছাব্বিশ with an i-sign read for its hasanta.
    expect(poisha("কথায়, ছাবিবিশ হাজার সাতশত পাঁচ টাকা আশি পয়সা মাত্র")).toEqual([2_670_580]);
  });

  it("knows every Bengali number from one to ninety-nine", () => {
    const values = new Set(BANGLA_NUMBERS.values());
    for (let n = 0; n <= 99; n++) expect(values.has(n)).toBe(true);
    expect(poisha("সাতাশি টাকা")).toEqual([8_700]);
    expect(poisha("বিরাশি টাকা")).toEqual([8_200]);
  });

  it("gives the position of the words in the text", () => {
    const text = "Total (in words): Five Hundred Taka Only.";
    const [a] = findAmountsInWords(text);
    expect(text.slice(a?.start, a?.end)).toBe("Five Hundred Taka");
    expect(a?.closed).toBe(true);
  });

  it("ignores number words that do not name money", () => {
    expect(poisha("One Stop Shop")).toEqual([]);
    expect(poisha("Valid for seven days only")).toEqual([]);
    expect(poisha("ফেরতযোগ্য নয়")).toEqual([]);
    expect(poisha("Taka")).toEqual([]);
  });

  it("drops words cut off before their taka, keeping paisa alone written so", () => {
    // As Tesseract read a faint কথায় line: হাজার and সাতশত garbled, the paisa left.
    expect(poisha("বাইশ হাল্লার সাতন্ষত ব্যরো টাকা পঞ্চাশ, পয়সা মাত্র")).toEqual([]);
    expect(poisha("Taka and Fifty Paisa Only")).toEqual([]);
    expect(poisha("পঞ্চাশ পয়সা মাত্র")).toEqual([50]);
    // ... but not after an "and": its taka were on the line above, garbled (পঞ্চাশ as পল্চান্দ).
    expect(poisha("ও পল্চান্দ, পয়সা মাত .")).toEqual([]);
  });

  it("takes no piece of words garbled in the middle for the amount", () => {
    expect(poisha("কথায়: পাঁচ লক্ষ বাইল Tew wows নব্বই টাকা")).toEqual([]);
    expect(poisha("কথায়: এক লক্ষ (TUL হাজার নয়শত টাকা মাত্র")).toEqual([]);
    // The last number word misread just before its taka (পঞ্চান্ন as পঞ্চার): 244,400 is not it.
    expect(poisha("কথায়: দুই লক্ষ চুয়াল্লিশ হাজার চারশত পঞ্চার টাকা মাত্র")).toEqual([]);
    expect(poisha("Taka One Thousand Two Hundred Fitfy Only")).toEqual([]);
    expect(poisha("One Thousand Five Hundred Bangladeshi Taka Only")).toEqual([150_000]);
    // Two amounts, each ended: both stand.
    expect(poisha("Five Hundred Taka Only. Paid: Two Hundred Taka")).toEqual([50_000, 20_000]);
    // Faint handwriting (generated): two words garbled before the taka, and the tail of an amount
    // whose start was garbled (২,৪৫,৫৮০ read as 80 taka at 0.79 before).
    expect(poisha("কথায়, এক লক্ষ পড়ান্তর হাজ্যার টাকা মাত্র,")).toEqual([]);
    expect(poisha("কথায়; ছুই লাখ WET হাজার পাঁচল্ত আশি টাকা মাত")).toEqual([]);
    expect(
      poisha("In words: Taka Sty Five Thousmd Thee Hundeed Seventy Seven md tr Prisa Only"),
    ).toEqual([]);
  });
});

describe("English number words misread", () => {
  it("reads a word a letter off one number word, on a line labelled as the amount in words", () => {
    // As Tesseract read handwritten generated pages.
    expect(poisha("In words: Eleven Thousnd Nine Hundred Taka Only")).toEqual([1_190_000]);
    expect(poisha("In words: Taka One Thousand One Hundhed Fifty Only")).toEqual([115_000]);
    // ... and across the points a hand's pauses leave.
    expect(
      poisha("In words: Taka One Lakh Fifly Eight Thousand. Seven Hundred Seventy Five Only"),
    ).toEqual([15_877_500]);
  });

  it("leaves such words alone elsewhere, short ones, and points after the only", () => {
    expect(poisha("Weight Taka")).toEqual([]); // not "eight", unlabelled
    expect(poisha("In words: Thee Hundred Taka Only")).toEqual([]);
    expect(poisha("In words: Five Hundred Taka Only. Two Hundred Taka")).toEqual([50_000, 20_000]);
  });
});

describe("namesPaisa", () => {
  it("sees paisa named after the taka in words too garbled to read (as Tesseract read them)", () => {
    expect(namesPaisa("কথায়: A হালার আটশত চছাষ্লার টাকা পচাভুর পয়সা মাত্র")).toBe(true);
    expect(namesPaisa("In words: Taka Sty Five Thousmd md tr Poisha Only")).toBe(true);
    expect(namesPaisa("কথায়: আট হাজার নয়শত সাতচল্লিশ টাকা মাত্র")).toBe(false);
    // Paisa before any taka names no amount's paisa (column headings set so).
    expect(namesPaisa("পয়সা টাকা")).toBe(false);
  });
});
