import { PLACE_LEVELS, type PhotoQuery, type PlaceLevel } from '../../common/contracts';
import type { Gazetteer } from './gazetteer';
import { placeFilterNames } from './place-filter-names';
import { sharedGazetteer } from './shared-gazetteer';
import { worldRegionNamed } from './world-regions';

/** One name a place filter compares, and the stored levels it is compared at. */
export interface PlaceFilterTerm {
  name: string;
  levels: readonly PlaceLevel[];
}

const COUNTRY_LEVEL: readonly PlaceLevel[] = ['country'];

/**
 * What a place filter matches, as (name, levels) terms any one of which a photo may match: the name as given at the
 * filter's level or every level, and what the gazetteer reads it as at the levels it read it at (placeFilterNames); or, for a continent or world
 * region ("Europe", as free text gives it or a voice slot hears it), each of its countries as a country. A
 * continent no stored country lies in has no terms, so it matches nothing.
 */
export function placeFilterTerms(
  place: PhotoQuery['places'][number],
  gazetteer: Gazetteer = sharedGazetteer(),
): PlaceFilterTerm[] {
  const region =
    place.level === undefined || place.level === 'continent' ? worldRegionNamed(place.name) : undefined;
  if (place.level === 'continent' || region) {
    const names = new Set((region?.countryCodes ?? []).flatMap((code) => gazetteer.countryName(code) ?? []));
    return [...names].map((name) => ({ name, levels: COUNTRY_LEVEL }));
  }
  const { level } = place;
  return placeFilterNames(place.name, gazetteer).flatMap(({ name, levels: found }) => {
    if (level === undefined) return [{ name, levels: found ?? PLACE_LEVELS }];
    return found === undefined || found.includes(level) ? [{ name, levels: [level] }] : [];
  });
}
