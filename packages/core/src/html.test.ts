import { describe, expect, it } from "vitest";
import { escapeHtml, oneLine } from "./html";

describe("escapeHtml", () => {
  it("escapes markup and quotes", () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')"> & co`)).toBe(
      "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co",
    );
  });

  it("leaves Bengali and plain text alone", () => {
    expect(escapeHtml("রহিম ট্রেডার্স ৳১,১৯০")).toBe("রহিম ট্রেডার্স ৳১,১৯০");
  });
});

describe("oneLine", () => {
  it("joins lines so text cannot start a new mail header", () => {
    expect(oneLine("Acme\r\nBcc: victim@example.com")).toBe("Acme Bcc: victim@example.com");
    expect(oneLine("  Rahim   Traders \t")).toBe("Rahim Traders");
  });
});
