import type HeicDecode from 'heic-decode';

/** Decoded pixels of a HEIF image's primary item, 4 channels (RGBA), stored orientation already applied by libheif. */
export interface DecodedHeic {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * The one way any tier decodes HEIC: heic-decode's wasm libheif, because sharp's prebuilt libheif reads HEIF headers
 * but carries no HEVC decoder. Both the library (perceptual hash) and the display service (renditions) use it.
 *
 * Loaded on the first HEIC, not at start-up: instantiating the wasm module costs every process about 23 MB of RSS
 * (19 MB of it wasm memory), which a display or library that never meets a HEIC should not carry.
 */
export async function decodeHeic(buffer: Uint8Array): Promise<DecodedHeic> {
  const heicDecode = await loadHeicDecode();
  const decoded = await heicDecode({ buffer });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

let loading: Promise<typeof HeicDecode> | undefined;

function loadHeicDecode(): Promise<typeof HeicDecode> {
  loading ??= import('heic-decode').then((module) => module.default);
  // A failed load (a broken install) is reported to this caller and tried again by the next.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
