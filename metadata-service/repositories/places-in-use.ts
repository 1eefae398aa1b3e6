import type { Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import type { VocabularyPlace } from '../query-text/types';

/**
 * The places the owner's photos were taken in, at every level, so the parser can recognise "Santa Monica",
 * "California" and "United States" as the library stores them. (The library's vocabulary lists people, albums and
 * labels but not places yet.)
 */
export async function placesInUse(db: Kysely<LibraryDatabase>, ownerId: string): Promise<VocabularyPlace[]> {
  const rows = await db
    .selectFrom('photos')
    .select(['place_city', 'place_region', 'place_country'])
    .distinct()
    .where('owner_id', '=', ownerId)
    .execute();
  const places = new Map<string, VocabularyPlace>();
  const add = (name: string | null, level: VocabularyPlace['level']): void => {
    if (name) places.set(`${level}:${name}`, { name, level });
  };
  for (const row of rows) {
    add(row.place_city, 'city');
    add(row.place_region, 'region');
    add(row.place_country, 'country');
  }
  return [...places.values()];
}
