/** Ink levels (mean grey levels below the paper) within which two cells count as equally inked. */
const TIE = 2;

/**
 * A 64-bit difference hash of a page image, for telling a re-photo of the same paper from another
 * invoice: the page cut into 9 × 8 cells, each measured by its ink (how far its pixels fall below
 * the cell's own paper brightness, so a lamp on one side or a darker photo changes nothing), one bit
 * per pair of neighbouring cells (does the left one hold clearly more ink?). Takes grayscale pixels
 * (one byte each, row by row) so the server (sharp) and the browser (canvas) hash alike.
 */
export function pageHash(gray: ArrayLike<number>, width: number, height: number): string {
  if (width < 9 || height < 8 || gray.length < width * height) {
    throw new RangeError(`a page of ${width} × ${height} pixels is too small to hash`);
  }
  const ink = new Float64Array(9 * 8);
  const histogram = new Uint32Array(256);
  for (let cy = 0; cy < 8; cy++) {
    const y0 = Math.floor((cy * height) / 8);
    const y1 = Math.floor(((cy + 1) * height) / 8);
    for (let cx = 0; cx < 9; cx++) {
      const x0 = Math.floor((cx * width) / 9);
      const x1 = Math.floor(((cx + 1) * width) / 9);
      histogram.fill(0);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const v = gray[y * width + x] ?? 0;
          histogram[v] = (histogram[v] ?? 0) + 1;
        }
      }
      const count = (x1 - x0) * (y1 - y0);
      // The cell's paper: the brightness 90% of its pixels reach (text covers far less than that).
      let paper = 255;
      for (let seen = 0; paper > 0; paper--) {
        seen += histogram[paper] ?? 0;
        if (seen >= count * 0.1) break;
      }
      let below = 0;
      for (let v = 0; v < paper; v++) below += (paper - v) * (histogram[v] ?? 0);
      ink[cy * 9 + cx] = below / count;
    }
  }
  let hex = "";
  for (let cy = 0; cy < 8; cy++) {
    let byte = 0;
    for (let cx = 0; cx < 8; cx++) {
      const more = (ink[cy * 9 + cx] ?? 0) - (ink[cy * 9 + cx + 1] ?? 0) > TIE;
      byte = (byte << 1) | (more ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}

/** How many of the 64 bits two page hashes differ in: 0 for the same picture, ~20-30 for others. */
export function pageHashDistance(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < 16; i += 2) {
    let x = Number.parseInt(a.slice(i, i + 2), 16) ^ Number.parseInt(b.slice(i, i + 2), 16);
    for (; x; x &= x - 1) bits++;
  }
  return bits;
}
