import { findPlacesByName } from '../places/find-places';
import { foldName } from '../places/place-names';
import { sharedGazetteer } from '../places/shared-gazetteer';
import { worldRegionNamed } from '../places/world-regions';
import type { PlaceLevel, VocabularyPlace } from './types';

/**
 * Every place of the gazetteer a name may mean, each saying whether the name alone is taken for it; or the
 * continent or world region it names ("Europe", "Südostasien").
 */
export function gazetteerPlaces(name: string): VocabularyPlace[] {
  const region = worldRegionNamed(name);
  if (region) return [{ name: region.name, level: 'continent', standsAlone: true }];
  return findPlacesByName(name).map(({ name: placeName, level, countryCode }) => ({
    name: placeName,
    level,
    standsAlone: standsAlone(placeName, level, countryCode),
  }));
}

/** A bare word is a place only when it is an area or a big city: "kyoto" is, "happy" (Happy, Texas) is not. */
const MIN_POPULATION_STANDING_ALONE = 100_000;

function standsAlone(name: string, level: PlaceLevel, countryCode: string): boolean {
  if (level !== 'city' && level !== 'sublocation') return true;
  // A qualified name ("Paris, Texas") was said in full.
  if (name.includes(',')) return true;
  return sharedGazetteer()
    .citiesNamed(foldName(name))
    .some((city) => city.countryCode === countryCode && city.population >= MIN_POPULATION_STANDING_ALONE);
}
