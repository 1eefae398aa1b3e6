import type { PlaceLevel } from '../../common/contracts';
import { findPlacesByName } from './find-places';
import type { Gazetteer } from './gazetteer';
import { sharedGazetteer } from './shared-gazetteer';

/**
 * The levels photos store a place the gazetteer finds at a level: a city with a metro area is found as the metro,
 * and its name is stored at the city level for photos taken in the city itself and at the metro level around it.
 */
const STORED_AT: Partial<Record<PlaceLevel, readonly PlaceLevel[]>> = { metro: ['city', 'metro'] };

/** A name a place filter compares: as given (any level), or as the gazetteer reads it, at the levels it found. */
export interface PlaceFilterName {
  name: string;
  /** The levels the gazetteer found the name at; absent for the name as given. */
  levels?: readonly PlaceLevel[];
}

/**
 * The names a place filter's name stands for in the library: the name as given, then what the gazetteer reads it as
 * ("München" → "Munich", "Paris Texas" → "Paris, Texas", "NYC" → "New York City", "Shibuya" → "Shibuya-ku"). Photos
 * store the gazetteer's English names, while a voice slot carries the name as heard, in the user's language. The
 * name as given keeps meaning every place called so ("Paris" is every Paris); a name read through the gazetteer
 * means only the places it read: "DC" is the Washington metro area, never the state of Washington.
 */
export function placeFilterNames(name: string, gazetteer: Gazetteer = sharedGazetteer()): PlaceFilterName[] {
  const names: PlaceFilterName[] = [{ name }];
  // As the filter compares (lower() on both sides): "Zürich" is not "zurich" there, "Paris, Texas" not "Paris Texas".
  const given = name.toLowerCase();
  const read = new Map<string, { name: string; levels: PlaceLevel[] }>();
  for (const match of findPlacesByName(name, gazetteer)) {
    const key = match.name.toLowerCase();
    if (key === given) continue;
    const entry = read.get(key) ?? { name: match.name, levels: [] };
    for (const level of STORED_AT[match.level] ?? [match.level]) {
      if (!entry.levels.includes(level)) entry.levels.push(level);
    }
    read.set(key, entry);
  }
  return [...names, ...read.values()];
}
