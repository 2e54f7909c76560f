import sharp from "sharp";
import type { Point, Quad } from "../src/images/page-outline";

const DESK = { r: 70, g: 60, b: 52 };
const FRAME = { width: 1240, height: 1754 };

export interface PhotoOptions {
  /** Clockwise turn of the sheet on the desk. */
  degrees?: number;
  /** How dark a hand's shadow makes the left edge of the frame (0 none, 0.5 half the light). */
  shadow?: number;
  /** Contrast left by dim light and a cheap lens (1 as printed). */
  contrast?: number;
}

/**
 * A page as a phone held over a desk sees it: shrunk to 1000 px wide, turned, on a brown desk, in a
 * JPEG, a shadow falling from the left; with where the sheet's corners ended up.
 */
export async function photograph(
  pageImage: Buffer,
  { degrees = 0, shadow = 0, contrast = 1 }: PhotoOptions = {},
): Promise<{ photo: Buffer; corners: Quad }> {
  const sheet = await sharp(pageImage).resize(1000).png().toBuffer();
  const sheetSize = await sharp(sheet).metadata();
  const page = await sharp(sheet).rotate(degrees, { background: DESK }).png().toBuffer();
  const { width = 0, height = 0 } = await sharp(page).metadata();
  const left = Math.round((FRAME.width - width) / 2);
  const top = Math.round((FRAME.height - height) / 2);
  const light = 1 - shadow;
  const shade = `<svg xmlns="http://www.w3.org/2000/svg" width="${FRAME.width}" height="${FRAME.height}">
    <defs><linearGradient id="s"><stop offset="0" stop-color="rgb(${[1, 1, 1].map(() => Math.round(255 * light)).join(",")})"/>
    <stop offset="0.7" stop-color="white"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#s)"/></svg>`;
  const scene = await sharp({ create: { ...FRAME, channels: 3, background: DESK } })
    .composite([
      { input: page, left, top },
      { input: Buffer.from(shade), blend: "multiply" },
    ])
    .png()
    .toBuffer();
  const photo = await sharp(scene)
    .linear(contrast, 255 * (1 - contrast) * 0.85)
    .blur(0.8)
    .jpeg({ quality: 60 })
    .toBuffer();
  const turn = (degrees * Math.PI) / 180;
  const centre: Point = [left + width / 2, top + height / 2];
  const halfW = (sheetSize.width ?? 0) / 2;
  const halfH = (sheetSize.height ?? 0) / 2;
  const corner = ([x, y]: Point): Point => [
    centre[0] + x * Math.cos(turn) - y * Math.sin(turn),
    centre[1] + x * Math.sin(turn) + y * Math.cos(turn),
  ];
  const corners: Quad = [
    corner([-halfW, -halfH]),
    corner([halfW, -halfH]),
    corner([halfW, halfH]),
    corner([-halfW, halfH]),
  ];
  return { photo, corners };
}
