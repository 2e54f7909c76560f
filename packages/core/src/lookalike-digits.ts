import type { OcrPage, OcrWord } from "./ocr";

// Bengali ৪ (four) and ০ (zero) are drawn as Latin 8 and 0 in many Bengali fonts (Likhan's
// ৪৪০.০০ is 880.00 to the eye and to Tesseract), so a figure of those glyphs only reads either
// way, and halving every such figure keeps the arithmetic between them: only the page's other
// figures tell which it is.
const LOOKALIKE_ONLY = /^(?=.*8)[80][80,]*(?:\.[80]{2})?(?:\/-)?[.,:]?$/;
const MONEY_LIKE = /^\d[\d,]*\.\d{2}(?:\/-)?[.,:]?$|^\d{1,3}(?:,\d{2,3})+(?:\/-)?[.,:]?$/;
const BENGALI_DIGIT = /[০-৯]/u;
// Bengali figures read this surely, this many, say the page writes its numbers in Bengali.
const SURE = 0.6;
const MIN_BENGALI_FIGURES = 3;

/**
 * The words of a page that writes its figures in Bengali digits that Tesseract read as Latin 8s
 * and 0s, where no amount on it is in other Latin digits: they are the ৪s and ০s they look like.
 */
export function bengaliLookalikes(page: OcrPage): Set<OcrWord> {
  const words = page.lines.flatMap((l) => l.words);
  const bengali = words.filter((w) => BENGALI_DIGIT.test(w.text) && w.confidence >= SURE);
  const money = words.filter((w) => MONEY_LIKE.test(w.text));
  const latinMoney = money.some((w) => !LOOKALIKE_ONLY.test(w.text));
  if (bengali.length < MIN_BENGALI_FIGURES || money.length === 0 || latinMoney) return new Set();
  return new Set(words.filter((w) => LOOKALIKE_ONLY.test(w.text)));
}

/** A lookalike figure in the Bengali digits it was drawn with. */
export function asBengaliDigits(text: string): string {
  return text.replace(/8/g, "৪").replace(/0/g, "০");
}
