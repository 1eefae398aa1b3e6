import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { decodeHeic } from '../../common/images/decode-heic';
import { MAX_PIXELS } from '../ingest/skip-reasons';

/** An original as a worker receives it: a local file, or bytes the parent fetched (S3). */
export type OriginalInput = { path: string } | { bytes: Uint8Array };

/**
 * An original opened upright for analysis (vision, picture light), with ingest's pixel limit and truncated files
 * refused. HEIC goes through heic-decode (wasm libheif, already upright) because sharp's libheif has no HEVC decoder.
 */
export async function uprightOriginal(input: OriginalInput, mediaType: string): Promise<Sharp> {
  if (mediaType === 'image/heic' || mediaType === 'image/heif') {
    const bytes = 'path' in input ? await readFile(input.path) : input.bytes;
    const decoded = await decodeHeic(bytes);
    return sharp(Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), {
      raw: { width: decoded.width, height: decoded.height, channels: 4 },
    });
  }
  const source = 'path' in input ? input.path : Buffer.from(input.bytes);
  return sharp(source, { failOn: 'truncated', limitInputPixels: MAX_PIXELS }).autoOrient();
}
