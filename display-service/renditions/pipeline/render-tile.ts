import sharp, { type Sharp } from 'sharp';
import type { RenditionLimits } from '../limits';
import { sharpTimeoutSeconds, type RawImage, type SourceImage, type SourceProbe } from './context';
import { foregroundBox, type Tile } from './layout';

/** The background is blurred at this fraction of the tile size, then scaled up: same look, far less work. */
const BACKGROUND_SCALE = 1 / 8;
const BACKGROUND_BLUR_SIGMA = 3;
const BACKGROUND_BRIGHTNESS = 0.55;

/**
 * Decodes an original exactly once, straight to the size it is drawn at (libvips shrinks JPEGs while decoding),
 * upright (EXIF orientation applied), flattened and converted to 8-bit sRGB (CMYK, 16-bit and embedded ICC
 * profiles included). Cover crops around the most "interesting" region (sharp's attention strategy).
 */
export async function decodeForeground(
  source: SourceImage,
  probe: SourceProbe,
  tile: Tile,
  limits: RenditionLimits,
): Promise<RawImage> {
  const box = foregroundBox(tile, probe);
  const options = { failOn: 'error', limitInputPixels: limits.maxSourcePixels, autoOrient: true } as const;
  // Pixels decoded elsewhere (HEIC) are already upright and carry no EXIF for autoOrient to act on.
  let decoder = (
    Buffer.isBuffer(source) ? sharp(source, options) : sharp(source.data, { ...options, raw: rawOf(source) })
  )
    .timeout({ seconds: sharpTimeoutSeconds(limits) })
    .resize(box.width, box.height, {
      fit: box.fit,
      ...(box.fit === 'cover' ? { position: sharp.strategy.attention } : {}),
    });
  if (probe.hasAlpha) decoder = decoder.flatten({ background: '#000000' });
  const { data, info } = await decoder
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * The blurred, darkened copy of the foreground that fills the rest of the tile, made small from the
 * already-decoded foreground (never from the original again). None when the foreground fills the tile.
 */
export async function blurredBackground(
  foreground: RawImage,
  tile: Tile,
  limits: RenditionLimits,
): Promise<RawImage | undefined> {
  if (foreground.width === tile.width && foreground.height === tile.height) return undefined;
  const { data, info } = await sharp(foreground.data, { raw: rawOf(foreground) })
    .timeout({ seconds: sharpTimeoutSeconds(limits) })
    .resize(
      Math.max(8, Math.round(tile.width * BACKGROUND_SCALE)),
      Math.max(8, Math.round(tile.height * BACKGROUND_SCALE)),
      { fit: 'cover' },
    )
    .blur(BACKGROUND_BLUR_SIGMA)
    .modulate({ brightness: BACKGROUND_BRIGHTNESS })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** The tile as a sharp pipeline: the background scaled up to the tile, the foreground centred on it. */
export function tilePipeline(
  foreground: RawImage,
  background: RawImage | undefined,
  tile: Tile,
  limits: RenditionLimits,
): Sharp {
  const timeout = { seconds: sharpTimeoutSeconds(limits) };
  if (!background) return sharp(foreground.data, { raw: rawOf(foreground) }).timeout(timeout);
  return (
    sharp(background.data, { raw: rawOf(background) })
      .timeout(timeout)
      // Bilinear is indistinguishable from lanczos on a blur, and several times cheaper for an 8x upscale.
      .resize(tile.width, tile.height, { fit: 'fill', kernel: 'linear' })
      .composite([{ input: foreground.data, raw: rawOf(foreground), gravity: 'centre' }])
  );
}

function rawOf(image: RawImage): { width: number; height: number; channels: RawImage['channels'] } {
  return { width: image.width, height: image.height, channels: image.channels };
}
