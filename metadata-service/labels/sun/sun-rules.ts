import type { PictureLight } from './picture-light';
import type { SunPosition } from './sun-position';

/** The labels the sun and the picture together can give. */
export const SUN_LABELS = ['sunset', 'sunrise', 'golden hour', 'blue hour', 'night'] as const;
export type SunLabel = (typeof SUN_LABELS)[number];

/** Why a photo got a sun label: where the sun was, which window and which colour rule agreed, and the numbers. */
export interface SunEvidence {
  label: SunLabel;
  /** The sun's window the altitude fell in, e.g. "evening, −6°..+6°". */
  sunRule: string;
  /** The colour rule that fired, e.g. "warm sky". */
  colourRule: string;
  altitude: number;
  azimuth: number;
  half: SunPosition['half'];
  light: PictureLight;
}

/**
 * Sun windows (degrees of altitude). Sunset and sunrise: the sun within 6° of the horizon, from the last light of a
 * low sun to the end of civil twilight; golden hour: the photographers' −4°..+6° of warm, low light; blue hour:
 * −8°..−4°, the deep blue after civil twilight's glow; night: below −12° (nautical twilight over).
 */
export const SUN_WINDOWS = {
  sunsetOrSunrise: { from: -6, to: 6 },
  goldenHour: { from: -4, to: 6 },
  blueHour: { from: -8, to: -4 },
  nightBelow: -12,
} as const;

/**
 * Colour rules, each the picture's half of the agreement. Chosen by looking at the statistics of the real photos in
 * sun-photo-truth.ts (the values quoted are from it; bench/sun-labels.ts prints them):
 * - warm sky (sunset, sunrise): a backlit scene, the upper half at least 1.5× as bright as the lower (sunset photos
 *   2.0-3.1; indoor rooms 0.3-1.0) with the land in shadow (lower half mean ≤ 0.3: 0.23-0.24 under the two
 *   sunsets, 0.39 on a sunlit autumn hillside whose orange trees otherwise pass as a glow), some blue sky (≥ 0.1 of the upper half: a sky is in the picture, not a warm
 *   wall, a cup or a flower) and a warm glow: ≥ 0.15 of the upper half warm-coloured or a band of the upper 60 %
 *   at least 0.10 redder than blue (the pale band over a sun on the horizon: 0.12; EveningGlow's clouds 0.36).
 * - warm light (golden hour): ≥ 0.25 of all pixels warm, and a sky (≥ 0.1 blue sky or the backlit 1.5×), so a
 *   tungsten-lit room (warm 0.68, no sky) is not golden hour.
 * - blue sky (blue hour): ≥ 0.5 of the upper half blue to violet, and little warm colour (< 0.2 overall).
 * - dark (night): mean brightness ≤ 0.25 and ≥ 0.4 of the pixels dark; a flash-lit face at a party is not enough.
 */
export const COLOUR_RULES = {
  warmSky: { minSkyOverGround: 1.5, maxGround: 0.3, minBlueSky: 0.1, minWarmSky: 0.15, minGlow: 0.1 },
  warmLight: { minWarm: 0.25, minBlueSky: 0.1, minSkyOverGround: 1.5 },
  blueSky: { minBlueSky: 0.5, maxWarm: 0.2 },
  dark: { maxMeanBrightness: 0.25, minDarkShare: 0.4 },
} as const;

export function hasWarmSky(light: PictureLight): boolean {
  const rule = COLOUR_RULES.warmSky;
  return (
    light.skyOverGround >= rule.minSkyOverGround &&
    light.groundBrightness <= rule.maxGround &&
    light.blueSkyShare >= rule.minBlueSky &&
    (light.warmSkyShare >= rule.minWarmSky || light.skyGlow >= rule.minGlow)
  );
}

export function hasWarmLight(light: PictureLight): boolean {
  const rule = COLOUR_RULES.warmLight;
  return (
    light.warmShare >= rule.minWarm &&
    (light.blueSkyShare >= rule.minBlueSky || light.skyOverGround >= rule.minSkyOverGround)
  );
}

export function hasBlueSky(light: PictureLight): boolean {
  const rule = COLOUR_RULES.blueSky;
  return light.blueSkyShare >= rule.minBlueSky && light.warmShare < rule.maxWarm;
}

export function isDark(light: PictureLight): boolean {
  const rule = COLOUR_RULES.dark;
  return light.meanBrightness <= rule.maxMeanBrightness && light.darkShare >= rule.minDarkShare;
}

function within(altitude: number, window: { from: number; to: number }): boolean {
  return altitude >= window.from && altitude <= window.to;
}

function describe(half: string | undefined, window: { from: number; to: number }): string {
  const range = `${window.from}°..${window.to > 0 ? '+' : ''}${window.to}°`;
  return half ? `${half}, ${range}` : range;
}

/** Whether the sun is where some label could be given (else the picture need not be looked at). */
export function sunInAnyWindow(sun: SunPosition): boolean {
  return (
    within(sun.altitude, SUN_WINDOWS.sunsetOrSunrise) ||
    within(sun.altitude, SUN_WINDOWS.goldenHour) ||
    within(sun.altitude, SUN_WINDOWS.blueHour) ||
    sun.altitude < SUN_WINDOWS.nightBelow
  );
}

/**
 * The labels on which the sun and the picture agree. Each needs both: a photo at sunset time of a dark room is no
 * sunset, and a warm orange picture at noon is no golden hour.
 */
export function sunLabelsFor(sun: SunPosition, light: PictureLight): SunEvidence[] {
  const found: SunEvidence[] = [];
  const add = (label: SunLabel, sunRule: string, colourRule: string) =>
    found.push({
      label,
      sunRule,
      colourRule,
      altitude: sun.altitude,
      azimuth: sun.azimuth,
      half: sun.half,
      light,
    });
  if (within(sun.altitude, SUN_WINDOWS.sunsetOrSunrise) && hasWarmSky(light)) {
    add(
      sun.half === 'evening' ? 'sunset' : 'sunrise',
      describe(sun.half, SUN_WINDOWS.sunsetOrSunrise),
      'warm sky',
    );
  }
  if (within(sun.altitude, SUN_WINDOWS.goldenHour) && hasWarmLight(light)) {
    add('golden hour', describe(sun.half, SUN_WINDOWS.goldenHour), 'warm light');
  }
  if (within(sun.altitude, SUN_WINDOWS.blueHour) && hasBlueSky(light)) {
    add('blue hour', describe(sun.half, SUN_WINDOWS.blueHour), 'blue sky');
  }
  if (sun.altitude < SUN_WINDOWS.nightBelow && isDark(light)) {
    add('night', `below ${SUN_WINDOWS.nightBelow}°`, 'dark picture');
  }
  return found;
}
