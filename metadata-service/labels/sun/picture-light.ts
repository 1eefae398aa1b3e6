import sharp from 'sharp';
import { uprightOriginal, type OriginalInput } from '../../vision/upright-original';

/**
 * The light in a picture, from a thumbnail-sized decode (JPEG shrink-on-load makes it a few milliseconds on a 12 MP
 * original). Shares are fractions of pixels, 0..1; the "sky" is the upper half of the upright picture, where a sky
 * sits when there is one.
 */
export interface PictureLight {
  /** Mean Rec. 601 luma of the whole picture, 0 (black) .. 1 (white), from sharp's stats() channel means. */
  meanBrightness: number;
  /** Pixels darker than DARK_LUMA. */
  darkShare: number;
  /** Mean HSV saturation. */
  meanSaturation: number;
  /** Sky pixels that are warm (red, orange, yellow: WARM_HUES), clearly coloured and lit. */
  warmSkyShare: number;
  /** Sky pixels that are blue to violet (BLUE_HUES), coloured, neither black nor blown out. */
  blueSkyShare: number;
  /** Pixels of the whole picture that are warm, coloured and lit (warm light falling on everything). */
  warmShare: number;
  /** Mean luma of the sky band divided by the lower half's: a lit sky over a darker land is above 1. */
  skyOverGround: number;
  /** Mean luma of the lower half: land in shadow or silhouette under a low sun stays dark. */
  groundBrightness: number;
  /**
   * The warmest lit band of the upper GLOW_ROWS of the picture: (mean red − mean blue) / 255 of the horizontal band
   * (one of GLOW_BANDS) with the largest such tint among bands at least GLOW_MIN_LUMA bright. A sun on the horizon
   * lights a pale yellow-orange band above it that HSV saturation calls grey; a daytime sky is bluer than it is red.
   */
  skyGlow: number;
}

/** The long side of the decode: hue shares over ~12 000 pixels are stable to a percent, and decoding stays cheap. */
export const LIGHT_SAMPLE_SIDE = 128;
export const DARK_LUMA = 0.15;
/** Hue in degrees: red-orange-yellow, wrapping through 0 (magenta-red sunset clouds sit at 340-360). */
const WARM_HUES = { from: 335, to: 50 };
const BLUE_HUES = { from: 195, to: 285 };
const MIN_COLOUR_SATURATION = 0.3;
const MIN_LIT_VALUE = 0.3;
const GLOW_ROWS = 0.6;
const GLOW_BANDS = 6;
const GLOW_MIN_LUMA = 0.35;

/**
 * Reads the light of an original. The per-pixel hue shares are computed here because sharp's stats() gives channel
 * means and a dominant colour but no share of pixels by hue or by region, which is what tells a warm sky from a warm
 * room.
 */
export async function pictureLight(input: OriginalInput, mediaType: string): Promise<PictureLight> {
  const image = await uprightOriginal(input, mediaType);
  const small = image
    .resize(LIGHT_SAMPLE_SIDE, LIGHT_SAMPLE_SIDE, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb');
  const { data, info } = await small.clone().raw().toBuffer({ resolveWithObject: true });
  const stats = await sharp(data, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  }).stats();
  return lightOfPixels(data, info.width, info.height, info.channels, stats.channels);
}

/** The statistics of raw 8-bit pixels (at least 3 channels, RGB first). */
export function lightOfPixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
  channelStats?: readonly { mean: number }[],
): PictureLight {
  const skyRows = Math.max(1, Math.floor(height / 2));
  let dark = 0;
  let saturationSum = 0;
  let warm = 0;
  let warmSky = 0;
  let blueSky = 0;
  let skyLuma = 0;
  let groundLuma = 0;
  let lumaSum = 0;
  const glowRows = Math.max(GLOW_BANDS, Math.floor(height * GLOW_ROWS));
  const bands = Array.from({ length: GLOW_BANDS }, () => ({ red: 0, blue: 0, luma: 0, pixels: 0 }));
  for (let y = 0; y < height; y++) {
    const inSky = y < skyRows;
    const band = y < glowRows ? bands[Math.floor((y * GLOW_BANDS) / glowRows)] : undefined;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const r = (data[i] ?? 0) / 255;
      const g = (data[i + 1] ?? 0) / 255;
      const b = (data[i + 2] ?? 0) / 255;
      const luma = 0.299 * r + 0.587 * g + 0.114 * b;
      const { hue, saturation, value } = hsv(r, g, b);
      lumaSum += luma;
      if (band) {
        band.red += r;
        band.blue += b;
        band.luma += luma;
        band.pixels += 1;
      }
      if (luma < DARK_LUMA) dark += 1;
      saturationSum += saturation;
      const coloured = saturation >= MIN_COLOUR_SATURATION && value >= MIN_LIT_VALUE;
      const isWarm = coloured && inHues(hue, WARM_HUES);
      if (isWarm) warm += 1;
      if (inSky) {
        skyLuma += luma;
        if (isWarm) warmSky += 1;
        if (saturation >= 0.2 && value >= 0.15 && value <= 0.95 && inHues(hue, BLUE_HUES)) blueSky += 1;
      } else {
        groundLuma += luma;
      }
    }
  }
  const pixels = Math.max(1, width * height);
  const skyPixels = Math.max(1, skyRows * width);
  const groundPixels = Math.max(1, pixels - skyRows * width);
  const meanSky = skyLuma / skyPixels;
  const meanGround = groundLuma / groundPixels;
  return {
    meanBrightness: channelStats ? lumaOfMeans(channelStats) : lumaSum / pixels,
    darkShare: dark / pixels,
    meanSaturation: saturationSum / pixels,
    warmSkyShare: warmSky / skyPixels,
    blueSkyShare: blueSky / skyPixels,
    warmShare: warm / pixels,
    skyOverGround: meanSky / Math.max(meanGround, 0.02),
    groundBrightness: meanGround,
    skyGlow: Math.max(
      0,
      ...bands
        .filter((band) => band.pixels > 0 && band.luma / band.pixels >= GLOW_MIN_LUMA)
        .map((band) => (band.red - band.blue) / band.pixels),
    ),
  };
}

function lumaOfMeans(channels: readonly { mean: number }[]): number {
  const [r, g, b] = channels.map((c) => c.mean / 255);
  return 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0);
}

function hsv(r: number, g: number, b: number): { hue: number; saturation: number; value: number } {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  let hue = 0;
  if (delta > 0) {
    if (max === r) hue = 60 * (((g - b) / delta + 6) % 6);
    else if (max === g) hue = 60 * ((b - r) / delta + 2);
    else hue = 60 * ((r - g) / delta + 4);
  }
  return { hue, saturation: max === 0 ? 0 : delta / max, value: max };
}

function inHues(hue: number, range: { from: number; to: number }): boolean {
  return range.from <= range.to ? hue >= range.from && hue <= range.to : hue >= range.from || hue <= range.to;
}
