export * from "./invoice";
export * from "./ocr";
