import { findPlacesByName } from './find-places';
import type { Gazetteer } from './gazetteer';
import { sharedGazetteer } from './shared-gazetteer';

/**
 * The names a place filter's name stands for in the library: the name as given, then what the gazetteer reads it as
 * ("München" → "Munich", "Paris Texas" → "Paris, Texas", "NYC" → "New York City", "Shibuya" → "Shibuya-ku"). Photos
 * store the gazetteer's English names, while a voice slot carries the name as heard, in the user's language. Each
 * name is still matched at the filter's level (or any level), so "Paris" keeps meaning every Paris.
 */
export function placeFilterNames(name: string, gazetteer: Gazetteer = sharedGazetteer()): string[] {
  const names = [name];
  // As the filter compares (lower() on both sides): "Zürich" is not "zurich" there, "Paris, Texas" not "Paris Texas".
  const seen = new Set([name.toLowerCase()]);
  for (const match of findPlacesByName(name, gazetteer)) {
    const key = match.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(match.name);
  }
  return names;
}
