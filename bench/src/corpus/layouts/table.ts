import type { Page } from "../page";

export interface Column {
  /** Heading, one string per line. */
  head: string[];
  width: number;
  align: "start" | "middle" | "end";
}

export interface TableOptions {
  x: number;
  y: number;
  headHeight: number;
  rowHeight: number;
  headSize: number;
  size: number;
  /** Rows drawn; a memo pad has more ruled rows than entries. */
  rows: number;
  rowRules: boolean;
  headFill?: string;
  /** The last `rows` rows hold totals: no column rules left of column `from`, for their labels. */
  footer?: { rows: number; from: number };
}

export interface Table {
  /** Left edge of each column, then the table's right edge. */
  edges: number[];
  bottom: number;
  /** Where text aligned like the column's cells goes. */
  cellX(column: number): number;
}

const PAD = 8;

/** A ruled table: boxed, column rules, headings centred, cells as entries (hand in that tier). */
export function drawTable(
  page: Page,
  columns: Column[],
  cells: string[][],
  o: TableOptions,
): Table {
  const edges = [o.x];
  for (const c of columns) edges.push((edges.at(-1) ?? o.x) + c.width);
  const right = edges.at(-1) ?? o.x;
  const bottom = o.y + o.headHeight + o.rows * o.rowHeight;
  const cellX = (i: number) => {
    const left = edges[i] ?? o.x;
    const col = columns[i];
    if (!col) return left;
    return col.align === "start"
      ? left + PAD
      : col.align === "end"
        ? left + col.width - PAD
        : left + col.width / 2;
  };
  if (o.headFill) page.rect(o.x, o.y, right - o.x, o.headHeight, { fill: o.headFill, width: 0 });
  page.rect(o.x, o.y, right - o.x, bottom - o.y);
  page.line(o.x, o.y + o.headHeight, right, o.y + o.headHeight);
  const footerTop = bottom - (o.footer?.rows ?? 0) * o.rowHeight;
  for (const [i, e] of edges.entries()) {
    if (i === 0 || i === edges.length - 1) continue;
    page.line(e, o.y, e, o.footer && i < o.footer.from ? footerTop : bottom, 1.5);
  }
  if (o.rowRules) {
    for (let r = 1; r < o.rows; r++) {
      const ry = o.y + o.headHeight + r * o.rowHeight;
      page.line(o.x, ry, right, ry, 1);
    }
  }
  const lineHeight = o.headSize * 1.25;
  for (const [i, col] of columns.entries()) {
    const top = o.y + (o.headHeight - col.head.length * lineHeight) / 2;
    for (const [k, text] of col.head.entries()) {
      page.text((edges[i] ?? 0) + col.width / 2, top + lineHeight * (k + 0.8), text, {
        size: o.headSize,
        anchor: "middle",
        role: "form",
        bold: true,
        maxWidth: col.width - 4,
      });
    }
  }
  for (const [r, row] of cells.entries()) {
    const baseline = o.y + o.headHeight + r * o.rowHeight + o.rowHeight * 0.68;
    for (const [i, text] of row.entries()) {
      const col = columns[i];
      if (!col) continue;
      page.text(cellX(i), baseline, text, {
        size: o.size,
        anchor: col.align,
        maxWidth: col.width - 2 * PAD,
      });
    }
  }
  return { edges, bottom, cellX };
}
