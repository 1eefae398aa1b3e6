import { sql, type QueryExecutorProvider, type Transaction } from 'kysely';
import { PLACE_LEVELS, type PlaceLevel } from '../../common/contracts';
import type { LibraryDatabase, PlaceKeyKind } from '../database/schema';
import type { Place } from '../places/place';
import { placeColumns } from '../places/place-columns';
import { monthOfColumn } from './capture-months';

/**
 * Place names in search_key_months (migration 0019): per (owner, level, name, capture month, left_out), keyed by the
 * name as the database's own lower() folds it — the fold the place filter and its indexes use on both sides
 * (SQLite folds ASCII only, PostgreSQL by locale, so JavaScript's toLowerCase could not stand in for it). A search
 * for one place at one level then counts a home city's 210,000 photos from ~240 month rows instead of reading
 * 210,000 index entries (PostgreSQL: ~10 ms for 22,000 entries warm, far more cold).
 */

export function placeKeyKind(level: PlaceLevel): PlaceKeyKind {
  return `place_${level}`;
}

export function isPlaceKeyKind(kind: string): kind is PlaceKeyKind {
  return kind.startsWith('place_');
}

/** The level a place kind counts. */
export function placeLevelOf(kind: PlaceKeyKind): PlaceLevel {
  return kind.slice('place_'.length) as PlaceLevel;
}

/** Stored place texts of new photos, folded by the database: one statement for a batch's distinct names. */
export async function foldPlaceNames(
  trx: Transaction<LibraryDatabase>,
  texts: Iterable<string>,
): Promise<Map<string, string>> {
  const distinct = [...new Set(texts)];
  const folded = new Map<string, string>();
  // 200 names a statement: two parameters each, far below both engines' bound-parameter limits.
  for (let i = 0; i < distinct.length; i += 200) {
    const arms = distinct
      .slice(i, i + 200)
      .map((text) => sql`select cast(${text} as text) as text, lower(cast(${text} as text)) as folded`);
    const { rows } = await sql<{
      text: string;
      folded: string;
    }>`${sql.join(arms, sql` union all `)}`.execute(trx);
    for (const row of rows) folded.set(row.text, row.folded);
  }
  return folded;
}

/** A photo's stored place text at each level (null where it has none). */
export type PlaceTexts = Partial<Record<PlaceLevel, string | null>>;

/** A new photo's place texts as its row stores them. */
export function placeTextsOf(place: Place | null | undefined): PlaceTexts {
  const columns = placeColumns(place);
  return Object.fromEntries(PLACE_LEVELS.map((level) => [level, columns[`place_${level}`]]));
}

/** The (kind, key) pairs a photo with these place texts is counted under, given their folds. */
export function placeKeysOf(
  texts: PlaceTexts,
  folded: ReadonlyMap<string, string>,
): { kind: PlaceKeyKind; key: string }[] {
  return PLACE_LEVELS.flatMap((level) => {
    const text = texts[level];
    const key = text === null || text === undefined ? undefined : folded.get(text);
    return key === undefined ? [] : [{ kind: placeKeyKind(level), key }];
  });
}

/** The place count entries of stored photos (kind, folded key, month), read before a change that moves them. */
export async function placeEntriesOf(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoIds: readonly string[],
): Promise<{ kind: PlaceKeyKind; key: string; month: string }[]> {
  if (photoIds.length === 0) return [];
  const month = monthOfColumn();
  const arms = PLACE_LEVELS.map((level) => {
    const column = sql.ref(`place_${level}`);
    return sql`select ${sql.lit(placeKeyKind(level))} as kind, lower(${column}) as key, ${month} as month
      from photos where owner_id = ${ownerId} and ${column} is not null
      and id in (${sql.join(photoIds.map((id) => sql`${id}`))})`;
  });
  const { rows } = await sql<{
    kind: PlaceKeyKind;
    key: string;
    month: string;
  }>`${sql.join(arms, sql` union all `)}`.execute(trx);
  return rows;
}

/** Recomputes every owner's place counts from the photos table (migration 0019 and bulk loads). */
export async function rebuildPlaceMonthCounts(db: QueryExecutorProvider): Promise<void> {
  const month = monthOfColumn();
  await sql`delete from search_key_months where kind in (${sql.join(PLACE_LEVELS.map((level) => sql.lit(placeKeyKind(level))))})`.execute(
    db,
  );
  for (const level of PLACE_LEVELS) {
    const column = sql.ref(`place_${level}`);
    await sql`insert into search_key_months (owner_id, kind, key, month, left_out, photos, first_taken, last_taken)
      select owner_id, ${sql.lit(placeKeyKind(level))}, lower(${column}), ${month}, left_out, count(*), min(taken_local), max(taken_local)
      from photos where ${column} is not null
      group by owner_id, lower(${column}), ${month}, left_out`.execute(db);
  }
}
