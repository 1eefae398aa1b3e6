import { sql, type Kysely } from 'kysely';
import { PLACE_LEVELS, type PhotoQuery, type PlaceLevel } from '../../common/contracts';
import type { LibraryDatabase } from '../database/schema';
import { placeFilterNames } from '../places/place-filter-names';

/** Per place text a filter compares (exactly as written), the levels at which the owner has a photo of that name. */
export type PlaceLevelsFound = ReadonlyMap<string, ReadonlySet<PlaceLevel>>;

/**
 * The levels each place name of the query is stored at in the owner's library: one index probe per (name, level)
 * on the covering place indexes, all in one statement. A place filter at any level is an OR of six index ranges,
 * which PostgreSQL can only read as a BitmapOr: every match's photo row read, then sorted, for a count or a page of
 * 50 (a city's 26,000 photos at a million). Leaving out the levels where the name has no photo at all changes no
 * result (those terms match nothing) and usually leaves one range, read from its index alone and in capture order.
 * Texts are compared with the database's own lower() on both sides, as the filter does, and keyed as written.
 */
export async function placeLevelsFound(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  query: PhotoQuery,
): Promise<PlaceLevelsFound> {
  const texts = new Set<string>();
  for (const place of query.places) {
    for (const name of placeFilterNames(place.name)) {
      // The whole name, and its parts when it has qualifiers ("Paris, Texas": "Paris" lying in "Texas").
      for (const text of [name, ...name.split(',').map((part) => part.trim())]) {
        if (text.length > 0) texts.add(text);
      }
    }
  }
  const found = new Map<string, Set<PlaceLevel>>();
  if (texts.size === 0) return found;
  const arms = [...texts].flatMap((text) => {
    found.set(text, new Set());
    return PLACE_LEVELS.map(
      (level) =>
        sql`select ${sql.lit(level)} as level, cast(${text} as text) as name where exists (select 1 from photos where owner_id = ${ownerId} and lower(${sql.ref(`place_${level}`)}) = lower(${text}))`,
    );
  });
  const { rows } = await sql<{
    level: PlaceLevel;
    name: string;
  }>`${sql.join(arms, sql` union all `)}`.execute(db);
  for (const row of rows) found.get(row.name)?.add(row.level);
  return found;
}
