import { sql, type Kysely, type RawBuilder } from 'kysely';
import { PLACE_LEVELS, type PhotoQuery, type PlaceLevel } from '../../common/contracts';
import type { LibraryDatabase } from '../database/schema';
import { placeFilterTerms } from '../places/place-filter-terms';

/**
 * Per place text a filter compares (exactly as written), the levels at which the owner has a photo of that name,
 * among the levels the filter reads it at.
 */
export type PlaceLevelsFound = ReadonlyMap<string, ReadonlySet<PlaceLevel>>;

/** More names than this at one level are probed from a list in one arm (see placeLevelsFound). */
const MAX_ARMS_PER_LEVEL = 8;

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
  // Per text, the levels a filter reads it at: a place given with its level (free text's places always are) is
  // read at that level only, so probing the others only cost planning time (18 arms planned ~11 ms for one city).
  const probes = new Map<string, Set<PlaceLevel>>();
  const probe = (text: string, levels: readonly PlaceLevel[]) => {
    if (text.length === 0) return;
    const wanted = probes.get(text) ?? new Set<PlaceLevel>();
    for (const level of levels) wanted.add(level);
    probes.set(text, wanted);
  };
  for (const place of query.places) {
    for (const { name, levels } of placeFilterTerms(place)) {
      // The whole name, and its parts when it has qualifiers ("Paris, Texas": "Paris" lying in "Texas").
      const [head = '', ...qualifiers] = name.split(',').map((part) => part.trim());
      probe(name, levels);
      probe(head, levels);
      for (const qualifier of qualifiers) probe(qualifier, PLACE_LEVELS);
    }
  }
  const found = new Map<string, Set<PlaceLevel>>();
  if (probes.size === 0) return found;
  const byLevel = new Map<PlaceLevel, string[]>();
  for (const [text, levels] of probes) {
    found.set(text, new Set());
    for (const level of levels) byLevel.set(level, [...(byLevel.get(level) ?? []), text]);
  }
  const arms = [...byLevel].flatMap(([level, texts]) => {
    const exists = (name: RawBuilder<unknown>) =>
      sql`exists (select 1 from photos where owner_id = ${ownerId} and lower(${sql.ref(`place_${level}`)}) = lower(${name}))`;
    // A continent's fifty countries: one arm over a list of names, planned once, where fifty arms took PostgreSQL
    // 6-7 ms to plan at a million photos.
    if (texts.length > MAX_ARMS_PER_LEVEL) {
      const names = sql.join(texts.map((text) => sql`(cast(${text} as text))`));
      return [
        sql`select ${sql.lit(level)} as level, names.column1 as name from (values ${names}) as names where ${exists(sql.ref('names.column1'))}`,
      ];
    }
    return texts.map(
      (text) =>
        sql`select ${sql.lit(level)} as level, cast(${text} as text) as name where ${exists(sql`${text}`)}`,
    );
  });
  const { rows } = await sql<{
    level: PlaceLevel;
    name: string;
  }>`${sql.join(arms, sql` union all `)}`.execute(db);
  for (const row of rows) found.get(row.name)?.add(row.level);
  return found;
}
