import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { PLACE_LEVELS } from '../../common/contracts';
import type { SearchKeyKind } from '../database/schema';
import { monthOfColumn, monthSlice } from './capture-months';
import { hasMembers, membersAggregate } from './key-members';
import { isPlaceKeyKind, placeKeyKind, placeLevelOf } from './place-month-counts';

/**
 * Fills the member lists of search_key_months rows from the stored photos: every row of the member kinds (migration
 * 0021, bulk loads), or one (key, month) after a recount. A pass of its own after the counts, not part of them, so
 * the count rebuilds older migrations run stay valid before the members column exists.
 */

/** One kind's (owner_id, key, taken_local, left_out, number) rows, as its counts are keyed. */
function memberRows(kind: SearchKeyKind): RawBuilder<unknown> {
  if (kind === 'media') {
    return sql`select owner_id, media_kind as key, taken_local, left_out, photo_number as number from photos`;
  }
  if (isPlaceKeyKind(kind)) {
    const column = sql.ref(`place_${placeLevelOf(kind)}`);
    return sql`select owner_id, lower(${column}) as key, taken_local, left_out, photo_number as number
      from photos where ${column} is not null`;
  }
  // Label rows carry their owner, so a one-label fill starts from the (owner_id, label, …) index; person and album
  // ids are their owner's alone.
  const [table, keyColumn, owner] =
    kind === 'label'
      ? ['photo_labels', 'label', 'j.owner_id']
      : kind === 'person'
        ? ['photo_people', 'person_id', 'p.owner_id']
        : ['photo_albums', 'album_id', 'p.owner_id'];
  return sql`select ${sql.raw(owner)} as owner_id, j.${sql.raw(keyColumn)} as key, j.taken_local, j.left_out,
      p.photo_number as number
    from ${sql.table(table)} j join photos p on p.id = j.photo_id`;
}

const month = monthOfColumn();

/** Every member kind's lists, for every owner. */
export async function rebuildKeyMembers(db: QueryExecutorProvider): Promise<void> {
  const kinds: SearchKeyKind[] = ['media', 'label', 'person', 'album', ...PLACE_LEVELS.map(placeKeyKind)];
  for (const kind of kinds) await fillMembers(db, kind);
}

/** One kind's lists, for every owner (a migration that adds a kind). */
export async function rebuildMembersOf(db: QueryExecutorProvider, kind: SearchKeyKind): Promise<void> {
  if (hasMembers(kind)) await fillMembers(db, kind);
}

/** One (key, month)'s lists after its rows were recounted; nothing for kinds without members. */
export async function refillMembers(
  db: QueryExecutorProvider,
  entry: { ownerId: string; kind: SearchKeyKind; key: string; month: string },
): Promise<void> {
  if (!hasMembers(entry.kind)) return;
  await fillMembers(db, entry.kind, entry);
}

/** One key's lists, for every owner and month (a key whose rows were all recounted). */
export async function refillKeyMembers(
  db: QueryExecutorProvider,
  kind: SearchKeyKind,
  key: string,
): Promise<void> {
  if (hasMembers(kind)) await fillMembers(db, kind, { key });
}

async function fillMembers(
  db: QueryExecutorProvider,
  kind: SearchKeyKind,
  only?: { ownerId?: string; key: string; month?: string },
): Promise<void> {
  const where =
    only === undefined
      ? sql``
      : only.ownerId === undefined || only.month === undefined
        ? sql`where key = ${only.key}`
        : sql`where owner_id = ${only.ownerId} and key = ${only.key} and ${monthSlice(only.month)}`;
  await sql`update search_key_months set members = m.members
    from (
      select owner_id, key, month, left_out,
        ${membersAggregate(db, sql<number>`number`, sql<number | null>`gap`)} as members
      from (
        select owner_id, key, ${month} as month, left_out, number,
          number - lag(number) over (partition by owner_id, key, ${month}, left_out order by number) as gap
        from (${memberRows(kind)}) as r
        ${where}
      ) as g
      group by owner_id, key, month, left_out
    ) as m
    where search_key_months.owner_id = m.owner_id and search_key_months.kind = ${kind}
      and search_key_months.key = m.key and search_key_months.month = m.month
      and search_key_months.left_out = m.left_out`.execute(db);
}
