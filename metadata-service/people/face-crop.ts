import sharp from 'sharp';
import { visionPixels, type OriginalInput } from '../vision/vision-pixels';
import type { Box } from '../vision/vision-types';

/** Side of the square face picture, in pixels: enough for a people list or an APL avatar. */
export const FACE_CROP_SIZE = 160;
/** Room around the detected box, as a fraction of its size: hair and chin, not just the eyes and mouth. */
const MARGIN = 0.1;

/** A square JPEG of one face: cut from the upright photo (as vision saw it), padded a little, resized. */
export async function renderFaceCrop(input: OriginalInput, mediaType: string, box: Box): Promise<Buffer> {
  const pixels = await visionPixels(input, mediaType);
  const side = Math.max(box.width * pixels.width, box.height * pixels.height) * (1 + 2 * MARGIN);
  const centreX = (box.left + box.width / 2) * pixels.width;
  const centreY = (box.top + box.height / 2) * pixels.height;
  const size = Math.max(1, Math.min(Math.round(side), pixels.width, pixels.height));
  const left = clamp(Math.round(centreX - size / 2), 0, pixels.width - size);
  const top = clamp(Math.round(centreY - size / 2), 0, pixels.height - size);
  return sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 3 } })
    .extract({ left, top, width: size, height: size })
    .resize(FACE_CROP_SIZE, FACE_CROP_SIZE)
    .jpeg({ quality: 85 })
    .toBuffer();
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
