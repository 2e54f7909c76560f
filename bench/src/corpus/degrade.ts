import sharp from "sharp";
import { homography, type Point, type Quad } from "../../../apps/server/src/images/page-outline";
import type { Rng } from "./prng";
import type { Rendering, Tier } from "./truth";

/** What `degrade` did; the caller adds fonts, fold and stamp. */
export type Damage = Omit<Rendering, "fonts" | "fold" | "stamp">;

interface Plan {
  corners: Quad;
  rotationDeg: number;
  background: [number, number, number];
  /** Darkening at the shadow's core, 0 for none, and the direction it falls from. */
  shadow: number;
  shadowAngle: number;
  tint: [number, number, number];
  blurSigma: number;
  contrast: number;
  noiseSigma: number;
  jpegQuality: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Turns the page's SVG into the JPEG a clerk would upload: `clean` as rendered; `scan` slightly
 * rotated, lightly noisy, JPEG q≈70; `photo` in perspective on a table, shadowed, blurred, low in
 * contrast, q≈55; `heavy` worse on every count, q≈40 (its fold and stamp are already on the page).
 */
export async function degrade(
  svg: string,
  width: number,
  height: number,
  degradation: Tier["degradation"],
  rng: Rng,
): Promise<{ bytes: Buffer; damage: Damage }> {
  const plan = planFor(degradation, width, height, rng);
  const flat = await rasterise(svg);
  const raw = { width, height, channels: 3 } as const;
  let bytes: Buffer;
  if (degradation === "clean") {
    bytes = await sharp(flat, { raw }).jpeg({ quality: plan.jpegQuality }).toBuffer();
  } else {
    const warped = warp(flat, width, height, plan);
    let optics = sharp(warped, { raw }).linear(plan.contrast, 255 * (1 - plan.contrast) * 0.85);
    if (plan.blurSigma >= 0.3) optics = optics.blur(plan.blurSigma);
    const blurred = await optics.raw().toBuffer();
    addNoise(blurred, plan.noiseSigma, rng);
    bytes = await sharp(blurred, { raw }).jpeg({ quality: plan.jpegQuality }).toBuffer();
  }
  const stats = await sharp(bytes).greyscale().stats();
  const grey = stats.channels[0];
  return {
    bytes,
    damage: {
      width,
      height,
      corners: plan.corners.map(([x, y]) => [round3(x), round3(y)]) as Quad,
      rotationDeg: round3(plan.rotationDeg),
      blurSigma: round3(plan.blurSigma),
      noiseSigma: round3(plan.noiseSigma),
      contrast: round3(plan.contrast),
      shadow: round3(plan.shadow),
      jpegQuality: plan.jpegQuality,
      measured: {
        sharpness: round3(stats.sharpness),
        contrast: round3(grey?.stdev ?? 0),
        luminance: round3(grey?.mean ?? 0),
      },
    },
  };
}

// Pango, which lays out the SVG's text, is not safe on several threads at once: pages drawn in
// parallel now and then failed ("SVG rendering failed") or crashed the process. One at a time.
let drawing: Promise<unknown> = Promise.resolve();

/** The page's SVG drawn to RGB pixels, one page at a time. */
function rasterise(svg: string): Promise<Buffer> {
  const drawn = drawing.then(() => sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer());
  drawing = drawn.catch(() => undefined);
  return drawn;
}

function planFor(degradation: Tier["degradation"], w: number, h: number, rng: Rng): Plan {
  const page: Quad = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  const plain: Plan = {
    corners: page,
    rotationDeg: 0,
    background: [255, 255, 255],
    shadow: 0,
    shadowAngle: 0,
    tint: [1, 1, 1],
    blurSigma: 0,
    contrast: 1,
    noiseSigma: 0,
    jpegQuality: 92,
  };
  if (degradation === "clean") return plain;
  const sign = () => (rng.chance(0.5) ? -1 : 1);
  if (degradation === "scan" || (degradation === "heavy" && rng.chance(0.35))) {
    const heavy = degradation === "heavy";
    // A flatbed: the page turned a little on the glass, the lid's grey in the corners.
    const rotationDeg = sign() * rng.float(0.3, heavy ? 4 : 2);
    const scale = heavy ? rng.float(0.93, 0.97) : rng.float(0.97, 1);
    const lid = Math.round(rng.float(225, 245));
    return {
      ...plain,
      corners: transform(page, w, h, rotationDeg, scale, [rng.float(-10, 10), rng.float(-10, 10)]),
      rotationDeg,
      background: [lid, lid, lid],
      blurSigma: heavy ? rng.float(0.9, 1.4) : rng.float(0, 0.5),
      contrast: heavy ? rng.float(0.6, 0.72) : rng.float(0.88, 0.97),
      noiseSigma: heavy ? rng.float(8, 12) : rng.float(2, 5),
      jpegQuality: heavy ? rng.int(35, 45) : rng.int(66, 74),
    };
  }
  const heavy = degradation === "heavy";
  // A phone held over a desk: the sheet in perspective, a hand's shadow, warm light.
  const inset = () => rng.float(0.02, heavy ? 0.1 : 0.08);
  const skew = heavy ? 0.05 : 0.03;
  const quad: Quad = [
    [w * (inset() + rng.float(0, skew)), h * (inset() + rng.float(0, skew))],
    [w * (1 - inset() - rng.float(0, skew)), h * (inset() + rng.float(0, skew))],
    [w * (1 - inset() - rng.float(0, skew)), h * (1 - inset() - rng.float(0, skew))],
    [w * (inset() + rng.float(0, skew)), h * (1 - inset() - rng.float(0, skew))],
  ];
  const rotationDeg = sign() * rng.float(0, heavy ? 6 : 3);
  const desk = rng.pick<[number, number, number]>([
    [91, 70, 54],
    [58, 58, 58],
    [138, 127, 114],
    [47, 59, 74],
  ]);
  return {
    corners: transform(quad, w, h, rotationDeg, 1, [0, 0]),
    rotationDeg,
    background: desk,
    shadow: heavy ? rng.float(0.35, 0.55) : rng.float(0.25, 0.45),
    shadowAngle: rng.float(0, 2 * Math.PI),
    tint: [1, rng.float(0.95, 0.99), rng.float(0.86, 0.95)],
    blurSigma: heavy ? rng.float(1, 1.5) : rng.float(0.5, 1),
    contrast: heavy ? rng.float(0.55, 0.68) : rng.float(0.65, 0.8),
    noiseSigma: heavy ? rng.float(8, 12) : rng.float(4, 8),
    jpegQuality: heavy ? rng.int(35, 45) : rng.int(50, 60),
  };
}

/** Rotates and scales points about the image centre, then shifts them. */
function transform(
  points: Quad,
  w: number,
  h: number,
  deg: number,
  scale: number,
  shift: Point,
): Quad {
  const a = (deg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  return points.map(([x, y]) => {
    const dx = (x - w / 2) * scale;
    const dy = (y - h / 2) * scale;
    return [w / 2 + dx * cos - dy * sin + shift[0], h / 2 + dx * sin + dy * cos + shift[1]];
  }) as Quad;
}

/**
 * Puts the page (RGB) where `plan.corners` says, over the background, sampling bilinearly through
 * the inverse map, and lights it: a soft-edged shadow across the frame and a colour cast.
 */
function warp(src: Buffer, w: number, h: number, plan: Plan): Buffer {
  const page: Quad = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  const [h0, h1, h2, h3, h4, h5, h6, h7] = homography(plan.corners, page);
  const out = Buffer.alloc(w * h * 3);
  const [br, bg, bb] = plan.background;
  const [tr, tg, tb] = plan.tint;
  // The shadow's edge: a line through the frame, soft over ~15% of the width.
  const [nx, ny] = [Math.cos(plan.shadowAngle), Math.sin(plan.shadowAngle)];
  const soft = 0.15 * w;
  const offset = 0.25 * Math.min(w, h);
  for (let v = 0; v < h; v++) {
    for (let u = 0; u < w; u++) {
      const d = ((u - w / 2) * nx + (v - h / 2) * ny - offset) / soft;
      const light = plan.shadow > 0 ? 1 - plan.shadow / (1 + Math.exp(-d)) : 1;
      const q = h6 * u + h7 * v + 1;
      const x = (h0 * u + h1 * v + h2) / q;
      const y = (h3 * u + h4 * v + h5) / q;
      let r = br;
      let g = bg;
      let b = bb;
      if (x >= 0 && y >= 0 && x < w - 1 && y < h - 1) {
        const x0 = x | 0;
        const y0 = y | 0;
        const fx = x - x0;
        const fy = y - y0;
        const i = (y0 * w + x0) * 3;
        const j = i + w * 3;
        const w00 = (1 - fx) * (1 - fy);
        const w10 = fx * (1 - fy);
        const w01 = (1 - fx) * fy;
        const w11 = fx * fy;
        r =
          (src[i] ?? 0) * w00 +
          (src[i + 3] ?? 0) * w10 +
          (src[j] ?? 0) * w01 +
          (src[j + 3] ?? 0) * w11;
        g =
          (src[i + 1] ?? 0) * w00 +
          (src[i + 4] ?? 0) * w10 +
          (src[j + 1] ?? 0) * w01 +
          (src[j + 4] ?? 0) * w11;
        b =
          (src[i + 2] ?? 0) * w00 +
          (src[i + 5] ?? 0) * w10 +
          (src[j + 2] ?? 0) * w01 +
          (src[j + 5] ?? 0) * w11;
      }
      const o = (v * w + u) * 3;
      out[o] = r * tr * light;
      out[o + 1] = g * tg * light;
      out[o + 2] = b * tb * light;
    }
  }
  return out;
}

/** Sensor noise, the same on all three channels; xorshift into a table of normals keeps it fast. */
function addNoise(pixels: Buffer, sigma: number, rng: Rng): void {
  if (sigma <= 0) return;
  const table = new Float32Array(4096);
  for (let i = 0; i < table.length; i++) table[i] = rng.normal(0, sigma);
  let s = rng.uint32() | 1;
  for (let i = 0; i < pixels.length; i += 3) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const n = table[(s >>> 20) & 4095] ?? 0;
    pixels[i] = Math.max(0, Math.min(255, (pixels[i] ?? 0) + n));
    pixels[i + 1] = Math.max(0, Math.min(255, (pixels[i + 1] ?? 0) + n));
    pixels[i + 2] = Math.max(0, Math.min(255, (pixels[i + 2] ?? 0) + n));
  }
}
