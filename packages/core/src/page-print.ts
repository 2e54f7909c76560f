/**
 * Cells across and down a page print: about 13 px at the 1240 px an A4 page is read at, a word's
 * x-height, so two invoices of one layout differ wherever their words do.
 */
const COLS = 96;
const ROWS = 135;
/** Regions whose paper brightness is measured (a lamp or a hand's shadow changes it across a page). */
const PAPER_COLS = 12;
const PAPER_ROWS = 16;
/** A pixel is ink this far below its region's paper. */
const INK_BELOW_PAPER = 70;
/** A cell is inked when this share of its pixels is ink (a speck of JPEG noise is not). */
const INKED_SHARE = 0.02;
/** Margins left out: a page cut out of a photo keeps a sliver of desk along its edges. */
const MARGIN_X = 0.04;
const MARGIN_Y = 0.03;
/** Fewer inked cells than this is a blank or nearly blank page: too little to tell pages apart by. */
const MIN_INKED = 40;

/** What of a page is inked, cell by cell, to find the same paper photographed again. */
export interface PagePrint {
  /** COLS × ROWS bits, row by row, as hex. */
  cells: string;
  /** How many cells are inked: re-photos of one page agree on it within a few percent. */
  inked: number;
}

/**
 * The print of an upright, levelled page (grayscale pixels, one byte each, row by row), so the
 * server and a browser print alike. Unlike a whole-page hash, two invoices printed from one template
 * differ in it wherever their words differ in length or place.
 */
export function pagePrint(gray: ArrayLike<number>, width: number, height: number): PagePrint {
  const x0 = Math.round(width * MARGIN_X);
  const y0 = Math.round(height * MARGIN_Y);
  const w = width - 2 * x0;
  const h = height - 2 * y0;
  if (w < COLS || h < ROWS || gray.length < width * height) {
    throw new RangeError(`a page of ${width} × ${height} pixels is too small to print`);
  }
  const at = (x: number, y: number) => gray[(y0 + y) * width + x0 + x] ?? 0;
  const paper = paperLevels(at, w, h);
  const bits = new Uint8Array(COLS * ROWS);
  let inked = 0;
  for (let cy = 0; cy < ROWS; cy++) {
    const top = Math.floor((cy * h) / ROWS);
    const bottom = Math.floor(((cy + 1) * h) / ROWS);
    for (let cx = 0; cx < COLS; cx++) {
      const left = Math.floor((cx * w) / COLS);
      const right = Math.floor(((cx + 1) * w) / COLS);
      const level =
        (paper[
          Math.floor((cy * PAPER_ROWS) / ROWS) * PAPER_COLS + Math.floor((cx * PAPER_COLS) / COLS)
        ] ?? 255) - INK_BELOW_PAPER;
      let ink = 0;
      for (let y = top; y < bottom; y++) {
        for (let x = left; x < right; x++) if (at(x, y) < level) ink++;
      }
      if (ink > (right - left) * (bottom - top) * INKED_SHARE) {
        bits[cy * COLS + cx] = 1;
        inked++;
      }
    }
  }
  let cells = "";
  for (let i = 0; i < bits.length; i += 4) {
    cells += (
      (bits[i] ?? 0) * 8 +
      (bits[i + 1] ?? 0) * 4 +
      (bits[i + 2] ?? 0) * 2 +
      (bits[i + 3] ?? 0)
    ).toString(16);
  }
  return { cells, inked };
}

/** Each region's paper: the brightness 90% of its pixels reach (text covers far less than that). */
function paperLevels(at: (x: number, y: number) => number, w: number, h: number): Uint8Array {
  const levels = new Uint8Array(PAPER_COLS * PAPER_ROWS);
  const histogram = new Uint32Array(256);
  for (let ry = 0; ry < PAPER_ROWS; ry++) {
    for (let rx = 0; rx < PAPER_COLS; rx++) {
      histogram.fill(0);
      const x1 = Math.floor(((rx + 1) * w) / PAPER_COLS);
      const y1 = Math.floor(((ry + 1) * h) / PAPER_ROWS);
      let count = 0;
      // Every other pixel each way is plenty for a brightness level.
      for (let y = Math.floor((ry * h) / PAPER_ROWS); y < y1; y += 2) {
        for (let x = Math.floor((rx * w) / PAPER_COLS); x < x1; x += 2) {
          const v = at(x, y);
          histogram[v] = (histogram[v] ?? 0) + 1;
          count++;
        }
      }
      let level = 255;
      for (let seen = 0; level > 0; level--) {
        seen += histogram[level] ?? 0;
        if (seen >= count * 0.1) break;
      }
      levels[ry * PAPER_COLS + rx] = level;
    }
  }
  return levels;
}

/**
 * How unalike two prints are, 0 to 1: the share of inked cells of each with no inked cell of the
 * other at or next to it (a re-photo lands a cell off here and there), averaged both ways. Blank
 * pages are 1 from everything: they are all alike.
 */
export function pagePrintDistance(a: string, b: string): number {
  const p = unpack(a);
  const q = unpack(b);
  const count = (bits: Uint8Array) => bits.reduce((n, bit) => n + bit, 0);
  if (count(p) < MIN_INKED || count(q) < MIN_INKED) return 1;
  return (unmatched(p, q) + unmatched(q, p)) / 2;
}

function unpack(cells: string): Uint8Array {
  const bits = new Uint8Array(COLS * ROWS);
  for (let i = 0; i < cells.length && i * 4 < bits.length; i++) {
    const nibble = Number.parseInt(cells[i] ?? "0", 16);
    for (let k = 0; k < 4; k++) bits[i * 4 + k] = (nibble >> (3 - k)) & 1;
  }
  return bits;
}

function unmatched(p: Uint8Array, q: Uint8Array): number {
  let inked = 0;
  let alone = 0;
  for (let y = 0; y < ROWS; y++) {
    for (let x = 0; x < COLS; x++) {
      if (!p[y * COLS + x]) continue;
      inked++;
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy++) {
        for (let dx = -1; dx <= 1 && !near; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          near = yy >= 0 && yy < ROWS && xx >= 0 && xx < COLS && q[yy * COLS + xx] === 1;
        }
      }
      if (!near) alone++;
    }
  }
  return inked === 0 ? 0 : alone / inked;
}
