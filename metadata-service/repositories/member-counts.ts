import { sql, type Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import { decodeMembers, differenceOf, intersectionOf, unionOf } from './key-members';
import { isPlaceKeyKind } from './place-month-counts';
import type { ListedMonth, MemberListsAt } from './member-list-cache';

/**
 * Photos under every one of several keys (labels, people, albums, places) in whole capture months, counted from the
 * member lists of their search_key_months rows (key-members.ts): per month, each key's list (its left-out rows
 * merged), intersected. The span is read from the photos of the first and last months that have matches, by
 * number. Undefined when a row has no list (written before its kind had one): the caller counts from the index.
 */

interface ListedKey {
  kind: Exclude<LibraryDatabase['search_key_months']['kind'], 'all' | 'day'>;
  key: string;
}

export interface CountedIntersection {
  kind: 'intersection';
  keys: readonly ListedKey[];
  /** Keys whose photos are left out: excluded and hidden labels, people and albums. */
  excluded?: readonly ListedKey[];
}

export interface WholeMonths {
  /** `YYYY-MM` bounds of the whole months counted (from inclusive, to exclusive); undefined: unbounded. */
  fromMonth?: string;
  toMonth?: string;
  /** Undated photos ('' rows) are left out. */
  datedOnly: boolean;
}

/** A capture month's matches, as photo numbers. */
export interface MatchedMonth {
  month: string;
  numbers: Uint32Array;
}

/** The capture span of some matches. */
export interface CaptureSpan {
  first: string | null;
  last: string | null;
}

/**
 * An end of the span the caller reads from its own page instead ('last': a first page newest first starts with
 * it; 'first': oldest first): that end's statement is not run, and it comes back null.
 */
export type SpanEndFromPage = 'first' | 'last';

export interface IntersectedCount {
  total: number;
  dated: number;
  /**
   * The span, still being read when the count is returned: its reads (photos by number, random rows when cold)
   * then run while the caller reads the page. Every caller awaits it; a failure is also marked handled here, so a
   * caller that stops on another error first leaves no unhandled rejection behind.
   */
  span: Promise<CaptureSpan>;
  /** The dated matches by month, ascending. */
  months: readonly MatchedMonth[];
}

export async function countIntersectedMonths(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  counted: CountedIntersection,
  leftOut: readonly number[],
  months: WholeMonths,
  memberLists?: MemberListsAt,
  endFromPage?: SpanEndFromPage,
): Promise<IntersectedCount | undefined> {
  const excluded = counted.excluded ?? [];
  // `which` numbers the keys, then the excluded keys after them.
  const listed = await listedMonths(
    db,
    ownerId,
    [...counted.keys, ...excluded],
    leftOut,
    months,
    memberLists,
  );
  if (listed === undefined) return undefined;

  const byMonth = new Map<string, Map<number, Uint32Array>>();
  listed.forEach((rows, which) => {
    for (const row of rows) {
      const lists = byMonth.get(row.month) ?? new Map<number, Uint32Array>();
      byMonth.set(row.month, lists);
      const seen = lists.get(which);
      lists.set(which, seen === undefined ? row.numbers : unionOf(seen, row.numbers));
    }
  });

  let total = 0;
  let dated = 0;
  const matchedMonths: MatchedMonth[] = [];
  for (const [month, lists] of byMonth) {
    const included = counted.keys.map((_, which) => lists.get(which));
    if (included.includes(undefined)) continue;
    const smallestFirst = included
      .flatMap((list) => (list === undefined ? [] : [list]))
      .sort((a, b) => a.length - b.length);
    let numbers = smallestFirst.slice(1).reduce(intersectionOf, smallestFirst[0] ?? new Uint32Array());
    for (let which = counted.keys.length; which < counted.keys.length + excluded.length; which += 1) {
      const left = lists.get(which);
      if (left !== undefined) numbers = differenceOf(numbers, left);
    }
    if (numbers.length === 0) continue;
    total += numbers.length;
    if (month !== '') {
      dated += numbers.length;
      matchedMonths.push({ month, numbers });
    }
  }
  matchedMonths.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const firstMonth = matchedMonths[0];
  const lastMonth = matchedMonths[matchedMonths.length - 1];
  if (firstMonth === undefined || lastMonth === undefined) {
    return { total, dated, span: Promise.resolve({ first: null, last: null }), months: matchedMonths };
  }
  // By number even for a merge of key indexes: a month's range of one key probes the other key's rows one by one
  // (PostgreSQL at a million: 1.5 ms for 250 probes, against 0.2 ms for ~40 photos by number). Two statements at
  // once, not awaited here: on PostgreSQL each takes its own pooled connection, and cold they were most of a two-label
  // search (10-35 ms of random photo rows, bench/library-bench.ts), now read while the page is.
  const span = Promise.all([
    endFromPage === 'first' ? null : capturedAmong(db, ownerId, firstMonth.numbers, 'min'),
    endFromPage === 'last' ? null : capturedAmong(db, ownerId, lastMonth.numbers, 'max'),
  ]).then(([first, last]) => ({ first, last }));
  span.catch(() => undefined);
  return { total, dated, span, months: matchedMonths };
}

/**
 * Each key's rows (its left-out values apart) within the months asked, decoded, in the order of `keys`: from
 * `memberLists` where it holds them at the owner's current generation, the rest in one statement. Undefined when a
 * row has no list.
 */
async function listedMonths(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  keys: readonly ListedKey[],
  leftOut: readonly number[],
  months: WholeMonths,
  memberLists: MemberListsAt | undefined,
): Promise<(readonly ListedMonth[])[] | undefined> {
  // Read before the lists, by the caller (member-list-cache.ts says why).
  const generation = memberLists?.generation;
  const reads = keys.map((key) => JSON.stringify([key.kind, key.key, leftOut, months]));
  const listed: (readonly ListedMonth[] | undefined)[] = reads.map((read) =>
    generation === undefined ? undefined : memberLists?.cache.get(ownerId, generation, read),
  );
  const missing = keys.flatMap((key, which) => (listed[which] === undefined ? [{ key, which }] : []));
  if (missing.length > 0) {
    const arms = missing.map(({ key, which }) => {
      // A place is keyed as the database folds it (place-month-counts.ts).
      const keyed = isPlaceKeyKind(key.kind) ? sql`lower(cast(${key.key} as text))` : sql`${key.key}`;
      const monthBounds = [
        months.datedOnly && months.fromMonth === undefined ? sql` and month > ''` : sql``,
        months.fromMonth === undefined ? sql`` : sql` and month >= ${months.fromMonth}`,
        months.toMonth === undefined ? sql`` : sql` and month < ${months.toMonth}`,
      ];
      return sql`select ${sql.lit(which)} as which, month, members from search_key_months
        where owner_id = ${ownerId} and kind = ${key.kind} and key = ${keyed}
        and left_out in (${sql.join(leftOut.map((value) => sql`${value}`))})${sql.join(monthBounds, sql``)}`;
    });
    const { rows } = await sql<{
      which: number | string;
      month: string;
      members: Uint8Array | null;
    }>`${sql.join(arms, sql` union all `)}`.execute(db);
    const read = new Map<number, ListedMonth[]>(missing.map(({ which }) => [which, []]));
    for (const row of rows) {
      if (row.members === null) return undefined;
      read.get(Number(row.which))?.push({ month: row.month, numbers: decodeMembers(row.members) });
    }
    for (const [which, rowsOfKey] of read) {
      listed[which] = rowsOfKey;
      if (generation !== undefined)
        memberLists?.cache.set(ownerId, generation, reads[which] ?? '', rowsOfKey);
    }
  }
  return listed.map((rows) => rows ?? []);
}

/** Numbers per statement: far below both engines' bound-parameter limits. */
const NUMBERS_PER_READ = 1000;

/** The earliest or latest capture time among the owner's photos with these numbers (the photos_number index). */
async function capturedAmong(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  numbers: Uint32Array,
  which: 'min' | 'max',
): Promise<string | null> {
  let found: string | null = null;
  for (let i = 0; i < numbers.length; i += NUMBERS_PER_READ) {
    const chunk = [...numbers.subarray(i, i + NUMBERS_PER_READ)];
    const row = await db
      .selectFrom('photos')
      .select(sql<string | null>`${sql.raw(which)}(taken_local)`.as('taken'))
      .where('owner_id', '=', ownerId)
      .where('photo_number', 'in', chunk)
      .executeTakeFirst();
    const taken = row?.taken ?? null;
    if (taken !== null && (found === null || (which === 'min' ? taken < found : taken > found)))
      found = taken;
  }
  return found;
}
