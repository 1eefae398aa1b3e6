import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PhotoSummary, SearchResponse } from '../../common/contracts';
import type { LibraryDatabase } from '../database/schema';
import type { SearchScope } from './photo-filters';
import { PHOTO_SUMMARY_COLUMNS, toPhotoSummary } from './photo-summary-row';
import { decodeCursor, encodeCursor, searchFingerprint, type SearchPosition } from './search-cursor';
import { matchSource, type MatchSource } from './search-driver';
import { SHUFFLE_MODULUS, shuffleParametersFor } from './shuffle-order';

export interface PageRequest {
  limit: number;
  offset: number;
  cursor?: string;
}

interface OrderedRow {
  id: string;
  sort_key: string | number | null;
}

/**
 * One page of a search: total and capture span over all matches, then the page in the query's order.
 * newest/oldest: dated photos by (taken_local, id) — an index order — then the undated ones by id.
 * shuffle: by the seeded shuffle position, then id. Pages continue from a cursor (keyset: stable while photos are
 * added) or from an offset (kept for callers that count). The page's ids are found first, then their rows are read.
 */
export async function searchPhotos(
  db: Kysely<LibraryDatabase>,
  scope: SearchScope,
  page: PageRequest,
): Promise<SearchResponse> {
  const fingerprint = searchFingerprint(scope.ownerId, scope.query);
  const position = page.cursor === undefined ? undefined : decodeCursor(page.cursor, fingerprint);
  const source = matchSource(db, scope);
  // count(*) and count(taken_local) rather than counting ids: covering indexes need not hold the id.
  const aggregate = await source.rows
    .select([
      (source.mayRepeat
        ? sql<number | string>`count(distinct ${source.id})`
        : sql<number | string>`count(*)`
      ).as('total'),
      (source.mayRepeat
        ? sql<
            number | string
          >`count(distinct case when ${source.takenLocal} is not null then ${source.id} end)`
        : sql<number | string>`count(${source.takenLocal})`
      ).as('dated'),
      sql<string | null>`min(${source.takenLocal})`.as('first'),
      sql<string | null>`max(${source.takenLocal})`.as('last'),
    ])
    .executeTakeFirstOrThrow();
  const total = Number(aggregate.total);
  const span =
    aggregate.first !== null && aggregate.last !== null
      ? { first: aggregate.first, last: aggregate.last }
      : null;
  if (total === 0) return { total, span, photos: [] };

  // One row more than asked tells whether there is a next page without a second count.
  const wanted = page.limit + 1;
  const ordered =
    scope.query.order === 'shuffle'
      ? await shufflePage(source, scope, wanted, page.offset, position)
      : await chronologicalPage(source, scope, Number(aggregate.dated), wanted, page.offset, position);
  const pageRows = ordered.slice(0, page.limit);
  const summaries = await loadSummaries(
    db,
    scope.ownerId,
    pageRows.map((r) => r.id),
  );
  const response: SearchResponse = {
    total,
    span,
    photos: pageRows.flatMap((r) => summaries.get(r.id) ?? []),
  };
  const last = pageRows[pageRows.length - 1];
  if (ordered.length > page.limit && last) {
    const key = scope.query.order === 'shuffle' ? Number(last.sort_key) : (last.sort_key as string | null);
    response.nextCursor = encodeCursor(fingerprint, { key, id: last.id });
  }
  return response;
}

async function chronologicalPage(
  source: MatchSource,
  scope: SearchScope,
  dated: number,
  wanted: number,
  offset: number,
  position: SearchPosition | undefined,
): Promise<OrderedRow[]> {
  const newest = scope.query.order === 'newest';
  const direction = sql.raw(newest ? 'desc' : 'asc');
  const rows: OrderedRow[] = [];
  const inUndatedTail = position !== undefined && position.key === null;
  if (!inUndatedTail && (position !== undefined || offset < dated)) {
    let datedRows = source.rows.where(sql<boolean>`${source.takenLocal} is not null`);
    if (position !== undefined && typeof position.key === 'string') {
      const after = sql.raw(newest ? '<' : '>');
      datedRows = datedRows.where(
        sql<boolean>`(${source.takenLocal} ${after} ${position.key} or (${source.takenLocal} = ${position.key} and ${source.id} ${after} ${position.id}))`,
      );
    }
    rows.push(
      ...(await selectOrdered(source, datedRows, chronologicalKey(source, scope))
        .orderBy(sql`2 ${direction}`)
        .orderBy(sql`1 ${direction}`)
        .limit(wanted)
        .offset(position === undefined ? offset : 0)
        .execute()),
    );
  }
  if (rows.length < wanted) {
    let undated = source.rows.where(sql<boolean>`${source.takenLocal} is null`);
    if (inUndatedTail) undated = undated.where(sql<boolean>`${source.id} > ${position.id}`);
    rows.push(
      ...(await selectOrdered(source, undated, source.takenLocal)
        .orderBy(sql`1`)
        .limit(wanted - rows.length)
        .offset(position === undefined ? Math.max(0, offset - dated) : 0)
        .execute()),
    );
  }
  return rows;
}

/**
 * The dated sort key. For on-this-day windows it is wrapped so it matches no index: PostgreSQL would otherwise walk
 * the (owner_id, taken_local) index backwards hoping to meet 51 matches soon, reading months of rows that cannot
 * match (measured: 64 ms vs 6 ms on a million photos). A window never holds more than (2N+1)/366 of the library, so
 * sorting its matches is cheap.
 */
function chronologicalKey(source: MatchSource, scope: SearchScope): RawBuilder<string | null> {
  return scope.query.monthDays.length > 0
    ? sql<string | null>`(${source.takenLocal} || '')`
    : source.takenLocal;
}

async function shufflePage(
  source: MatchSource,
  scope: SearchScope,
  wanted: number,
  offset: number,
  position: SearchPosition | undefined,
): Promise<OrderedRow[]> {
  const shufflePosition = shuffleExpression(source.shuffleKey, scope.query.seed);
  let rows = source.rows;
  if (position !== undefined) {
    if (typeof position.key !== 'number') return [];
    rows = rows.where(
      sql<boolean>`(${shufflePosition} > ${position.key} or (${shufflePosition} = ${position.key} and ${source.id} > ${position.id}))`,
    );
  }
  return selectOrdered(source, rows, shufflePosition)
    .orderBy(sql`2`)
    .orderBy(sql`1`)
    .limit(wanted)
    .offset(position === undefined ? offset : 0)
    .execute();
}

/** (id, sort key), distinct when the source repeats a photo; ordering by output position keeps DISTINCT valid. */
function selectOrdered(source: MatchSource, rows: MatchSource['rows'], sortKey: RawBuilder<unknown>) {
  const selected = rows.select([source.id.as('id'), sql<string | number | null>`${sortKey}`.as('sort_key')]);
  return source.mayRepeat ? selected.distinct() : selected;
}

/**
 * `(shuffle_key * multiplier + increment) % modulus`, as literals: better-sqlite3 binds JS numbers as REAL, which
 * would lose the 64-bit integer arithmetic.
 */
function shuffleExpression(shuffleKey: RawBuilder<number>, seed: string | undefined): RawBuilder<number> {
  const { multiplier, increment } = shuffleParametersFor(seed);
  return sql<number>`((${shuffleKey} * ${sql.lit(multiplier)} + ${sql.lit(increment)}) % ${sql.lit(SHUFFLE_MODULUS)})`;
}

async function loadSummaries(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  ids: readonly string[],
): Promise<Map<string, PhotoSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('photos')
    .select(PHOTO_SUMMARY_COLUMNS)
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, toPhotoSummary(row)]));
}
