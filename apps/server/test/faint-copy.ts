import sharp from "sharp";

/**
 * A page as a poor print photographed in dim light comes out: small (800 px wide), faint grey ink
 * on grey paper, blurred, grainy and saved as a low-quality JPEG. The grain is the same each time.
 */
export async function faintCopy(pageImage: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(pageImage)
    .grayscale()
    .resize({ width: 800 })
    .linear(0.4, 150)
    .blur(1.1)
    .raw()
    .toBuffer({ resolveWithObject: true });
  let seed = 7;
  const uniform = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < data.length; i++) {
    const gaussian = Math.sqrt(-2 * Math.log(uniform() + 1e-9)) * Math.cos(2 * Math.PI * uniform());
    data[i] = Math.max(0, Math.min(255, Math.round((data[i] ?? 0) + 12 * gaussian)));
  }
  const raw = { width: info.width, height: info.height, channels: 1 as const };
  return sharp(data, { raw }).jpeg({ quality: 40 }).toBuffer();
}
