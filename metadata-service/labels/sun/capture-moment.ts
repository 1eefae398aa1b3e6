import type { TakenTimeSource } from '../../database/schema';
import { parseLocalDateTime } from '../../ingest/exif-dates';
import { instantOfLocal, zoneForPosition } from '../../ingest/time-zone';
import type { Gazetteer } from '../../places/gazetteer';
import { foldName } from '../../places/place-names';
import { sharedGazetteer } from '../../places/shared-gazetteer';

/** What the library stored about when and where a photo was taken (a photos row's columns). */
export interface CaptureFacts {
  takenLocal: string | null;
  takenUtc: string | null;
  takenTimeSource: TakenTimeSource;
  latitude: number | null;
  longitude: number | null;
  /** IANA zone or `±HH:MM`. */
  timeZone: string | null;
  placeCity: string | null;
  placeRegionCode: string | null;
  placeCountryCode: string | null;
}

/** The instant and the point the sun is computed for, and how each was found (kept as evidence). */
export interface CaptureMoment {
  instant: Date;
  latitude: number;
  longitude: number;
  /** 'gps': the photo's own position; 'place': its city's point in the gazetteer (a few km off at most). */
  positionFrom: 'gps' | 'place';
  /**
   * 'instant': the stored UTC instant (EXIF offset, GPS zone, Takeout timestamp); 'local-in-zone': a local time
   * without offset placed in the photo's zone (its stored zone, else the zone at its position).
   */
  timeFrom: 'instant' | 'local-in-zone';
  zone: string | null;
}

export type NoMoment = { missing: 'time' | 'place'; reason: string };

/**
 * When and where, for the sun. A capture time from the file's modification date is a guess and gives no moment
 * (a sun label on a guessed time would be a guess too). A photo with only place names (IPTC city, no GPS) is placed
 * at its city; one named only by region or country is not (a country spans hours of sun).
 */
export function captureMoment(
  facts: CaptureFacts,
  gazetteer: () => Gazetteer = sharedGazetteer,
): CaptureMoment | NoMoment {
  if (facts.takenTimeSource === 'file-modified' || (!facts.takenUtc && !facts.takenLocal)) {
    return { missing: 'time', reason: 'capture time unknown or guessed from the file date' };
  }
  const position = positionOf(facts, gazetteer);
  if (!position) return { missing: 'place', reason: 'no GPS position and no city to place the photo' };
  if (facts.takenUtc) {
    const instant = new Date(facts.takenUtc);
    if (Number.isNaN(instant.getTime())) return { missing: 'time', reason: 'stored instant is not a date' };
    return { instant, ...position, timeFrom: 'instant', zone: facts.timeZone };
  }
  const local = parseLocalDateTime(facts.takenLocal ?? '');
  if (!local) return { missing: 'time', reason: 'stored local time is not a date' };
  const zone = facts.timeZone ?? zoneForPosition(position.latitude, position.longitude);
  if (!zone) return { missing: 'time', reason: 'no time zone at the photo position' };
  const fixed = fixedOffsetMinutes(zone);
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const utcMs = fixed === undefined ? instantOfLocal(local, zone).utcMs : wallAsUtc - fixed * 60_000;
  return { instant: new Date(utcMs), ...position, timeFrom: 'local-in-zone', zone };
}

function positionOf(
  facts: CaptureFacts,
  gazetteer: () => Gazetteer,
): Pick<CaptureMoment, 'latitude' | 'longitude' | 'positionFrom'> | undefined {
  if (facts.latitude !== null && facts.longitude !== null) {
    return { latitude: facts.latitude, longitude: facts.longitude, positionFrom: 'gps' };
  }
  if (!facts.placeCity) return undefined;
  const candidates = gazetteer()
    .citiesNamed(foldName(facts.placeCity))
    .filter(
      (city) =>
        (!facts.placeCountryCode || city.countryCode === facts.placeCountryCode) &&
        (!facts.placeRegionCode || city.regionCode === facts.placeRegionCode),
    );
  // Most populous first: the city people mean by the name.
  const city = candidates[0];
  return city ? { latitude: city.latitude, longitude: city.longitude, positionFrom: 'place' } : undefined;
}

function fixedOffsetMinutes(zone: string): number | undefined {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}
