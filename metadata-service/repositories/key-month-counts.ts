import {
  PostgresAdapter,
  sql,
  type Kysely,
  type QueryExecutorProvider,
  type RawBuilder,
  type Transaction,
} from 'kysely';
import type { LibraryDatabase, MediaKind, PlaceKeyKind, SearchKeyKind } from '../database/schema';
import type { MatchSource } from './search-driver';
import { isPlaceKeyKind, placeEntriesOf, placeLevelOf } from './place-month-counts';
import { monthOf, monthOfColumn, monthSlice, nextMonthStart } from './capture-months';
import { appendedMembers, encodeMembers, hasMembers } from './key-members';
import { refillKeyMembers, refillMembers } from './key-member-fill';
import {
  countIntersectedMonths,
  type CaptureSpan,
  type SpanEndFromPage,
  type CountedIntersection,
  type MatchedMonth,
} from './member-counts';
import type { MemberListsAt } from './member-list-cache';

export { monthOf };

/**
 * search_key_months: how many photos each key (a label, a person, an album, a place, a capture day `MM-DD`, or
 * 'all' the owner's photos) has per capture month and left-out value, with the month's first and last capture time.
 * A search on one key counts its matches from these rows (~12 per year) plus, when its date bounds cut a month, that
 * month's slice of the index: a person with 150,000 photos is counted in well under a millisecond instead of by
 * reading 150,000 entries.
 */

export interface CountedKey {
  kind: SearchKeyKind;
  key: string;
}

/**
 * Keys of one kind that no photo is counted under twice, so their counts add up: the capture days of an "on this
 * day" window (a photo has one), or place names at one level (a photo has one country: "Europe" is its countries).
 * Never two labels or people: one photo can have both.
 */
export interface CountedDisjointKeys {
  kind: 'day' | PlaceKeyKind;
  keys: readonly string[];
}

export interface MatchCount {
  total: number;
  /** Matches with a capture time (the rest sort after them). */
  dated: number;
  first: string | null;
  last: string | null;
  /**
   * When set, the span is still being read (member-counts.ts: an intersection's span by number) and holds the whole
   * span, but for the end the caller said it reads from its page (null there); `first` and `last` are then only what
   * was known without it.
   */
  spanLater?: Promise<CaptureSpan>;
  /**
   * Every dated match by capture month, ascending, when all of them were counted from member lists (an intersection
   * whose date bounds cut no month): a page can then read its photos by number (member-pages.ts).
   */
  months?: readonly MatchedMonth[];
}

interface Bounds {
  from?: string;
  to?: string;
}

/**
 * Counts a counted source's matches: whole months from the summary (an intersection from its member lists), cut
 * months from the index. Undefined only when an intersection's lists are missing (member-counts.ts).
 */
