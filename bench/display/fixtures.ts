import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

export const TWELVE_MP = { width: 4000, height: 3000 } as const;
/** A 3:2 camera's 11 MP: close enough to a 16:10 screen's shape to be cropped to it (one pass), not filled. */
export const THREE_TWO = { width: 4000, height: 2667 } as const;

/**
 * Photo-like JPEGs (smooth gradient + grain, q90, ~3-5 MB), 4:3 12 MP unless `size` says otherwise: noise alone
 * would be unrealistically hard to compress, a flat colour unrealistically easy.
 */
export async function writeTwelveMegapixelJpegs(
  dir: string,
  count: number,
  size: { width: number; height: number } = TWELVE_MP,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `photo-${i}-${size.width}x${size.height}.jpg`);
    const hue = (i * 47) % 360;
    const gradient = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">` +
        `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
        `<stop offset="0" stop-color="hsl(${hue},70%,60%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},60%,30%)"/>` +
        `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>` +
        `<circle cx="${1000 + i * 150}" cy="1500" r="700" fill="hsl(${(hue + 200) % 360},80%,50%)"/></svg>`,
    );
    const grain = await sharp({
      create: {
        ...size,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 12 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    await sharp(gradient)
      .composite([{ input: grain, blend: 'overlay' }])
      .jpeg({ quality: 90 })
      .toFile(file);
    files.push(file);
  }
  return files;
}
