import type { GrayPixels } from "./orientation";

export type Point = [number, number];
/** A page's corners in an image: top left, top right, bottom right, bottom left. */
export type Quad = [Point, Point, Point, Point];

// The outline is found on a copy about this size: a page's edge is still within a pixel or two.
const PROBE_LONG_SIDE = 400;
// A photographed page fills between these shares of the frame; beyond, the image is the page
// (a scan, a crop) and nothing is cut.
const MIN_PAGE_SHARE = 0.2;
const MAX_PAGE_SHARE = 0.92;
// The paper must fill its four-cornered outline this well: a torn, folded or partly hidden page
// (or a shadow across its edge) is left as photographed rather than cut wrong.
const MIN_FILL = 0.93;
// How far (in grey levels) the fill may climb above the desk it has come across: the desk's shades
// and the probe's noise stay within it; the page's rim, a step of 30 or more, does not.
const RIM_STEP = 8;
// How much brighter (in grey levels) the paper's middle level must be than the desk's.
const MIN_PAPER_CONTRAST = 24;
// A page may touch the frame along this share of the frame's half perimeter: a corner clipped by
// the photo, not a side.
const MAX_FRAME_CONTACT = 0.05;

/**
 * Where a photographed page lies in front of a darker background (a desk, a lap), as the corners of
 * the bright region the border's dark pixels surround; undefined when the image shows no such page.
 */
export function findPageOutline(image: GrayPixels): Quad | undefined {
  const scale = Math.max(1, Math.ceil(Math.max(image.width, image.height) / PROBE_LONG_SIDE));
  const small = shrink(image, scale);
  const { width, height } = small;
  // The background is filled in from the frame's edge, each pixel no brighter than a step above
  // the running level of the desk the fill came across: the desk's shades and shadows are gradual,
  // the page's rim is a step up, even where a shadow leaves the paper darker than the desk
  // elsewhere in the photo (a single threshold for the photo cut such pages in half).
  const background = new Uint8Array(width * height);
  const deskLevel = new Float32Array(width * height);
  const queue: number[] = [];
  const join = (i: number, level: number) => {
    background[i] = 1;
    deskLevel[i] = level;
    queue.push(i);
  };
  const frame: number[] = [];
  for (let x = 0; x < width; x++) frame.push(x, (height - 1) * width + x);
  for (let y = 1; y < height - 1; y++) frame.push(y * width, y * width + width - 1);
  // Where the page touches the frame, its paper is no desk to start from.
  const desk = median(frame.map((i) => small.data[i] ?? 0));
  for (const i of frame) {
    const v = small.data[i] ?? 0;
    if (!background[i] && v <= desk + RIM_STEP) join(i, v);
  }
  const visit = (i: number, from: number) => {
    const v = small.data[i] ?? 0;
    const level = deskLevel[from] ?? 0;
    if (!background[i] && v <= level + RIM_STEP) join(i, 0.8 * level + 0.2 * v);
  };
  while (queue.length > 0) {
    const i = queue.pop() ?? 0;
    const x = i % width;
    if (x > 0) visit(i - 1, i);
    if (x < width - 1) visit(i + 1, i);
    if (i >= width) visit(i - width, i);
    if (i < width * (height - 1)) visit(i + width, i);
  }
  const page = largestRegion(background, width, height);
  if (page.size < MIN_PAGE_SHARE * width * height || page.size > MAX_PAGE_SHARE * width * height) {
    return undefined;
  }
  // A box drawn on a page (a table, a stamp) closes off paper as the page's rim would: only paper
  // clearly brighter than what surrounds it is a page on a desk.
  const paper = median(page.pixels.map((i) => small.data[i] ?? 0));
  const around = median(
    Array.from(background.keys())
      .filter((i) => background[i])
      .map((i) => small.data[i] ?? 0),
  );
  if (paper < around + MIN_PAPER_CONTRAST) return undefined;
  const corners = extremeCorners(page.pixels, width);
  if (page.size < MIN_FILL * quadArea(corners) || !isConvex(corners)) return undefined;
  // A page along the frame's edge is one the photo cut off, or a background as bright as paper;
  // a corner's tip just past the frame still leaves the rest of the page to cut out.
  const onFrame = new Set(frame);
  const touching = page.pixels.filter((i) => onFrame.has(i)).length;
  if (touching > MAX_FRAME_CONTACT * (width + height)) return undefined;
  // Pixel centres of the small copy, in the image's pixels.
  return corners.map(([x, y]) => [(x + 0.5) * scale, (y + 0.5) * scale]) as Quad;
}

/**
 * The page inside `quad` as if photographed straight on: each output pixel sampled (bilinear) where
 * the perspective that maps the rectangle onto the quad puts it. The output has the proportions of
 * the quad's longer opposite sides and the image's long side, so the page fills the frame as a scan
 * would and its text grows by as much.
 */
