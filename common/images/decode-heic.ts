import heicDecode from 'heic-decode';

/** Decoded pixels of a HEIF image's primary item, 4 channels (RGBA), stored orientation already applied by libheif. */
export interface DecodedHeic {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * The one way any tier decodes HEIC: heic-decode's wasm libheif, because sharp's prebuilt libheif reads HEIF headers
 * but carries no HEVC decoder. Both the library (perceptual hash) and the display service (renditions) use it.
 */
export async function decodeHeic(buffer: Uint8Array): Promise<DecodedHeic> {
  const decoded = await heicDecode({ buffer });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}
