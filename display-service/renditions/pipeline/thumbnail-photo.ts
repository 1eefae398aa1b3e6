import sharp, { type Sharp } from 'sharp';
import type { RenditionLimits } from '../limits';
import { sharpTimeoutSeconds, type JpegHeaderFacts, type RawImage } from './context';

/**
 * How far a thumbnail's shape may be from its photo's: integer sizes round (a 3:2 photo's is 160x107, 0.3 % off).
 * Beyond it the thumbnail is letterboxed (a 3:2 photo's 160x120 with black bars) or stale (the photo was cropped or
 * turned after the camera wrote it): not this photo.
 */
const SAME_SHAPE = 1.02;
/** EXIF thumbnails are 160x120 to 640x480; a larger one is not decoded on the way to the screen. */
const MAX_THUMBNAIL_PIXELS = 640 * 480;

/**
 * The photo's EXIF thumbnail decoded upright (the photo's own EXIF orientation applied: the thumbnail is of the
 * picture as stored) as 3-channel 8-bit sRGB, when it is the same shape as the photo and has at least `needed`
 * pixels once cropped to that shape; otherwise undefined, and so is a thumbnail that does not decode.
 */
export async function uprightThumbnail(
  jpeg: JpegHeaderFacts,
  photo: { width: number; height: number },
  needed: { width: number; height: number },
  limits: RenditionLimits,
): Promise<RawImage | undefined> {
  if (jpeg.thumbnail === undefined) return undefined;
  let decoded;
  try {
    decoded = await oriented(
      sharp(jpeg.thumbnail, { failOn: 'error', limitInputPixels: MAX_THUMBNAIL_PIXELS }),
      jpeg.orientation,
    )
      .timeout({ seconds: sharpTimeoutSeconds(limits) })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch {
    return undefined;
  }
  const { data, info } = decoded;
  if (info.channels !== 3) return undefined;
  const apart = Math.abs(Math.log(info.width / info.height / (photo.width / photo.height)));
  if (apart > Math.log(SAME_SHAPE)) return undefined;
  if (Math.max(needed.width / info.width, needed.height / info.height) > 1) return undefined;
  return { data, width: info.width, height: info.height, channels: 3 };
}

/**
 * Turns the stored picture upright for EXIF `orientation` (2 mirror, 3 rotate 180, 4 flip, 5 transpose, 6 rotate
 * 90 CW, 7 transverse, 8 rotate 270 CW). sharp mirrors before it rotates, so flip + rotate 90 CW is a transpose
 * and flop + rotate 90 CW a transverse.
 */
function oriented(image: Sharp, orientation: number): Sharp {
  switch (orientation) {
    case 2:
      return image.flop();
    case 3:
      return image.rotate(180);
    case 4:
      return image.flip();
    case 5:
      return image.flip().rotate(90);
    case 6:
      return image.rotate(90);
    case 7:
      return image.flop().rotate(90);
    case 8:
      return image.rotate(270);
    default:
      return image;
  }
}