export function flattenPerspective(image: GrayPixels, quad: Quad): GrayPixels {
  const [tl, tr, br, bl] = quad;
  const across = Math.max(distance(tl, tr), distance(bl, br));
  const down = Math.max(distance(tl, bl), distance(tr, br));
  const grow = Math.max(1, Math.max(image.width, image.height) / Math.max(across, down));
  const width = Math.round(across * grow);
  const height = Math.round(down * grow);
  const [h11, h12, h13, h21, h22, h23, h31, h32] = homography(
    [
      [0, 0],
      [width, 0],
      [width, height],
      [0, height],
    ],
    quad,
  );
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x + 0.5;
      const v = y + 0.5;
      const w = h31 * u + h32 * v + 1;
      const sx = (h11 * u + h12 * v + h13) / w - 0.5;
      const sy = (h21 * u + h22 * v + h23) / w - 0.5;
      data[y * width + x] = sample(image, sx, sy);
    }
  }
  return { data, width, height };
}

function sample(image: GrayPixels, x: number, y: number): number {
  const { data, width } = image;
  const x0 = Math.max(0, Math.min(width - 2, Math.floor(x)));
  const y0 = Math.max(0, Math.min(image.height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  // Plain index arithmetic: a helper closure per pixel made a phone photo take seconds.
  const i = y0 * width + x0;
  const top = (data[i] ?? 255) * (1 - fx) + (data[i + 1] ?? 255) * fx;
  const bottom = (data[i + width] ?? 255) * (1 - fx) + (data[i + width + 1] ?? 255) * fx;
  return Math.round(top * (1 - fy) + bottom * fy);
}

/** h11…h32 of a perspective mapping (h33 = 1): (x, y) → ((h11 x + h12 y + h13) / w, …). */
export type Homography = [number, number, number, number, number, number, number, number];

/** The perspective mapping each `from` point onto its `to` point. */
export function homography(from: Quad, to: Quad): Homography {
  const rows: number[][] = [];
  for (let k = 0; k < 4; k++) {
    const [x, y] = from[k] as Point;
    const [u, v] = to[k] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  return solve(rows) as Homography;
}

/** Gaussian elimination with partial pivoting on an n × (n + 1) augmented matrix. */
function solve(m: number[][]): number[] {
  const n = m.length;
  const row = (i: number) => m[i] as number[];
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(row(r)[c] ?? 0) > Math.abs(row(pivot)[c] ?? 0)) pivot = r;
    }
    [m[c], m[pivot]] = [row(pivot), row(c)];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (row(r)[c] ?? 0) / (row(c)[c] ?? 1);
      for (let k = c; k <= n; k++) row(r)[k] = (row(r)[k] ?? 0) - f * (row(c)[k] ?? 0);
    }
  }
  return m.map((r, i) => (r[n] ?? 0) / (r[i] ?? 1));
}

function shrink(image: GrayPixels, scale: number): GrayPixels {
  const width = Math.floor(image.width / scale);
  const height = Math.floor(image.height / scale);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < scale; dy++) {
        const from = (y * scale + dy) * image.width + x * scale;
        for (let dx = 0; dx < scale; dx++) sum += image.data[from + dx] ?? 0;
      }
      data[y * width + x] = Math.round(sum / (scale * scale));
    }
  }
  return { data, width, height };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The largest 4-connected region of pixels outside `mask`. */
function largestRegion(mask: Uint8Array, width: number, height: number) {
  const label = new Int32Array(width * height);
  let best: number[] = [];
  let next = 1;
  for (let start = 0; start < label.length; start++) {
    if (mask[start] || label[start]) continue;
    const pixels = [start];
    label[start] = next;
    for (let k = 0; k < pixels.length; k++) {
      const i = pixels[k] ?? 0;
      const x = i % width;
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
        if (j >= 0 && j < label.length && !mask[j] && !label[j]) {
          label[j] = next;
          pixels.push(j);
        }
      }
    }
    next++;
    if (pixels.length > best.length) best = pixels;
  }
  return { pixels: best, size: best.length };
}

/** The region's points farthest toward each corner of the frame (along the diagonals). */
function extremeCorners(pixels: readonly number[], width: number): Quad {
  const corners: Quad = [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  const scores = [
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const i of pixels) {
    const x = i % width;
    const y = Math.floor(i / width);
    const candidates = [-x - y, x - y, x + y, y - x];
    for (let k = 0; k < 4; k++) {
      const s = candidates[k] ?? 0;
      if (s > (scores[k] ?? 0)) {
        scores[k] = s;
        corners[k] = [x, y];
      }
    }
  }
  return corners;
}

function quadArea(q: Quad): number {
  let twice = 0;
  for (let k = 0; k < 4; k++) {
    const [x1, y1] = q[k] as Point;
    const [x2, y2] = q[(k + 1) % 4] as Point;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

function isConvex(q: Quad): boolean {
  const turns = q.map((p, k) => {
    const a = q[(k + 1) % 4] as Point;
    const b = q[(k + 2) % 4] as Point;
    return Math.sign((a[0] - p[0]) * (b[1] - a[1]) - (a[1] - p[1]) * (b[0] - a[0]));
  });
  return turns.every((t) => t === turns[0] && t !== 0);
}

const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