export async function countFromSummary(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  counted: CountedKey | CountedDisjointKeys | CountedIntersection,
  leftOut: readonly number[],
  bounds: Bounds,
  source: MatchSource,
  memberLists?: MemberListsAt,
  endFromPage?: SpanEndFromPage,
): Promise<MatchCount | undefined> {
  const bounded = bounds.from !== undefined || bounds.to !== undefined;
  const fullFrom = bounds.from === undefined ? undefined : monthCeil(bounds.from);
  const fullTo = bounds.to === undefined ? undefined : monthFloor(bounds.to);
  const hasFullMonths = fullFrom === undefined || fullTo === undefined || fullFrom < fullTo;

  const parts: MatchCount[] = [];
  let months: readonly MatchedMonth[] | undefined;
  let intersectedSpan: Promise<CaptureSpan> | undefined;
  if (hasFullMonths) {
    const whole =
      counted.kind === 'intersection'
        ? await countIntersectedMonths(
            db,
            ownerId,
            counted,
            leftOut,
            {
              fromMonth: fullFrom?.slice(0, 7),
              toMonth: fullTo?.slice(0, 7),
              datedOnly: bounded,
            },
            memberLists,
            endFromPage,
          )
        : await countMonths(db, ownerId, counted, leftOut, { bounded, fullFrom, fullTo });
    if (whole === undefined) return undefined;
    if ('span' in whole) {
      parts.push({ total: whole.total, dated: whole.dated, first: null, last: null });
      months = whole.months;
      intersectedSpan = whole.span;
    } else {
      parts.push(whole);
    }
  }
  // The slices of months the bounds cut, counted from the source's own index.
  const slices: Bounds[] = [];
  if (!hasFullMonths) slices.push(bounds);
  else {
    if (bounds.from !== undefined && fullFrom !== undefined && bounds.from < fullFrom) {
      slices.push({ from: bounds.from, to: fullFrom });
    }
    if (bounds.to !== undefined && fullTo !== undefined && fullTo < bounds.to) {
      slices.push({ from: fullTo, to: bounds.to });
    }
  }
  for (const slice of slices) {
    let rows = source.rows;
    if (slice.from !== undefined) rows = rows.where(sql<boolean>`${source.takenLocal} >= ${slice.from}`);
    if (slice.to !== undefined) rows = rows.where(sql<boolean>`${source.takenLocal} < ${slice.to}`);
    const row = await rows
      .select([
        sql<number | string>`count(*)`.as('total'),
        sql<string | null>`min(${source.takenLocal})`.as('first'),
        sql<string | null>`max(${source.takenLocal})`.as('last'),
      ])
      .executeTakeFirstOrThrow();
    parts.push({ total: Number(row.total), dated: Number(row.total), first: row.first, last: row.last });
  }
  const sum = parts.reduce(
    (sum, part) => ({
      total: sum.total + part.total,
      dated: sum.dated + part.dated,
      first: earliest(sum.first, part.first),
      last: latest(sum.last, part.last),
    }),
    { total: 0, dated: 0, first: null, last: null },
  );
  const spanLater = intersectedSpan?.then((span) => ({
    first: earliest(sum.first, span.first),
    last: latest(sum.last, span.last),
  }));
  spanLater?.catch(() => undefined);
  const result: MatchCount = spanLater === undefined ? sum : { ...sum, spanLater };
  // A slice's matches came from the index, not from lists: the months then do not hold every match.
  return months !== undefined && slices.length === 0 ? { ...result, months } : result;
}

/** Whole months of one key, or of disjoint keys, from their summary rows. */
async function countMonths(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  counted: CountedKey | CountedDisjointKeys,
  leftOut: readonly number[],
  { bounded, fullFrom, fullTo }: { bounded: boolean; fullFrom?: string; fullTo?: string },
): Promise<MatchCount> {
  let months = db
    .selectFrom('search_key_months')
    .select([
      sql<number | string | null>`sum(photos)`.as('total'),
      sql<number | string | null>`sum(case when month = '' then 0 else photos end)`.as('dated'),
      sql<string | null>`min(first_taken)`.as('first'),
      sql<string | null>`max(last_taken)`.as('last'),
    ])
    .where('owner_id', '=', ownerId)
    .where('kind', '=', counted.kind)
    .where(
      'keys' in counted
        ? sql<boolean>`${sql.ref('key')} in (${sql.join(counted.keys.map((key) => keyAsStored(counted.kind, key)))})`
        : sql<boolean>`key = ${keyAsStored(counted.kind, counted.key)}`,
    )
    .where('left_out', 'in', [...leftOut]);
  // Undated photos fall outside any date bound, as they do in the index. Said once: a lower bound already
  // excludes '' and a second range on `month` made SQLite skip-scan the primary key (ANY(owner_id)).
  if (bounded && fullFrom === undefined) months = months.where('month', '>', '');
  if (fullFrom !== undefined) months = months.where('month', '>=', fullFrom.slice(0, 7));
  if (fullTo !== undefined) months = months.where('month', '<', fullTo.slice(0, 7));
  const row = await months.executeTakeFirstOrThrow();
  return {
    total: Number(row.total ?? 0),
    dated: Number(row.dated ?? 0),
    first: row.first,
    last: row.last,
  };
}

