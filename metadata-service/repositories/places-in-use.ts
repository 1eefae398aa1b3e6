import type { Kysely } from 'kysely';
import { PLACE_LEVELS } from '../../common/contracts';
import type { LibraryDatabase } from '../database/schema';
import type { VocabularyPlace } from '../query-text/types';

/**
 * The places the owner's photos were taken in, at every level (sublocation "Bogenhausen", city "Santa Monica",
 * metro "Los Angeles", county "Orange County", region "California", country "United States"), so the parser can
 * recognise them as the library stores them. One DISTINCT over the place columns: a library has a few thousand
 * distinct places, whatever its size.
 * Finest level first, then by name: when one word names a place the library stores and also an alias of a wider
 * one ("Scotland", a region, and a name people use for the United Kingdom), the parser keeps the first it was
 * given, so the place as stored wins — and the order no longer depends on the order rows came back in.
 */
export async function placesInUse(db: Kysely<LibraryDatabase>, ownerId: string): Promise<VocabularyPlace[]> {
  const rows = await db
    .selectFrom('photos')
    .select([
      'place_sublocation',
      'place_city',
      'place_metro',
      'place_county',
      'place_region',
      'place_country',
    ])
    .distinct()
    .where('owner_id', '=', ownerId)
    .execute();
  const places = new Map<string, VocabularyPlace>();
  for (const row of rows) {
    for (const level of PLACE_LEVELS) {
      const name = row[`place_${level}`];
      if (name) places.set(`${level}:${name}`, { name, level });
    }
  }
  const rank = (place: VocabularyPlace): number => PLACE_LEVELS.indexOf(place.level);
  return [...places.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
