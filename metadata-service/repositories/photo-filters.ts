import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type { PhotoQuery, PlaceLevel } from '../../common/contracts';
import { LEFT_OUT_SCREENSHOT, type LibraryDatabase } from '../database/schema';
import { placeFilterTerms } from '../places/place-filter-terms';
import { monthDaysIn } from './month-days';
import type { PlaceLevelsFound } from './place-levels-found';
import { smallestFirst, type KeySizes } from './key-sizes';
import { onePlaceKey } from './one-place-key';
import { representativesOnly } from './near-duplicates';

export type PhotosQuery = SelectQueryBuilder<LibraryDatabase, 'photos', object>;
type PhotosExpressions = ExpressionBuilder<LibraryDatabase, 'photos'>;

/** The labels above a label ("dog" → ["animal"]): a photo is filed under those too, so a search names one label. */
export type LabelParents = (label: string) => string[];

export interface SearchScope {
  ownerId: string;
  query: PhotoQuery;
  /** The owner's hidden people and albums: left out unless the query names them. */
  hiddenPeople: readonly string[];
  hiddenAlbums: readonly string[];
  /** The levels each place name is stored at (placeLevelsFound); without it every level is tried. */
  placeLevels?: PlaceLevelsFound;
  /** Photos per label, person and album the query intersects (keySizes): walked smallest first. */
  keySizes?: KeySizes;
}

export interface Bounds {
  from?: string;
  to?: string;
}

/**
 * The owner's photos matching every filter of the query. Labels, people and albums are `id IN (…)` over their join
 * tables, each narrowed by the owner, the screenshot flag and the outer date bounds (copied into the join rows), so
 * the database can start from whichever filter is most selective.
 */
export function matchingPhotos(
  db: Kysely<LibraryDatabase>,
  scope: SearchScope,
  keysJoined: 'as subqueries' | 'on capture time' | 'undated only' = 'as subqueries',
): PhotosQuery {
  const { ownerId, query } = scope;
  const screenshotsOut = query.exclude.screenshots;
  const bounds = outerBounds(query);
  // A place filter that comes down to one (name, level) term already says `owner_id = ?` inside that term (see
  // namedPlaceCondition). Said twice, SQLite 3.53 probed photos by (owner_id, taken_local) and read each row for
  // its place when joining keys on capture time, instead of probing the covering place index: a person, a city
  // and a label counted in 370-520 ms instead of 60-80 ms at a million photos (EXPLAIN QUERY PLAN, side by side).
  const [onlyPlace] = query.places;
  const ownerInPlaceTerm =
    query.places.length === 1 &&
    onlyPlace !== undefined &&
    onePlaceKey(onlyPlace, scope.placeLevels) !== undefined;
  let matches: PhotosQuery = ownerInPlaceTerm
    ? db.selectFrom('photos')
    : db.selectFrom('photos').where('photos.owner_id', '=', ownerId);

  matches = matches.where(leftOutIn('photos', screenshotsOut));
  // Comparing with NULL is never true, so undated photos drop out of any date-bounded query by themselves.
  if (query.takenFrom !== undefined) matches = matches.where('photos.taken_local', '>=', query.takenFrom);
  if (query.takenTo !== undefined) matches = matches.where('photos.taken_local', '<', query.takenTo);
  if (query.dateRanges.length > 0) {
    matches = matches.where((eb) =>
      eb.or(
        query.dateRanges.map((r) =>
          eb.and([eb('photos.taken_local', '>=', r.from), eb('photos.taken_local', '<', r.to)]),
        ),
      ),
    );
  }
  if (query.monthDays.length > 0) {
    matches = matches.where('photos.taken_month_day', 'in', monthDaysIn(query.monthDays));
  }
  if (query.favoritesOnly) matches = matches.where('photos.favorite', '=', 1);
  const kinds = [...new Set(query.mediaKinds)];
  if (kinds.length === 1) matches = matches.where('photos.media_kind', '=', kinds[0] ?? 'photo');
  if (query.places.length > 0) {
    matches = matches.where((eb) =>
      eb.or(query.places.map((place) => placeCondition(eb, ownerId, place, scope.placeLevels))),
    );
  }

  const keys = smallestFirst(keyConditions(query), scope.keySizes);
  if (keysJoined === 'on capture time') {
    // Inner joins on (photo id, capture time): each (photo, key) join row is unique, so no photo is repeated, and
    // both sides' indexes are ordered by (taken_local, id) within their key, so PostgreSQL merges them in capture
    // order and a page stops at its first 51 common photos (the IN form hashed every match of every key first).
    keys.forEach((key, n) => {
      const alias = `key_${n}`;
      matches = matches.innerJoin(sql<never>`${sql.table(key.table)}`.as(alias), (join) =>
        join.on(sameCapturedPhoto(alias, 'photos.id', 'photos.taken_local')),
      );
      for (const condition of keyRowConditions(alias, key, ownerId, screenshotsOut, bounds)) {
        matches = matches.where(condition);
      }
    });
  } else {
    // Undated only: an undated photo's join rows are undated too (they carry copies), so each key reads just its
    // index's short `taken_local is null` range instead of every match (a hash over 65,000 label rows per count).
    const undatedOnly = keysJoined === 'undated only';
    if (undatedOnly) matches = matches.where(sql<SqlBool>`${sql.ref('photos.taken_local')} is null`);
    for (const key of keys) {
      const conditions = keyRowConditions(key.table, key, ownerId, screenshotsOut, bounds);
      if (undatedOnly) conditions.push(sql<SqlBool>`${sql.ref(`${key.table}.taken_local`)} is null`);
      matches = matches.where(
        'photos.id',
        'in',
        sql<string>`(select ${sql.ref(`${key.table}.photo_id`)} from ${sql.table(key.table)} where ${sql.join(
          conditions,
          sql` and `,
        )})`,
      );
    }
  }

  const excludedPeople = excluded(query.exclude.people, scope.hiddenPeople, query.people);
  if (excludedPeople.length > 0) {
    matches = matches.where('photos.id', 'not in', (eb) =>
      eb
        .selectFrom('photo_people')
        .select('photo_people.photo_id')
        .where('photo_people.person_id', 'in', excludedPeople),
    );
  }
  const excludedAlbums = excluded(query.exclude.albums, scope.hiddenAlbums, query.albums);
  if (excludedAlbums.length > 0) {
    matches = matches.where('photos.id', 'not in', (eb) =>
      eb
        .selectFrom('photo_albums')
        .select('photo_albums.photo_id')
        .where('photo_albums.album_id', 'in', excludedAlbums),
    );
  }
  if (query.exclude.labels.length > 0) {
    const labels = [...new Set(query.exclude.labels)];
    matches = matches.where('photos.id', 'not in', (eb) =>
      eb
        .selectFrom('photo_labels')
        .select('photo_labels.photo_id')
        .where('photo_labels.owner_id', '=', ownerId)
        .where('photo_labels.label', 'in', labels),
    );
  }
  // One matching photo stands for its near-duplicate group (a favourite or the best-rated first).
  if (query.collapseDuplicates) matches = representativesOnly(matches);
  return matches;
}

