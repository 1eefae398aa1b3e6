import { getPosition, getTimes } from 'suncalc';

/** Which half of the solar day an instant falls in: before the sun's lowest point → morning, after its highest → evening. */
export type DayHalf = 'morning' | 'evening';

/** Where the sun was for the camera: degrees above the horizon (refraction-corrected) and compass bearing. */
export interface SunPosition {
  altitude: number;
  /** Degrees clockwise from north (90 east, 270 west). */
  azimuth: number;
  half: DayHalf;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The sun at an instant and place (suncalc 2: degrees, north-based azimuth). The half of the day is read from the
 * local solar noon, not from the azimuth: a west-facing sun means evening only away from the poles, while "after
 * solar noon, before the next solar midnight" holds everywhere, including a Finnish midsummer night where the sun
 * dips to −6° in the north and a photo at 01:43 is already morning.
 */
export function sunAt(instant: Date, latitude: number, longitude: number): SunPosition {
  const { altitude, azimuth } = getPosition(instant, latitude, longitude);
  const noon = getTimes(instant, latitude, longitude).solarNoon.getTime();
  // Hours since the nearest solar noon, in −12..12: negative before it (morning), positive after (evening).
  const sinceNoon = ((((instant.getTime() - noon) % DAY_MS) + DAY_MS + DAY_MS / 2) % DAY_MS) - DAY_MS / 2;
  return { altitude, azimuth, half: sinceNoon < 0 ? 'morning' : 'evening' };
}
