import { sql, type Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import type { MatchedMonth } from './member-counts';
import type { SearchPosition } from './search-cursor';

/**
 * A page of an intersection in capture order from the matches its count already found by month (member-counts.ts):
 * the months the page reaches are walked from the query's end, and only their photos are read, by number, and
 * sorted. An intersection whose keys share few photos (a person, a city and a label: ~1,500 of a million) made the
 * index merge walk tens of thousands of entries of each key for a page of 51.
 */

/** Photos a page may read by number: past it the intersection is dense and the index merge reaches a page sooner. */
export const MEMBER_PAGE_LIMIT = 4000;

export interface PagedRow {
  id: string;
  sort_key: string | null;
}

/** The page's dated rows, or undefined when the months it reaches hold too many photos to read by number. */
export async function memberPage(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  months: readonly MatchedMonth[],
  order: { newest: boolean; position: SearchPosition | undefined },
  wanted: number,
  offset: number,
  limit = MEMBER_PAGE_LIMIT,
): Promise<PagedRow[] | undefined> {
  const { newest, position } = order;
  const walked = newest ? [...months].reverse() : [...months];
  const cursorMonth = typeof position?.key === 'string' ? position.key.slice(0, 7) : undefined;
  const beyondCursor = (month: string) =>
    cursorMonth !== undefined && (newest ? month > cursorMonth : month < cursorMonth);

  let skip = position === undefined ? offset : 0;
  const numbers: number[] = [];
  // Rows the page can hold: a cursor's own month also holds rows the cursor has passed.
  let reachable = 0;
  for (const { month, numbers: matched } of walked) {
    if (beyondCursor(month)) continue;
    if (numbers.length === 0 && skip >= matched.length) {
      skip -= matched.length;
      continue;
    }
    for (const number of matched) numbers.push(number);
    reachable += month === cursorMonth ? 0 : matched.length;
    if (numbers.length > limit) return undefined;
    if (reachable >= skip + wanted) break;
  }
  if (numbers.length === 0) return [];

  const direction = sql.raw(newest ? 'desc' : 'asc');
  const after = sql.raw(newest ? '<' : '>');
  let rows = db
    .selectFrom('photos')
    .select(['id', sql<string | null>`taken_local`.as('sort_key')])
    .where('owner_id', '=', ownerId)
    .where('photo_number', 'in', numbers);
  if (position !== undefined && typeof position.key === 'string') {
    rows = rows.where(
      sql<boolean>`(taken_local ${after} ${position.key} or (taken_local = ${position.key} and id ${after} ${position.id}))`,
    );
  }
  return rows
    .orderBy(sql`taken_local ${direction}`)
    .orderBy(sql`id ${direction}`)
    .limit(wanted)
    .offset(skip)
    .execute();
}