/** A place is looked up as the database folds it, as its rows were keyed (place-month-counts.ts). */
function keyAsStored(kind: SearchKeyKind, key: string): RawBuilder<string> | string {
  return isPlaceKeyKind(kind) ? sql<string>`lower(cast(${key} as text))` : key;
}

/** What a stored photo is counted under: the owner's 'all' plus each of its labels, people and albums. */
export interface PhotoCountEntry {
  ownerId: string;
  kind: SearchKeyKind;
  key: string;
  month: string;
}

/** One search_key_months row's worth of newly stored photos: added to the stored row, or inserted. */
export interface KeyMonthIncrement {
  ownerId: string;
  kind: SearchKeyKind;
  key: string;
  month: string;
  leftOut: number;
  photos: number;
  firstTaken: string | null;
  lastTaken: string | null;
  /** The new photos' numbers, ascending, for the kinds with member lists (key-members.ts); null for the others. */
  members: number[] | null;
}

/** Sums the keys of a batch of new photos per (owner, key, month, left_out), so one upsert counts them all. */
export class KeyMonthTally {
  private readonly increments = new Map<string, KeyMonthIncrement>();

  /**
   * One more photo under the owner's 'all', its capture day (when dated) and each of its keys. Photos are added in
   * the order of their numbers, so each row's members stay ascending.
   */
  add(
    photo: { ownerId: string; takenLocal: string | null; leftOut: number; number: number },
    keys: readonly CountedKey[],
  ): void {
    const month = monthOf(photo.takenLocal);
    const day: CountedKey[] =
      photo.takenLocal === null ? [] : [{ kind: 'day', key: dayOf(photo.takenLocal) }];
    for (const { kind, key } of [{ kind: 'all' as const, key: '' }, ...day, ...keys]) {
      const id = [photo.ownerId, kind, key, month, photo.leftOut].join('\u0000');
      const seen = this.increments.get(id);
      if (!seen) {
        this.increments.set(id, {
          ownerId: photo.ownerId,
          kind,
          key,
          month,
          leftOut: photo.leftOut,
          photos: 1,
          firstTaken: photo.takenLocal,
          lastTaken: photo.takenLocal,
          members: hasMembers(kind) ? [photo.number] : null,
        });
        continue;
      }
      seen.photos += 1;
      seen.members?.push(photo.number);
      seen.firstTaken = earliest(seen.firstTaken, photo.takenLocal);
      seen.lastTaken = latest(seen.lastTaken, photo.takenLocal);
    }
  }

  /** In one order (owner, kind, key, month, left_out), so concurrent writers lock PostgreSQL rows alike. */
  rows(): KeyMonthIncrement[] {
    const keyOf = (r: KeyMonthIncrement) => [r.ownerId, r.kind, r.key, r.month, String(r.leftOut)];
    return [...this.increments.values()].sort((a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      for (let i = 0; i < ka.length; i++) {
        const x = ka[i] ?? '';
        const y = kb[i] ?? '';
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    });
  }
}

/** Rows per upsert: 9 parameters each, far below both engines' bound-parameter limits. */
const UPSERT_CHUNK = 500;

/**
 * Adds newly stored photos to their keys' months: O(1) per key and photo, so ingest does not slow down as keys
 * grow. Each (key, month) appears once per statement (summed by KeyMonthTally), as an upsert requires.
 */
export async function countInsertedPhotos(
  trx: Transaction<LibraryDatabase>,
  increments: readonly KeyMonthIncrement[],
): Promise<void> {
  for (let i = 0; i < increments.length; i += UPSERT_CHUNK) {
    const rows = increments.slice(i, i + UPSERT_CHUNK).map((r) => ({
      owner_id: r.ownerId,
      kind: r.kind,
      key: r.key,
      month: r.month,
      left_out: r.leftOut,
      photos: r.photos,
      first_taken: r.firstTaken,
      last_taken: r.lastTaken,
      members: r.members === null ? null : encodeMembers(r.members),
    }));
    await trx
      .insertInto('search_key_months')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['owner_id', 'kind', 'key', 'month', 'left_out']).doUpdateSet({
          photos: sql<number>`search_key_months.photos + excluded.photos`,
          // Portable min/max of two nullable values (SQLite's two-argument min() returns NULL if either is).
          first_taken: sql<
            string | null
          >`case when search_key_months.first_taken is null or excluded.first_taken < search_key_months.first_taken then excluded.first_taken else search_key_months.first_taken end`,
          last_taken: sql<
            string | null
          >`case when search_key_months.last_taken is null or excluded.last_taken > search_key_months.last_taken then excluded.last_taken else search_key_months.last_taken end`,
          // New numbers are larger than every stored one (photo-numbers.ts): appended, the list stays ascending.
          members: appendedMembers(trx, sql.ref('search_key_months.members'), sql.ref('excluded.members')),
        }),
      )
      .execute();
  }
}

