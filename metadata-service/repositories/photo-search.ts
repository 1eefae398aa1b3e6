import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PhotoSummary, SearchResponse } from '../../common/contracts';
import type { LibraryDatabase } from '../database/schema';
import type { SearchScope } from './photo-filters';
import { PHOTO_SUMMARY_COLUMNS, toPhotoSummary } from './photo-summary-row';
import { decodeCursor, encodeCursor, searchFingerprint, type SearchPosition } from './search-cursor';
import { matchSource, type MatchSource } from './search-driver';
import { countFromSummary, type MatchCount } from './key-month-counts';
import type { CaptureSpan, SpanEndFromPage } from './member-counts';
import { keyConditions, leftOutAllowed } from './photo-filters';
import { keySizes } from './key-sizes';
import { shufflePage } from './shuffle-page';
import { placeLevelsFound } from './place-levels-found';
import { unionAllOf } from './union-all';
import { memberPage } from './member-pages';
import type { MemberListsAt } from './member-list-cache';

export interface PageRequest {
  /** Photos on the page; 0 counts only (total and span, no page read: what explaining an empty answer asks). */
  limit: number;
  offset: number;
  cursor?: string;
}

export interface SearchTuning {
  /** Shuffled result sets up to this size are ordered in memory; larger ones are walked by bucket. */
  shuffleReadAllLimit?: number;
  /** An intersection's page reads at most this many photos by number; past it, the index merge pages it. */
  memberPageLimit?: number;
}

interface OrderedRow {
  id: string;
  sort_key: string | number | null;
}

/** What a search reads about its keys and places before it can plan: both from the query's names alone. */
export interface SearchPrerequisites {
  placeLevels: SearchScope['placeLevels'];
  keySizes: SearchScope['keySizes'];
}

/**
 * The levels the query's places are found at and the sizes of the keys it intersects. They depend only on the places,
 * labels, people and albums the query names and on its screenshot rule (never on exclusions or hidden keys), so a
 * caller may start this while it still checks those names, and pass it to searchPhotos. Both reads at once: on
 * PostgreSQL each takes its own pooled connection. A failure is also marked handled, for a caller that stops
 * before awaiting it.
 */
export function readSearchPrerequisites(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  query: SearchScope['query'],
): Promise<SearchPrerequisites> {
  const read = Promise.all([
    query.places.length === 0 ? undefined : placeLevelsFound(db, ownerId, query),
    keySizes(db, ownerId, keyConditions(query), leftOutAllowed(query.exclude.screenshots)),
  ]).then(([placeLevels, sizes]) => ({ placeLevels, keySizes: sizes }));
  read.catch(() => undefined);
  return read;
}

/**
 * One page of a search: total and capture span over all matches, then the page in the query's order.
 * newest/oldest: dated photos by (taken_local, id) — an index order — then the undated ones by id.
 * shuffle: the seeded bucketed order of shuffle-order.ts, then id. Pages continue from a cursor (keyset: stable while photos are
 * added) or from an offset (kept for callers that count). The page's ids are found first, then their rows are read.
 */
export async function searchPhotos(
  db: Kysely<LibraryDatabase>,
  asked: SearchScope,
  page: PageRequest,
  tuning: SearchTuning = {},
  memberLists?: MemberListsAt,
  prerequisites?: Promise<SearchPrerequisites>,
): Promise<SearchResponse> {
  const { placeLevels, keySizes: sizes } = await (prerequisites ??
    readSearchPrerequisites(db, asked.ownerId, asked.query));
  const scope: SearchScope = { ...asked, placeLevels, keySizes: sizes };
  const fingerprint = searchFingerprint(scope.ownerId, scope.query);
  const position = page.cursor === undefined ? undefined : decodeCursor(page.cursor, fingerprint);
  const source = matchSource(db, scope);
  // A first page in capture order starts with the newest (or oldest) match: an intersection takes that end of its
  // span from the page's first row instead of reading it again by number.
  const firstPage = position === undefined && page.offset === 0 && page.limit > 0;
  const endFromPage: SpanEndFromPage | undefined = !firstPage
    ? undefined
    : scope.query.order === 'newest'
      ? 'last'
      : scope.query.order === 'oldest'
        ? 'first'
        : undefined;
  const count = await countMatches(db, scope, source, memberLists, endFromPage);
  const total = count.total;
  // An intersection's span may still be being read: it is awaited together with the page, read meanwhile.
  const spanRead = count.spanLater ?? Promise.resolve({ first: count.first, last: count.last });
  if (total === 0 || page.limit === 0) {
    const read = await spanRead;
    return { total, span: total === 0 ? null : spanOf(read), photos: [] };
  }

  const pageRead = (async () => {
    // One row more than asked tells whether there is a next page without a second count.
    const wanted = page.limit + 1;
    const ordered =
      scope.query.order === 'shuffle'
        ? await shufflePage(
            source,
            scope.query.seed,
            total,
            wanted,
            page.offset,
            position,
            tuning.shuffleReadAllLimit,
          )
        : await chronologicalPage(
            db,
            source,
            scope,
            count,
            wanted,
            page.offset,
            position,
            tuning.memberPageLimit,
          );
    const pageRows = ordered.slice(0, page.limit);
    const summaries = await loadSummaries(
      db,
      scope.ownerId,
      pageRows.map((r) => r.id),
    );
    return { ordered, pageRows, summaries };
  })();
  const [{ ordered, pageRows, summaries }, read] = await Promise.all([pageRead, spanRead]);
  const spanned = count.spanLater === undefined ? read : withEndFromPage(read, endFromPage, ordered[0]);
  const response: SearchResponse = {
    total,
    span: spanOf(spanned),
    photos: pageRows.flatMap((r) => summaries.get(r.id) ?? []),
  };
  const last = pageRows[pageRows.length - 1];
  if (ordered.length > page.limit && last) {
    const key = scope.query.order === 'shuffle' ? Number(last.sort_key) : (last.sort_key as string | null);
    response.nextCursor = encodeCursor(fingerprint, { key, id: last.id });
  }
  return response;
}

