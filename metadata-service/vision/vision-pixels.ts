import { uprightOriginal, type OriginalInput } from './upright-original';
import { VisionSkip } from './vision-types';

/**
 * The models see at most this many pixels along the long side: CenterNet works at 512², BlazeFace at 256², and face
 * crops are cut from this image, so a 1280 px copy loses nothing they use while decoding (JPEG shrink-on-load)
 * and detect() stay fast on 12 MP originals.
 */
export const VISION_MAX_SIDE = 1280;

export type { OriginalInput } from './upright-original';

export interface RgbPixels {
  data: Buffer;
  width: number;
  height: number;
}

/** Upright RGB pixels of an original, no larger than VISION_MAX_SIDE. Content problems become a VisionSkip. */
export async function visionPixels(input: OriginalInput, mediaType: string): Promise<RgbPixels> {
  try {
    const image = await uprightOriginal(input, mediaType);
    const { data, info } = await image
      .resize(VISION_MAX_SIDE, VISION_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (cause) {
    throw new VisionSkip(`${mediaType} could not be decoded for vision`, { cause });
  }
}
