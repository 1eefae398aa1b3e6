import sharp, { type Sharp } from 'sharp';

/** dHash compares each pixel with its right neighbour on a 9x8 grid: 8 comparisons x 8 rows = 64 bits. */
const GRID_WIDTH = 9;
const GRID_HEIGHT = 8;
const HASH_HEX = /^[0-9a-f]{16}$/;

/**
 * 64-bit difference hash of an image pipeline (already auto-oriented) as 16 hex characters. Resizing, recompressing
 * or a small colour shift of the same picture flips a few bits; different pictures differ in about half of them.
 */
export async function perceptualHash(image: Sharp): Promise<string> {
  const { data, info } = await image
    .resize(GRID_WIDTH, GRID_HEIGHT, { fit: 'fill' })
    .greyscale()
    .raw({ depth: 'uchar' }) // 16-bit sources must still give one byte per sample
    .toBuffer({ resolveWithObject: true });
  return differenceHash(data, info.channels);
}

/** Hash of decoded RGBA pixels (HEIC via heic-decode, which sharp cannot decode itself). */
export function perceptualHashOfRgba(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): Promise<string> {
  return perceptualHash(sharp(pixels, { raw: { width, height, channels: 4 } }).removeAlpha());
}

/** Bits from a 9x8 greyscale grid; `channels` > 1 when the grey image kept an alpha channel. */
export function differenceHash(grey: Buffer, channels: number): string {
  let hash = 0n;
  for (let y = 0; y < GRID_HEIGHT; y++) {
    for (let x = 0; x < GRID_WIDTH - 1; x++) {
      const left = grey[(y * GRID_WIDTH + x) * channels] ?? 0;
      const right = grey[(y * GRID_WIDTH + x + 1) * channels] ?? 0;
      hash = (hash << 1n) | (left < right ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

export function isPerceptualHash(value: string): boolean {
  return HASH_HEX.test(value);
}

/** Number of differing bits between two hashes (0 = same picture, ≤ 6 near-duplicate, ~32 unrelated). */
export function hammingDistance(a: string, b: string): number {
  if (!HASH_HEX.test(a) || !HASH_HEX.test(b))
    throw new TypeError('perceptual hashes are 16 lower-case hex characters');
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let bits = 0;
  while (diff > 0n) {
    bits += Number(diff & 1n);
    diff >>= 1n;
  }
  return bits;
}
