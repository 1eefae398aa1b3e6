import type { Kysely } from 'kysely';
import { PLACE_LEVELS } from '../../common/contracts';
import type { LibraryDatabase } from '../database/schema';
import type { VocabularyPlace } from '../query-text/types';

/**
 * The places the owner's photos were taken in, at every level (sublocation "Bogenhausen", city "Santa Monica",
 * metro "Los Angeles", county "Orange County", region "California", country "United States"), so the parser can
 * recognise them as the library stores them. One DISTINCT over the place columns: a library has a few thousand
 * distinct places, whatever its size.
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
  return [...places.values()];
}