/**
 * The count entries of stored photos, read before a change (delete, hide, relabel) so they can be recounted after.
 * Place entries only when asked: only a delete or a change of left_out moves a photo's place counts.
 */
export async function countEntriesOf(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoIds: readonly string[],
  options: { places?: boolean } = {},
): Promise<PhotoCountEntry[]> {
  if (photoIds.length === 0) return [];
  const places = options.places === true ? await placeEntriesOf(trx, ownerId, photoIds) : [];
  const month = monthOfColumn();
  const rows = await trx
    .selectFrom('photos')
    .select([sql<string>`'all'`.as('kind'), sql<string>`''`.as('key'), month.as('month')])
    .where('owner_id', '=', ownerId)
    .where('id', 'in', photoIds)
    .unionAll(
      trx
        .selectFrom('photos')
        .select([sql<string>`'day'`.as('kind'), sql<string>`taken_month_day`.as('key'), month.as('month')])
        .where('owner_id', '=', ownerId)
        .where('id', 'in', photoIds)
        .where('taken_month_day', 'is not', null),
    )
    .unionAll(
      trx
        .selectFrom('photos')
        .select([sql<string>`'media'`.as('kind'), sql<string>`media_kind`.as('key'), month.as('month')])
        .where('owner_id', '=', ownerId)
        .where('id', 'in', photoIds),
    )
    .unionAll(
      trx
        .selectFrom('photo_labels')
        .select([sql<string>`'label'`.as('kind'), 'label as key', month.as('month')])
        .where('owner_id', '=', ownerId)
        .where('photo_id', 'in', photoIds),
    )
    .unionAll(
      trx
        .selectFrom('photo_people')
        .select([sql<string>`'person'`.as('kind'), 'person_id as key', month.as('month')])
        .where('photo_id', 'in', photoIds),
    )
    .unionAll(
      trx
        .selectFrom('photo_albums')
        .select([sql<string>`'album'`.as('kind'), 'album_id as key', month.as('month')])
        .where('photo_id', 'in', photoIds),
    )
    .execute();
  const unique = new Map<string, PhotoCountEntry>();
  for (const row of [...rows, ...places]) {
    unique.set(`${row.kind}\u0000${row.key}\u0000${row.month}`, {
      ownerId,
      kind: row.kind as SearchKeyKind,
      key: row.key,
      month: row.month,
    });
  }
  return [...unique.values()];
}

function entryLockKey(entry: PhotoCountEntry): string {
  return `search_key_months/${entry.ownerId}/${entry.kind}/${entry.key}/${entry.month}`;
}

/**
 * Runs `change` (a relabelling of these photos) and recounts every (key, month) row the photos were under before
 * or are under after it, each once.
 */
export async function recountAround<T>(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoIds: readonly string[],
  change: () => Promise<T>,
): Promise<T> {
  const before = await countEntriesOf(trx, ownerId, photoIds);
  const result = await change();
  const after = await countEntriesOf(trx, ownerId, photoIds);
  await recountEntries(trx, uniqueEntries([...before, ...after]));
  return result;
}