/**
 * The join row `alias` is the photo whose id and capture time are `id` and `takenLocal`: capture time first, the
 * merge key both indexes are ordered by. The id is compared as `|| ''` so the planner cannot estimate it: PostgreSQL
 * multiplied the two equalities' selectivities as if independent (a photo has one capture time), estimated one
 * common row for 144,000 and 65,000 matches, and hashed every match and sorted them for a page of 50; with the id
 * hidden it estimates a few dozen and merges both indexes in capture order, stopping at the page.
 */
export function sameCapturedPhoto(alias: string, id: string, takenLocal: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${alias}.taken_local`)} = ${sql.ref(takenLocal)} and ${sql.ref(`${alias}.photo_id`)} || '' = ${sql.ref(id)} || ''`;
}

export type JoinTable = 'photo_labels' | 'photo_people' | 'photo_albums';

/** One label, person or album the query asks for, as the join table and key column its rows are found by. */
export interface KeyCondition {
  table: JoinTable;
  column: 'label' | 'person_id' | 'album_id';
  key: string;
}

/** Every label, person and album the query names, each once. */
export function keyConditions(query: PhotoQuery): KeyCondition[] {
  return [
    ...[...new Set(query.labels)].map((key) => ({
      table: 'photo_labels' as const,
      column: 'label' as const,
      key,
    })),
    ...[...new Set(query.people)].map((key) => ({
      table: 'photo_people' as const,
      column: 'person_id' as const,
      key,
    })),
    ...[...new Set(query.albums)].map((key) => ({
      table: 'photo_albums' as const,
      column: 'album_id' as const,
      key,
    })),
  ];
}

/**
 * The conditions on one key's join rows (read as `alias`): the key, the owner's tenancy (label rows carry the
 * owner; a person or album id must be the owner's, checked once on its primary key), and the screenshot and date
 * bounds the photo must meet (the join rows carry copies).
 */
export function keyRowConditions(
  alias: string,
  key: KeyCondition,
  ownerId: string,
  screenshotsOut: boolean,
  bounds: Bounds,
): RawBuilder<SqlBool>[] {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`${ref(key.column)} = ${key.key}`];
  if (key.table === 'photo_labels') conditions.push(sql<SqlBool>`${ref('owner_id')} = ${ownerId}`);
  if (key.table === 'photo_people') {
    conditions.push(
      sql<SqlBool>`exists (select 1 from people where people.id = ${key.key} and people.owner_id = ${ownerId})`,
    );
  }
  if (key.table === 'photo_albums') {
    conditions.push(
      sql<SqlBool>`exists (select 1 from albums where albums.id = ${key.key} and albums.owner_id = ${ownerId})`,
    );
  }
  conditions.push(leftOutIn(alias, screenshotsOut));
  if (bounds.from !== undefined) conditions.push(sql<SqlBool>`${ref('taken_local')} >= ${bounds.from}`);
  if (bounds.to !== undefined) conditions.push(sql<SqlBool>`${ref('taken_local')} < ${bounds.to}`);
  return conditions;
}

