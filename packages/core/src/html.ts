const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attributes: OCR'd names are untrusted. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Collapses line breaks and runs of spaces, so untrusted text cannot add mail header lines. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}