/** Each (owner, key, month) entry once: a recount of the same row twice would only repeat the work. */
export function uniqueEntries<T extends PhotoCountEntry>(entries: readonly T[]): T[] {
  return [
    ...new Map(entries.map((e) => [`${e.ownerId}\u0000${e.kind}\u0000${e.key}\u0000${e.month}`, e])).values(),
  ];
}

/** Recounts whole (key, month) rows from the join tables after rows were removed or moved. */
export async function recountEntries(
  trx: Transaction<LibraryDatabase>,
  entries: readonly PhotoCountEntry[],
): Promise<void> {
  // On PostgreSQL two transactions recounting the same (key, month) both delete, then both insert: a duplicate key
  // (found by the sun stage labelling two photos of one month at once). A transaction-scoped advisory lock per
  // entry, taken in one order by every writer, makes the second wait and count what the first committed.
  const serialize = trx.getExecutor().adapter instanceof PostgresAdapter;
  const ordered = [...entries].sort((a, b) => entryLockKey(a).localeCompare(entryLockKey(b)));
  for (const entry of ordered) {
    if (serialize)
      await sql`select pg_advisory_xact_lock(hashtextextended(${entryLockKey(entry)}, 0))`.execute(trx);
    await trx
      .deleteFrom('search_key_months')
      .where('owner_id', '=', entry.ownerId)
      .where('kind', '=', entry.kind)
      .where('key', '=', entry.key)
      .where('month', '=', entry.month)
      .execute();
    const monthRows = monthSlice(entry.month);
    const aggregate = [
      sql<string>`${entry.ownerId}`.as('owner_id'),
      sql<string>`${entry.kind}`.as('kind'),
      sql<string>`${entry.key}`.as('key'),
      sql<string>`${entry.month}`.as('month'),
      'left_out',
      sql<number>`count(*)`.as('photos'),
      sql<string | null>`min(taken_local)`.as('first_taken'),
      sql<string | null>`max(taken_local)`.as('last_taken'),
    ] as const;
    const kind = entry.kind;
    const counted = isPlaceKeyKind(kind)
      ? trx
          .selectFrom('photos')
          .select(aggregate)
          .where('owner_id', '=', entry.ownerId)
          .where(sql<boolean>`lower(${sql.ref(`place_${placeLevelOf(kind)}`)}) = ${entry.key}`)
          .where(monthRows)
          .groupBy('left_out')
      : entry.kind === 'all' || entry.kind === 'day' || entry.kind === 'media'
        ? trx
            .selectFrom('photos')
            .select(aggregate)
            .where('owner_id', '=', entry.ownerId)
            .$if(entry.kind === 'day', (photos) => photos.where('taken_month_day', '=', entry.key))
            .$if(entry.kind === 'media', (photos) => photos.where('media_kind', '=', entry.key as MediaKind))
            .where(monthRows)
            .groupBy('left_out')
        : entry.kind === 'label'
          ? trx
              .selectFrom('photo_labels')
              .select(aggregate)
              .where('owner_id', '=', entry.ownerId)
              .where('label', '=', entry.key)
              .where(monthRows)
              .groupBy('left_out')
          : entry.kind === 'person'
            ? trx
                .selectFrom('photo_people')
                .select(aggregate)
                .where('person_id', '=', entry.key)
                .where(monthRows)
                .groupBy('left_out')
            : trx
                .selectFrom('photo_albums')
                .select(aggregate)
                .where('album_id', '=', entry.key)
                .where(monthRows)
                .groupBy('left_out');
    await trx
      .insertInto('search_key_months')
      .columns(['owner_id', 'kind', 'key', 'month', 'left_out', 'photos', 'first_taken', 'last_taken'])
      .expression(counted)
      .execute();
    await refillMembers(trx, entry);
  }
}

/** The columns every rebuild fills (the member lists are filled after them: key-member-fill.ts). */
const COUNT_COLUMNS = sql.raw('(owner_id, kind, key, month, left_out, photos, first_taken, last_taken)');

