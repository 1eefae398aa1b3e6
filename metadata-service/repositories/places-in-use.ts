import { sql, type Kysely } from 'kysely';
import { PLACE_FILTER_LEVELS, PLACE_LEVELS, type PlaceLevel } from '../../common/contracts';
import type { LibraryDatabase } from '../database/schema';
import type { VocabularyPlace } from '../query-text/types';

/**
 * The places the owner's photos were taken in, at every level (sublocation "Bogenhausen", city "Santa Monica",
 * metro "Los Angeles", county "Orange County", region "California", country "United States"), so the parser can
 * recognise them as the library stores them. Each level is read as a skip scan of its owner-first
 * `lower(place_<level>)` index (migrations 0002/0006): a recursive query jumps from one name to the next, so it
 * costs one index probe per distinct name — a library has a few thousand, whatever its size — where a DISTINCT
 * over the place columns read every photo (a million rows for each free-text search). Names differing only in
 * case are one place, as searches treat them; the spelling listed is the first stored photo's in index order.
 * Finest level first, then by name: when one word names a place the library stores and also an alias of a wider
 * one ("Scotland", a region, and a name people use for the United Kingdom), the parser keeps the first it was
 * given, so the place as stored wins — and the order no longer depends on the order rows came back in.
 */
export async function placesInUse(db: Kysely<LibraryDatabase>, ownerId: string): Promise<VocabularyPlace[]> {
  const levelNames = (level: PlaceLevel) => {
    const column = sql.ref(`place_${level}`);
    const names = sql.ref(`names_${level}`);
    return sql`${names}(name) as (
      select (select ${column} from photos where owner_id = ${ownerId} and lower(${column}) is not null
        order by lower(${column}) limit 1)
      union all
      select (select ${column} from photos where owner_id = ${ownerId} and lower(${column}) > lower(${names}.name)
        order by lower(${column}) limit 1)
      from ${names} where ${names}.name is not null
    )`;
  };
  const listed = PLACE_LEVELS.map(
    (level) => sql`select ${level} as level, name from ${sql.ref(`names_${level}`)} where name is not null`,
  );
  const { rows } = await sql<VocabularyPlace>`with recursive ${sql.join(
    PLACE_LEVELS.map(levelNames),
  )} ${sql.join(listed, sql` union all `)}`.execute(db);
  const places = new Map<string, VocabularyPlace>();
  for (const row of rows) {
    if (row.name) places.set(`${row.level}:${row.name}`, { name: row.name, level: row.level });
  }
  const rank = (place: VocabularyPlace): number => PLACE_FILTER_LEVELS.indexOf(place.level);
  return [...places.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
