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
 * pages are 1 from everything: they are all alike. Done on rows as bit sets, since the server
 * compares a page with up to a few hundred others while it checks an invoice.
 */
export function pagePrintDistance(a: string, b: string): number {
  const p = rowsOnce(a);
  const q = rows(b);
  const inkedP = count(p);
  const inkedQ = count(q);
  if (inkedP < MIN_INKED || inkedQ < MIN_INKED) return 1;
  return (count(alone(p, q)) / inkedP + count(alone(q, p)) / inkedQ) / 2;
}

/** 32 cells a word, the first cell in the top bit. */
const WORDS = COLS / 32;

// One page is compared with many others in turn: the last first argument's rows are kept.
let last: { cells: string; rows: Uint32Array } | undefined;
function rowsOnce(cells: string): Uint32Array {
  if (last?.cells !== cells) last = { cells, rows: rows(cells) };
  return last.rows;
}

function rows(cells: string): Uint32Array {
  const words = new Uint32Array(ROWS * WORDS);
  const n = Math.min(cells.length, words.length * 8);
  for (let i = 0; i < n; i++) {
    const c = cells.charCodeAt(i);
    // 0-9 are 48-57, a-f 97-102.
    const nibble = c <= 57 ? c - 48 : c - 87;
    const w = i >> 3;
    words[w] = ((words[w] ?? 0) | (nibble << (28 - (i & 7) * 4))) >>> 0;
  }
  return words;
}

/** The cells inked in `p` with nothing inked at or next to them in `q`. */
function alone(p: Uint32Array, q: Uint32Array): Uint32Array {
  // `q` spread one cell each way along its rows…
  const wide = new Uint32Array(q.length);
  for (let r = 0; r < ROWS; r++) {
    for (let w = 0; w < WORDS; w++) {
      const i = r * WORDS + w;
      const word = q[i] ?? 0;
      const next = w + 1 < WORDS ? (q[i + 1] ?? 0) : 0;
      const prev = w > 0 ? (q[i - 1] ?? 0) : 0;
      wide[i] = word | (word << 1) | (next >>> 31) | (word >>> 1) | (prev << 31);
    }
  }
  // …and one row up and down.
  const out = new Uint32Array(p.length);
  for (let r = 0; r < ROWS; r++) {
    for (let w = 0; w < WORDS; w++) {
      const i = r * WORDS + w;
      const near =
        (wide[i] ?? 0) |
        (r > 0 ? (wide[i - WORDS] ?? 0) : 0) |
        (r + 1 < ROWS ? (wide[i + WORDS] ?? 0) : 0);
      out[i] = (p[i] ?? 0) & ~near;
    }
  }
  return out;
}

function count(words: Uint32Array): number {
  let n = 0;
  for (const word of words) {
    const x = word - ((word >>> 1) & 0x55555555);
    const y = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (Math.imul((y + (y >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
  }
  return n;
}