/** The response's span: both ends, or none (undated matches only). */
function spanOf(span: CaptureSpan): SearchResponse['span'] {
  return span.first !== null && span.last !== null ? { first: span.first, last: span.last } : null;
}

/** The span with the end the page gives (its first row's capture time: the page is a first page in that order). */
function withEndFromPage(
  span: CaptureSpan,
  end: SpanEndFromPage | undefined,
  firstRow: OrderedRow | undefined,
): CaptureSpan {
  const taken = typeof firstRow?.sort_key === 'string' ? firstRow.sort_key : null;
  if (end === 'last') return { ...span, last: taken };
  if (end === 'first') return { ...span, first: taken };
  return span;
}

async function chronologicalPage(
  db: Kysely<LibraryDatabase>,
  source: MatchSource,
  scope: SearchScope,
  count: MatchCount,
  wanted: number,
  offset: number,
  position: SearchPosition | undefined,
  memberPageLimit: number | undefined,
): Promise<OrderedRow[]> {
  const { dated } = count;
  const newest = scope.query.order === 'newest';
  const direction = sql.raw(newest ? 'desc' : 'asc');
  const rows: OrderedRow[] = [];
  const inUndatedTail = position !== undefined && position.key === null;
  if (!inUndatedTail && (position !== undefined || offset < dated)) {
    // A date bound or a cursor's key already leaves the undated out; saying `is not null` as well made SQLite
    // skip-scan the (key, left_out, taken_local, id) index and sort every match (EXPLAIN QUERY PLAN: ANY(owner_id),
    // USE TEMP B-TREE FOR ORDER BY).
    const bounded = scope.query.takenFrom !== undefined || scope.query.takenTo !== undefined;
    const keyed = position !== undefined && typeof position.key === 'string';
    const datedRows =
      source.dated ??
      (bounded || keyed ? source.rows : source.rows.where(sql<boolean>`${source.takenLocal} is not null`));
    const cursor = { newest, position, bounded };
    const byNumber =
      count.months === undefined || mergesDensely(source, scope, count.total)
        ? undefined
        : await memberPage(db, scope.ownerId, count.months, cursor, wanted, offset, memberPageLimit);
    rows.push(
      ...(byNumber !== undefined
        ? byNumber
        : source.parts !== undefined
          ? await partByPartPage(db, source, source.parts, cursor, wanted, offset)
          : await selectOrdered(
              source,
              afterPosition(source, datedRows, cursor),
              chronologicalKey(source, scope),
            )
              .orderBy(sql`2 ${direction}`)
              .orderBy(sql`1 ${direction}`)
              .limit(wanted)
              .offset(position === undefined ? offset : 0)
              .execute()),
    );
  }
  if (rows.length < wanted && undatedMayMatch(scope)) {
    let undated = source.undated ?? source.rows.where(sql<boolean>`${source.takenLocal} is null`);
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
 * A page of a search whose matches fall into disjoint parts ("on this day"'s days, a continent's countries): each
 * part's first `offset + wanted` matches in capture order (one range of its index each), merged. The page can only
 * hold rows that are among the first `offset + wanted` of their own part, so the merge is exact; ~7 short ranges
 * instead of sorting every match of the window (PostgreSQL at a million photos: 20,000 entries read and sorted for
 * "on this day", 10 ms warm; SQLite: 340,000 for "North America", 116 ms).
 */
async function partByPartPage(
  db: Kysely<LibraryDatabase>,
  source: MatchSource,
  parts: readonly MatchSource['rows'][],
  cursor: CursorOrder,
  wanted: number,
  offset: number,
): Promise<OrderedRow[]> {
  const { newest, position } = cursor;
  const direction = sql.raw(newest ? 'desc' : 'asc');
  const perPart = (position === undefined ? offset : 0) + wanted;
  const merged = unionAllOf(
    parts.map((part, n) =>
      db
        .selectFrom(
          selectOrdered(source, afterPosition(source, part, cursor), source.takenLocal)
            .orderBy(sql`2 ${direction}`)
            .orderBy(sql`1 ${direction}`)
            .limit(perPart)
            .as(`part_${n}`),
        )
        .selectAll(),
    ),
  );
  if (merged === undefined) return [];
  return db
    .selectFrom(merged.as('parts'))
    .select(['id', 'sort_key'])
    .orderBy('sort_key', newest ? 'desc' : 'asc')
    .orderBy('id', newest ? 'desc' : 'asc')
    .limit(wanted)
    .offset(position === undefined ? offset : 0)
    .execute();
}

interface CursorOrder {
  newest: boolean;
  position: SearchPosition | undefined;
  /** The query has a date bound (on the capture time the cursor compares). */
  bounded: boolean;
}

/** The dated rows after a cursor's position, in the query's order (keyset paging); all of them without a cursor. */
function afterPosition(
  source: MatchSource,
  rows: MatchSource['rows'],
  { newest, position, bounded }: CursorOrder,
): MatchSource['rows'] {
  if (position === undefined || typeof position.key !== 'string') return rows;
  const after = sql.raw(newest ? '<' : '>');
  const through = sql.raw(newest ? '<=' : '>=');
  // The plain range lets the index start at the cursor; the OR alone is no index range. Not with a date bound on
  // the same column: a third range on it made SQLite drop the index order again.
  const from = bounded ? rows : rows.where(sql<boolean>`${source.takenLocal} ${through} ${position.key}`);
  return from.where(
    sql<boolean>`(${source.takenLocal} ${after} ${position.key} or (${source.takenLocal} = ${position.key} and ${source.id} ${after} ${position.id}))`,
  );
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

/** (id, sort key) of each match. */
function selectOrdered(source: MatchSource, rows: MatchSource['rows'], sortKey: RawBuilder<unknown>) {
  return rows.select([source.id.as('id'), sql<string | number | null>`${sortKey}`.as('sort_key')]);
}

/**
 * Total, dated count and span over all matches: from search_key_months when the source is one key's matches or an
 * intersection of keys (their member lists), otherwise by aggregating the matches (count(*) and count(taken_local): covering indexes need not hold the id).
 */
async function countMatches(
  db: Kysely<LibraryDatabase>,
  scope: SearchScope,
  source: MatchSource,
  memberLists: MemberListsAt | undefined,
  endFromPage: SpanEndFromPage | undefined,
): Promise<MatchCount> {
  if (source.countedKey !== undefined) {
    const counted = await countFromSummary(
      db,
      scope.ownerId,
      source.countedKey,
      leftOutAllowed(scope.query.exclude.screenshots),
      { from: scope.query.takenFrom, to: scope.query.takenTo },
      source,
      memberLists,
      endFromPage,
    );
    // Undefined only for an intersection whose member lists are missing: counted from the index below.
    if (counted !== undefined) return counted;
  }
  if (source.dated !== undefined) {
    // Dated and undated apart: the dated matches come from the merge on capture time (see MatchSource.dated).
    const dated = await source.dated
      .select([
        sql<number | string>`count(*)`.as('dated'),
        sql<string | null>`min(${source.takenLocal})`.as('first'),
        sql<string | null>`max(${source.takenLocal})`.as('last'),
      ])
      .executeTakeFirstOrThrow();
    const undated = undatedMayMatch(scope)
      ? await (source.undated ?? source.rows.where(sql<boolean>`${source.takenLocal} is null`))
          .select(sql<number | string>`count(*)`.as('undated'))
          .executeTakeFirstOrThrow()
      : { undated: 0 };
    const datedCount = Number(dated.dated);
    return {
      total: datedCount + Number(undated.undated),
      dated: datedCount,
      first: dated.first,
      last: dated.last,
    };
  }
  const row = await source.rows
    .select([
      sql<number | string>`count(*)`.as('total'),
      sql<number | string>`count(${source.takenLocal})`.as('dated'),
      sql<string | null>`min(${source.takenLocal})`.as('first'),
      sql<string | null>`max(${source.takenLocal})`.as('last'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), dated: Number(row.dated), first: row.first, last: row.last };
}

/**
 * Whether a merge of key indexes reaches a page within a few index pages: its matches are at least 1 in
 * DENSE_MATCHES of its smallest key's entries (two big labels: 9,600 of 65,000), so a page of 51 walks under a
 * thousand entries of each key in order, where reading the page by number visits ~80 photo rows at random.
 */
function mergesDensely(source: MatchSource, scope: SearchScope, total: number): boolean {
  if (source.mergesKeys !== true || scope.keySizes === undefined || scope.keySizes.size === 0) return false;
  const smallest = Math.min(...scope.keySizes.values());
  return total * DENSE_MATCHES >= smallest;
}

const DENSE_MATCHES = 16;

/**
 * False when the query's dates already leave every undated photo out (a bound, a range or an "on this day" window
 * compares the capture time, and NULL never compares true): their count and page would be a round trip for nothing.
 */
function undatedMayMatch(scope: SearchScope): boolean {
  const { query } = scope;
  return (
    query.takenFrom === undefined &&
    query.takenTo === undefined &&
    query.dateRanges.length === 0 &&
    query.monthDays.length === 0
  );
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
