import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { decodeHeic } from '../../common/images/decode-heic';
import { MAX_PIXELS } from '../ingest/skip-reasons';
import { VisionSkip } from './vision-types';

/**
 * The models see at most this many pixels along the long side: CenterNet works at 512², BlazeFace at 256², and face
 * crops are cut from this image, so a 1280 px copy loses nothing they use while decoding (JPEG shrink-on-load)
 * and detect() stay fast on 12 MP originals.
 */
export const VISION_MAX_SIDE = 1280;

/** An original as the worker receives it: a local file, or bytes the parent fetched (S3). */
export type OriginalInput = { path: string } | { bytes: Uint8Array };

export interface RgbPixels {
  data: Buffer;
  width: number;
  height: number;
}

/** Upright RGB pixels of an original, no larger than VISION_MAX_SIDE. Content problems become a VisionSkip. */
export async function visionPixels(input: OriginalInput, mediaType: string): Promise<RgbPixels> {
  try {
    const image = isHeic(mediaType) ? await heicImage(input) : sharpOf(input).autoOrient();
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

function sharpOf(input: OriginalInput): Sharp {
  const source = 'path' in input ? input.path : Buffer.from(input.bytes);
  return sharp(source, { failOn: 'truncated', limitInputPixels: MAX_PIXELS });
}

function isHeic(mediaType: string): boolean {
  return mediaType === 'image/heic' || mediaType === 'image/heif';
}

/** sharp's libheif has no HEVC decoder: heic-decode (wasm libheif) decodes, already upright. */
async function heicImage(input: OriginalInput): Promise<Sharp> {
  const bytes = 'path' in input ? await readFile(input.path) : input.bytes;
  const decoded = await decodeHeic(bytes);
  return sharp(Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), {
    raw: { width: decoded.width, height: decoded.height, channels: 4 },
  });
}
