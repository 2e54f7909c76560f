/**
 * Rows of a CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks),
 * as Excel and Google Sheets save it: a UTF-8 byte-order mark and CRLF or LF line ends are fine.
 * Cells are strings as written; a row is kept even when blank (its line number still counts).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** RFC 4180 quoting, and a leading `'` so spreadsheets do not run OCR'd text as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV text with CRLF line ends, each cell quoted where it must be. */
export function toCsv(rows: string[][]): string {
  return rows.map((r) => `${r.map(csvCell).join(",")}\r\n`).join("");
}