/** The tightest single range containing every date condition: [max(takenFrom, earliest range), min(takenTo, latest)). */
export function outerBounds(query: PhotoQuery): Bounds {
  let from = query.takenFrom;
  let to = query.takenTo;
  if (query.dateRanges.length > 0) {
    const earliest = query.dateRanges.map((r) => r.from).reduce((a, b) => (a < b ? a : b));
    const latest = query.dateRanges.map((r) => r.to).reduce((a, b) => (a > b ? a : b));
    if (from === undefined || earliest > from) from = earliest;
    if (to === undefined || latest < to) to = latest;
  }
  return { from, to };
}

/** Levels a qualifier after a comma may name: the areas a place lies in ("Paris, Texas", "Paris, France"). */
const QUALIFYING_LEVELS = ['metro', 'county', 'region', 'country'] as const;

/**
 * A photo taken at a place of that name, at the level asked or any level. Each level is `lower(place_<level>) = ?`
 * against its own owner-first index (migrations 0002/0006), so the filter is one index range per level. The name
 * also stands for what the gazetteer reads it as ("München" → Munich, "Paris Texas" → "Paris, Texas"; see
 * placeFilterTerms; a continent is its countries). A name with qualifiers ("Paris, Texas") also matches the place named before the comma lying in
 * the area named after it.
 */
function placeCondition(
  eb: PhotosExpressions,
  ownerId: string,
  place: PhotoQuery['places'][number],
  found: PlaceLevelsFound | undefined,
): Expression<SqlBool> {
  const terms = placeFilterTerms(place).flatMap(
    ({ name, levels }) => namedPlaceCondition(eb, ownerId, name, levels, found) ?? [],
  );
  // No name stored at any level asked: the place matches nothing (never dropped, never widened).
  return terms.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(terms);
}

/**
 * The condition for one name, or undefined when no photo of the owner has it at any level asked (known from
 * placeLevelsFound): such terms are left out of the OR rather than written as a constant false, which made SQLite
 * read the whole owner range of the place index instead of the one name's range.
 */
function namedPlaceCondition(
  eb: PhotosExpressions,
  ownerId: string,
  name: string,
  levels: readonly PlaceLevel[],
  found: PlaceLevelsFound | undefined,
): Expression<SqlBool> | undefined {
  // lower() on both sides: the expression indexes use it, and each engine folds case the same way on both sides.
  // The owner is repeated inside each OR term so every term is a whole index key (SQLite's multi-index OR and
  // PostgreSQL's BitmapOr need that; neither distributes the outer owner condition into an OR).
  const named = (text: string, at: readonly PlaceLevel[]): Expression<SqlBool> | undefined => {
    const stored = found?.get(text);
    // Levels where no photo has the name match nothing: dropping them changes no result (placeLevelsFound).
    const levelsToRead = stored === undefined ? at : at.filter((level) => stored.has(level));
    if (levelsToRead.length === 0) return undefined;
    return eb.or(
      levelsToRead.map(
        (level) =>
          sql<SqlBool>`(${eb.ref('photos.owner_id')} = ${ownerId} and lower(${eb.ref(`photos.place_${level}`)}) = lower(${text}))`,
      ),
    );
  };
  const whole = named(name, levels);
  const [head, ...qualifiers] = name
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (head === undefined || qualifiers.length === 0) return whole;
  const parts = [named(head, levels), ...qualifiers.map((qualifier) => named(qualifier, QUALIFYING_LEVELS))];
  const qualified = parts.every((part) => part !== undefined) ? eb.and(parts) : undefined;
  if (whole === undefined) return qualified;
  return qualified === undefined ? whole : eb.or([whole, qualified]);
}

/**
 * The `left_out` values a search accepts: none set, or only the screenshot bit when screenshots are wanted. A photo
 * its owner hid has the hidden bit and matches neither.
 */
export function leftOutAllowed(screenshotsOut: boolean): number[] {
  return screenshotsOut ? [0] : [0, LEFT_OUT_SCREENSHOT];
}

/**
 * `left_out` among the allowed values, as `= 0` when screenshots are out (every search by default): SQLite reads
 * even a one-value IN list as a list and then cannot walk a (…, left_out, taken_local, id) index in order, so it
 * sorted every match for a page of 50.
 */
export function leftOutIn(table: string, screenshotsOut: boolean): RawBuilder<SqlBool> {
  const column = sql.ref(`${table}.left_out`);
  const allowed = leftOutAllowed(screenshotsOut);
  return allowed.length === 1
    ? sql<SqlBool>`${column} = ${sql.lit(allowed[0] ?? 0)}`
    : sql<SqlBool>`${column} in (${sql.join(allowed.map((value) => sql.lit(value)))})`;
}

/** Explicit exclusions plus hidden ones, except what the query asks for by name. */
export function excluded(
  explicit: readonly string[],
  hidden: readonly string[],
  requested: readonly string[],
): string[] {
  const asked = new Set(requested);
  return [...new Set([...explicit, ...hidden.filter((id) => !asked.has(id))])];
}