/** Recomputes every owner's counts from the join tables (migration 0003 and bulk loads such as the bench). */
export async function rebuildKeyMonthCounts(db: QueryExecutorProvider): Promise<void> {
  const month = monthOfColumn;
  await sql`delete from search_key_months`.execute(db);
  await sql`insert into search_key_months ${COUNT_COLUMNS}
    select owner_id, 'all', '', ${month('taken_local')}, left_out, count(*), min(taken_local), max(taken_local)
    from photos group by owner_id, ${month('taken_local')}, left_out`.execute(db);
  await rebuildDayCounts(db);
  await insertLabelCounts(db);
  await sql`insert into search_key_months ${COUNT_COLUMNS}
    select p.owner_id, 'person', j.person_id, ${month('j.taken_local')}, j.left_out, count(*), min(j.taken_local), max(j.taken_local)
    from photo_people j join people p on p.id = j.person_id
    group by p.owner_id, j.person_id, ${month('j.taken_local')}, j.left_out`.execute(db);
  await sql`insert into search_key_months ${COUNT_COLUMNS}
    select a.owner_id, 'album', j.album_id, ${month('j.taken_local')}, j.left_out, count(*), min(j.taken_local), max(j.taken_local)
    from photo_albums j join albums a on a.id = j.album_id
    group by a.owner_id, j.album_id, ${month('j.taken_local')}, j.left_out`.execute(db);
}

/** Inserts the 'label' rows of every label, or of one, from the searchable label rows (none may be there yet). */
export async function insertLabelCounts(db: QueryExecutorProvider, label?: string): Promise<void> {
  const month = monthOfColumn;
  const only = label === undefined ? sql`` : sql`where label = ${label}`;
  await sql`insert into search_key_months ${COUNT_COLUMNS}
    select owner_id, 'label', label, ${month('taken_local')}, left_out, count(*), min(taken_local), max(taken_local)
    from photo_labels ${only} group by owner_id, label, ${month('taken_local')}, left_out`.execute(db);
}

/** One label's month counts and member lists, for every owner, counted again from its searchable rows. */
export async function recountLabel(db: QueryExecutorProvider, label: string): Promise<void> {
  await sql`delete from search_key_months where kind = 'label' and key = ${label}`.execute(db);
  await insertLabelCounts(db, label);
  await refillKeyMembers(db, 'label', label);
}

/** The 'media' rows from the photos table (migration 0022 and rebuildSearchCounts). */
export async function rebuildMediaCounts(db: QueryExecutorProvider): Promise<void> {
  const month = monthOfColumn();
  await sql`delete from search_key_months where kind = 'media'`.execute(db);
  await sql`insert into search_key_months ${COUNT_COLUMNS}
    select owner_id, 'media', media_kind, ${month}, left_out, count(*), min(taken_local), max(taken_local)
    from photos group by owner_id, media_kind, ${month}, left_out`.execute(db);
}

/** The 'day' rows from the photos table (migration 0020 and rebuildKeyMonthCounts). */
export async function rebuildDayCounts(db: QueryExecutorProvider): Promise<void> {
  const month = monthOfColumn();
  await sql`delete from search_key_months where kind = 'day'`.execute(db);
  await sql`insert into search_key_months ${COUNT_COLUMNS}
    select owner_id, 'day', taken_month_day, ${month}, left_out, count(*), min(taken_local), max(taken_local)
    from photos where taken_month_day is not null
    group by owner_id, taken_month_day, ${month}, left_out`.execute(db);
}

/** The capture day as photos.taken_month_day stores it and the 'day' rows key it: `MM-DD`. */
export function dayOf(takenLocal: string): string {
  return takenLocal.slice(5, 10);
}

/** Start of the month containing `local`, or `local` itself when it is a month start. */
function monthFloor(local: string): string {
  return `${local.slice(0, 7)}-01T00:00:00`;
}

/** The first month start at or after `local`. */
function monthCeil(local: string): string {
  const floor = monthFloor(local);
  return local <= floor ? floor : nextMonthStart(local.slice(0, 7));
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
