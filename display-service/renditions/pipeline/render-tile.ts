import sharp, { type Sharp } from 'sharp';
import type { RenditionLimits } from '../limits';
import {
  encodedInput,
  sharpTimeoutSeconds,
  type DecodedTile,
  type FaceBox,
  type RawImage,
  type SourceImage,
  type SourceProbe,
} from './context';
import { cropsLittle, faceCropWindow, foregroundBox, type Tile } from './layout';
import { blurredFill } from './blurred-fill';
import { paintUpscaled } from './paint-upscaled';
import type { RawCanvas } from './raw-canvas';

/**
 * The background is blurred at this fraction of the tile size, then scaled up: same look, far less work. A
 * sixteenth with sigma 1.5 is the same blur as an eighth with sigma 3 (24 screen pixels); it made the fill 1.3 ms
 * instead of 3.4, and the rendition still differs from the v2.1 reference by a mean of 0.37-0.65 levels in 255
 * (0.30-0.54 at an eighth; fill-similarity.test.ts holds it under 1).
 */
const BACKGROUND_SCALE = 1 / 16;
const BACKGROUND_BLUR_SIGMA = 1.5;
const BACKGROUND_BRIGHTNESS = 0.55;
/** Gentle: restores the edge contrast a 2x enlargement loses without haloes. */
const UPSCALE_SHARPEN = { sigma: 0.8 } as const;

/**
 * Decodes an original exactly once, straight to the size it is drawn at (libvips shrinks JPEGs while decoding),
 * upright (EXIF orientation applied), flattened and converted to 3-channel 8-bit sRGB (CMYK, 16-bit and embedded
 * ICC profiles included). A crop keeps the faces when there are any (resized to cover, then cut around them, so
 * shrink-on-load still applies), else what libvips' attention strategy finds interesting (centred when the crop
 * cuts off only a few percent: layout.ts's cropsLittle); an enlarged photo is
 * sharpened.
 */
export async function decodeForeground(
  source: SourceImage,
  probe: SourceProbe,
  tile: Tile,
  faces: readonly FaceBox[],
  limits: RenditionLimits,
): Promise<RawImage> {
  const { data, info } = await foregroundPipeline(source, probe, tile, faces, limits)
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * decodeForeground's pipeline without its output: the original opened, sized, cropped, sharpened and flattened,
 * as 3-channel 8-bit sRGB, exactly foregroundBox(tile, probe) in size. one-pass.ts continues it to the screen.
 */
export function foregroundPipeline(
  source: SourceImage,
  probe: SourceProbe,
  tile: Tile,
  faces: readonly FaceBox[],
  limits: RenditionLimits,
): Sharp {
  const box = foregroundBox(tile, probe);
  const options = { failOn: 'error', limitInputPixels: limits.maxSourcePixels, autoOrient: true } as const;
  // Pixels decoded elsewhere (HEIC) are already upright and carry no EXIF for autoOrient to act on.
  const input = encodedInput(source);
  let decoder = (
    input !== undefined
      ? sharp(input, options)
      : sharp((source as RawImage).data, { ...options, raw: rawOf(source as RawImage) })
  ).timeout({ seconds: sharpTimeoutSeconds(limits) });
  if (box.fit === 'cover' && faces.length > 0) {
    const scale = Math.max(box.width / probe.width, box.height / probe.height);
    const scaled = {
      width: Math.max(box.width, Math.round(probe.width * scale)),
      height: Math.max(box.height, Math.round(probe.height * scale)),
    };
    // A resize followed by extract crops after the resize (and after auto-orientation): upright coordinates.
    decoder = decoder
      .resize(scaled.width, scaled.height, { fit: 'fill' })
      .extract(faceCropWindow(scaled, box, faces));
  } else {
    decoder = decoder.resize(box.width, box.height, {
      fit: box.fit,
      ...(box.fit === 'cover'
        ? { position: cropsLittle(tile, probe) ? 'centre' : sharp.strategy.attention }
        : {}),
    });
  }
  if (box.upscaled) decoder = decoder.sharpen(UPSCALE_SHARPEN);
  if (probe.hasAlpha) decoder = decoder.flatten({ background: '#000000' });
  return decoder.toColourspace('srgb').removeAlpha();
}

/**
 * The blurred, darkened copy of the foreground that fills the rest of the tile, made small (a sixteenth of the tile)
 * from the already-decoded foreground, so the original is decoded only once per rendition. None when the
 * foreground fills the tile.
 */
export function blurredBackground(foreground: RawImage, tile: Tile): RawImage | undefined {
  if (foreground.width === tile.width && foreground.height === tile.height) return undefined;
  return blurredFill(
    foreground,
    Math.max(8, Math.round(tile.width * BACKGROUND_SCALE)),
    Math.max(8, Math.round(tile.height * BACKGROUND_SCALE)),
    { sigma: BACKGROUND_BLUR_SIGMA, brightness: BACKGROUND_BRIGHTNESS },
  );
}

/**
 * Draws a tile into the screen: its background scaled up to the tile, but only in the bands the photo leaves
 * uncovered, then the photo centred over them.
 */
export function paintTile(
  canvas: RawCanvas,
  { tile, foreground }: DecodedTile,
  background: RawImage | undefined,
): void {
  // Rounded up, as libvips' centre gravity does: the same place the photo always had.
  const left = Math.ceil((tile.width - foreground.width) / 2);
  const top = Math.ceil((tile.height - foreground.height) / 2);
  if (background) {
    const bands = uncoveredBands(tile, { left, top, width: foreground.width, height: foreground.height });
    for (const band of bands) {
      paintUpscaled(canvas, background, tile, {
        ...band,
        left: tile.left + band.left,
        top: tile.top + band.top,
      });
    }
  }
  canvas.paste(foreground, tile.left + left, tile.top + top);
}

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The parts of the tile outside `photo` (tile coordinates): full-width bands above and below, then the sides. */
function uncoveredBands(tile: Tile, photo: Rect): Rect[] {
  const below = photo.top + photo.height;
  const right = photo.left + photo.width;
  const bands: Rect[] = [
    { left: 0, top: 0, width: tile.width, height: photo.top },
    { left: 0, top: below, width: tile.width, height: tile.height - below },
    { left: 0, top: photo.top, width: photo.left, height: photo.height },
    { left: right, top: photo.top, width: tile.width - right, height: photo.height },
  ];
  return bands.filter((band) => band.width > 0 && band.height > 0);
}

function rawOf(image: RawImage): { width: number; height: number; channels: RawImage['channels'] } {
  return { width: image.width, height: image.height, channels: image.channels };
}
