import type { PhotoQuery, PlaceLevel } from '../../common/contracts';
import { placeFilterTerms } from '../places/place-filter-terms';
import type { PlaceLevelsFound } from './place-levels-found';
import { placeKeyKind } from './place-month-counts';
import type { PlaceKeyKind } from '../database/schema';

/**
 * The search_key_months key counting a one-place filter, when the filter comes down to one name at one level:
 * every other (name, level) term of its OR matches nothing (placeLevelsFound), and the name has no qualifier
 * ("Paris, Texas" is an AND of two names). Undefined otherwise — two terms may match the same photo, so their
 * counts do not add up — and the matches are counted from the index as before.
 */
export function onePlaceKey(
  place: PhotoQuery['places'][number],
  found: PlaceLevelsFound | undefined,
): { kind: PlaceKeyKind; key: string } | undefined {
  const counted = disjointPlaceKeys([place], found);
  const [key] = counted?.keys ?? [];
  // The key as written: countFromSummary folds it with the database's lower(), as the filter does.
  return counted !== undefined && key !== undefined && counted.keys.length === 1
    ? { kind: counted.kind, key }
    : undefined;
}

/**
 * The search_key_months keys counting place filters whose every term found comes down to names at one level, such
 * as a continent's countries ("Europe": France, Italy, … as countries): a photo has one name per level, so the
 * names' counts add up. Undefined when a term has a qualifier, when terms lie at two levels (a photo's city and
 * its country can both match), or when nothing is found (the filter then matches nothing, counted from its rows).
 */
export function disjointPlaceKeys(
  places: PhotoQuery['places'],
  found: PlaceLevelsFound | undefined,
): { kind: PlaceKeyKind; keys: string[] } | undefined {
  if (found === undefined || places.length === 0) return undefined;
  const terms: { text: string; level: PlaceLevel }[] = [];
  for (const place of places) {
    for (const { name, levels } of placeFilterTerms(place)) {
      if (name.split(',').filter((part) => part.trim().length > 0).length > 1) return undefined;
      const stored = found.get(name);
      if (stored === undefined) return undefined;
      for (const level of levels) if (stored.has(level)) terms.push({ text: name, level });
    }
  }
  const [first] = terms;
  if (first === undefined || terms.some((term) => term.level !== first.level)) return undefined;
  // The same name twice is one key: the database folds the keys, so a name must not be counted twice.
  const keys = [...new Set(terms.map((term) => term.text))];
  const folded = new Set(keys.map((key) => key.toLowerCase()));
  return folded.size === keys.length ? { kind: placeKeyKind(first.level), keys } : undefined;
}
