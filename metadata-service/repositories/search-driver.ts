import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { LibraryDatabase, SearchKeyKind } from '../database/schema';
import {
  excluded,
  keyConditions,
  keyRowConditions,
  leftOutIn,
  matchingPhotos,
  outerBounds,
  sameCapturedPhoto,
  type SearchScope,
} from './photo-filters';
import { disjointPlaceKeys, onePlaceKey } from './one-place-key';
import { isPlaceKeyKind, placeLevelOf } from './place-month-counts';
import { smallestFirst } from './key-sizes';
import type { CountedDisjointKeys } from './key-month-counts';
import { monthDaysIn } from './month-days';
import type { CountedIntersection } from './member-counts';

/**
 * Where a search reads its matches from, as (id, taken_local, shuffle_key) rows:
 * - a join table alone, when the query is one label, one person or one album (plus its date bounds and the
 *   screenshot rule): those columns are copied into the join rows, so the count, the span and the page order come
 *   from one covering index and photo rows are read only for the page;
 * - otherwise the photos table with every filter (photo-filters.ts).
 */
export interface MatchSource {
  rows: RowQuery;
  id: RawBuilder<string>;
  takenLocal: RawBuilder<string | null>;
  shuffleKey: RawBuilder<number>;
  /**
   * Set when the rows are exactly one key's matches (one label, person or album, or all the owner's photos) within
   * date bounds and the left-out rule: their count and span can then be read from search_key_months.
   */
  countedKey?: { kind: SearchKeyKind; key: string } | CountedDisjointKeys | CountedIntersection;
  /**
   * Set when the matches fall into disjoint parts, each walked in capture order from its own index, so a page reads
   * about a page per part instead of sorting every match: each capture day (`MM-DD`) of "on this day" (20,000
   * matches of a window at a million photos), each country of a continent ("North America": the United States'
   * 340,000 and more). Their union is `rows`.
   */
  parts?: RowQuery[];
  /**
   * The dated matches only, when the query intersects a join table with anything: the same rows joined on
   * (photo id, capture time), which PostgreSQL merges in capture order from the indexes instead of hashing every
   * match of each side. Absent: `rows` with `taken_local is not null` is as good.
   */
  dated?: RowQuery;
  /** The undated matches only, with every key read from its short `taken_local is null` range; set with `dated`. */
  undated?: RowQuery;
  /**
   * The rows are a merge of key indexes (keyIntersection): a page of a dense intersection reads a few index pages
   * in order, where reading matches by number visits one photo row each.
   */
  mergesKeys?: true;
}

/** The source's FROM/WHERE; its columns are addressed through the refs above, whichever table it reads. */
export type RowQuery = SelectQueryBuilder<LibraryDatabase, 'photos', object>;

type JoinTable = 'photo_labels' | 'photo_people' | 'photo_albums';

export function matchSource(db: Kysely<LibraryDatabase>, scope: SearchScope): MatchSource {
  const driver = singleJoinDriver(scope);
  if (!driver) {
    const keyed = keyConditions(scope.query).length > 0;
    const days = onlyDaysCounted(scope);
    const onePlace = onePlaceCounted(scope);
    const places = onePlace ? undefined : placesCounted(scope);
    if (keyed && onlyKeysBoundsAndLeftOut(scope)) return keyIntersection(db, scope);
    return {
      rows: matchingPhotos(db, scope),
      id: sql<string>`${sql.ref('photos.id')}`,
      takenLocal: sql<string | null>`${sql.ref('photos.taken_local')}`,
      shuffleKey: sql<number>`${sql.ref('photos.shuffle_key')}`,
      countedKey: onlyBoundsAndLeftOut(scope)
        ? { kind: 'all', key: '' }
        : (onePlace ?? places ?? days ?? keysAndPlacesCounted(scope)),
      dated: keyed ? matchingPhotos(db, scope, 'on capture time') : undefined,
      undated: keyed ? matchingPhotos(db, scope, 'undated only') : undefined,
      parts:
        days?.keys.map((day) =>
          matchingPhotos(db, withoutDays(scope)).where('photos.taken_month_day', '=', day),
        ) ?? (places && places.keys.length > 1 ? placeParts(db, scope, places) : undefined),
    };
  }
  const { table, keyColumn, key } = driver;
  const { query, ownerId } = scope;
  const ref = (column: string) => sql.ref(`${table}.${column}`);
  let rows = db.selectFrom(table) as unknown as RowQuery;
  // `=`, not `in (…)`: SQLite reads a one-value IN list as a list, cannot then walk the (key, left_out,
  // taken_local, id) index in order, and sorts every match of the key for a page of 50 (a temp B-tree over a
  // person's 100,000 photos at a million).
  rows = rows.where(sql<boolean>`${ref(keyColumn)} = ${key}`);
  // Tenant scope: label rows carry the owner; person and album ids must be the owner's (another owner's id would
  // otherwise count that owner's photos). A constant EXISTS on the key's primary key is checked once, where
  // `person_id in (select id from people where owner_id = ?)` listed all the owner's people on every search.
  if (table === 'photo_labels') rows = rows.where(sql<boolean>`${ref('owner_id')} = ${ownerId}`);
  if (table === 'photo_people') {
    rows = rows.where(
      sql<boolean>`exists (select 1 from people where people.id = ${key} and people.owner_id = ${ownerId})`,
    );
  }
  if (table === 'photo_albums') {
    rows = rows.where(
      sql<boolean>`exists (select 1 from albums where albums.id = ${key} and albums.owner_id = ${ownerId})`,
    );
  }
  rows = rows.where(leftOutIn(table, query.exclude.screenshots));
  if (query.takenFrom !== undefined)
    rows = rows.where(sql<boolean>`${ref('taken_local')} >= ${query.takenFrom}`);
  if (query.takenTo !== undefined) rows = rows.where(sql<boolean>`${ref('taken_local')} < ${query.takenTo}`);
  return {
    rows,
    id: sql<string>`${ref('photo_id')}`,
    takenLocal: sql<string | null>`${ref('taken_local')}`,
    shuffleKey: sql<number>`${ref('shuffle_key')}`,
    countedKey: { kind: COUNTED_KIND[table], key },
  };
}

const COUNTED_KIND = {
  photo_labels: 'label',
  photo_people: 'person',
  photo_albums: 'album',
} as const satisfies Record<JoinTable, SearchKeyKind>;

interface JoinDriver {
  table: JoinTable;
  keyColumn: 'label' | 'person_id' | 'album_id';
  key: string;
}

/**
 * Two or more labels, people or albums and nothing else: the photos table is not needed at all (the join rows carry
 * the owner, left_out and the capture time), so the first key's rows are joined with each other key's. `rows` joins
 * on the photo id (dated and undated alike); `dated` on (photo id, capture time), which PostgreSQL merges in capture
 * order: a page reads each key's index from the newest end until 51 common photos, not every match of every key.
 */
function keyIntersection(db: Kysely<LibraryDatabase>, scope: SearchScope): MatchSource {
  const { ownerId, query } = scope;
  const keys = smallestFirst(keyConditions(query), scope.keySizes);
  const bounds = outerBounds(query);
  const first = keys[0];
  if (first === undefined) throw new Error('keyIntersection needs at least one key');
  const chain = (rowsOf: 'all' | 'dated' | 'undated'): RowQuery => {
    const onCaptureTime = rowsOf === 'dated';
    let rows = db.selectFrom(sql<never>`${sql.table(first.table)}`.as('key_0')) as unknown as RowQuery;
    keys.slice(1).forEach((key, n) => {
      const alias = `key_${n + 1}`;
      rows = rows.innerJoin(sql<never>`${sql.table(key.table)}`.as(alias), (join) =>
        join.on(
          onCaptureTime
            ? sameCapturedPhoto(alias, 'key_0.photo_id', 'key_0.taken_local')
            : sql<boolean>`${sql.ref(`${alias}.photo_id`)} = ${sql.ref('key_0.photo_id')}`,
        ),
      );
    });
    keys.forEach((key, n) => {
      const alias = `key_${n}`;
      for (const condition of keyRowConditions(alias, key, ownerId, query.exclude.screenshots, bounds)) {
        rows = rows.where(condition);
      }
      // An undated photo's join rows are all undated: each key reads only that short range of its index.
      if (rowsOf === 'undated') rows = rows.where(sql<boolean>`${sql.ref(`${alias}.taken_local`)} is null`);
    });
    return rows;
  };
  return {
    rows: chain('all'),
    id: sql<string>`${sql.ref('key_0.photo_id')}`,
    takenLocal: sql<string | null>`${sql.ref('key_0.taken_local')}`,
    shuffleKey: sql<number>`${sql.ref('key_0.shuffle_key')}`,
    countedKey: {
      kind: 'intersection',
      keys: keys.map((key) => ({ kind: COUNTED_KIND[key.table], key: key.key })),
    },
    mergesKeys: true,
    dated: chain('dated'),
    undated: chain('undated'),
  };
}

/** Labels, people and albums, the date bounds and the left-out rule, and nothing else (no hidden exclusions). */
function onlyKeysBoundsAndLeftOut(scope: SearchScope): boolean {
  const { query } = scope;
  const hiddenPeople = scope.hiddenPeople.filter((id) => !query.people.includes(id));
  const hiddenAlbums = scope.hiddenAlbums.filter((id) => !query.albums.includes(id));
  return otherFiltersAbsent(scope) && hiddenPeople.length === 0 && hiddenAlbums.length === 0;
}

/** True when nothing but the date bounds and the left-out rule narrows the owner's photos. */
function onlyBoundsAndLeftOut(scope: SearchScope): boolean {
  const { query } = scope;
  return (
    otherFiltersAbsent(scope) &&
    query.labels.length === 0 &&
    query.people.length === 0 &&
    query.albums.length === 0 &&
    scope.hiddenPeople.length === 0 &&
    scope.hiddenAlbums.length === 0
  );
}

/** One place (as one name at one level), the date bounds and the left-out rule: counted from search_key_months. */
function onePlaceCounted(scope: SearchScope): MatchSource['countedKey'] {
  const { query } = scope;
  const [place] = query.places;
  if (place === undefined || query.places.length > 1) return undefined;
  const withoutPlace: SearchScope = { ...scope, query: { ...query, places: [] } };
  return onlyBoundsAndLeftOut(withoutPlace) ? onePlaceKey(place, scope.placeLevels) : undefined;
}

/**
 * Each name's matches apart, compared exactly as its month rows were counted: one range of that level's index each
 * (the name as a place filter would also read what the gazetteer takes it for, "Mexico" as "México" too, and so an
 * OR that PostgreSQL walked by capture time, 29 ms).
 */
function placeParts(
  db: Kysely<LibraryDatabase>,
  scope: SearchScope,
  places: CountedDisjointKeys,
): RowQuery[] | undefined {
  if (!isPlaceKeyKind(places.kind)) return undefined;
  const column = sql.ref(`photos.place_${placeLevelOf(places.kind)}`);
  const rest = matchingPhotos(db, { ...scope, query: { ...scope.query, places: [] } });
  return places.keys.map((name) => rest.where(sql<boolean>`lower(${column}) = lower(${name})`));
}

/** Places whose names lie at one level ("Europe": its countries), the date bounds and the left-out rule. */
function placesCounted(scope: SearchScope): CountedDisjointKeys | undefined {
  const { query } = scope;
  const withoutPlaces: SearchScope = { ...scope, query: { ...query, places: [] } };
  return onlyBoundsAndLeftOut(withoutPlaces) ? disjointPlaceKeys(query.places, scope.placeLevels) : undefined;
}

/**
 * Labels, people, albums, one place and a media kind, less excluded or hidden labels, people and albums, two or
 * more in all, with the date bounds and the left-out rule: the photos under every key and none of the excluded,
 * counted from the keys' member lists. The place must come down to one name at one level (onePlaceKey).
 */
function keysAndPlacesCounted(scope: SearchScope): CountedIntersection | undefined {
  const { query } = scope;
  const withoutListed: SearchScope = {
    ...scope,
    query: {
      ...query,
      places: [],
      mediaKinds: [],
      exclude: { ...query.exclude, labels: [], people: [], albums: [] },
    },
    hiddenPeople: [],
    hiddenAlbums: [],
  };
  // Several places are alternatives (a photo in any of them), not keys every photo must have.
  if (!onlyKeysBoundsAndLeftOut(withoutListed) || query.places.length > 1) return undefined;
  const places = query.places.map((place) => onePlaceKey(place, scope.placeLevels));
  // One media kind is a key like a label (migration 0022); both kinds are no filter at all.
  const mediaKinds = [...new Set(query.mediaKinds)];
  const keys: CountedIntersection['keys'] = [
    ...keyConditions(query).map((key) => ({ kind: COUNTED_KIND[key.table], key: key.key })),
    ...places.flatMap((place) => (place === undefined ? [] : [place])),
    ...(mediaKinds.length === 1 ? mediaKinds.map((kind) => ({ kind: 'media' as const, key: kind })) : []),
  ];
  // What matchingPhotos leaves out, as lists: excluded labels (hidden ones among them), excluded and hidden people
  // and albums the query does not name.
  const left: CountedIntersection['keys'] = [
    ...[...new Set(query.exclude.labels)].map((key) => ({ kind: 'label' as const, key })),
    ...excluded(query.exclude.people, scope.hiddenPeople, query.people).map((key) => ({
      kind: 'person' as const,
      key,
    })),
    ...excluded(query.exclude.albums, scope.hiddenAlbums, query.albums).map((key) => ({
      kind: 'album' as const,
      key,
    })),
  ];
  // One key with exclusions is counted too ("the beach without the dog"); nothing but exclusions is not.
  return places.includes(undefined) || keys.length === 0 || keys.length + left.length < 2
    ? undefined
    : { kind: 'intersection', keys, excluded: left };
}

/**
 * "On this day" (its month-days), the date bounds and the left-out rule: counted from search_key_months' 'day' rows,
 * which add up because a photo has one capture day.
 */
function onlyDaysCounted(scope: SearchScope): CountedDisjointKeys | undefined {
  const { monthDays } = scope.query;
  if (monthDays.length === 0 || !onlyBoundsAndLeftOut(withoutDays(scope))) return undefined;
  return { kind: 'day', keys: monthDaysIn(monthDays) };
}

function withoutDays(scope: SearchScope): SearchScope {
  return { ...scope, query: { ...scope.query, monthDays: [] } };
}

/** No filter beyond labels, people, albums, the date bounds and the left-out rule. */
function otherFiltersAbsent(scope: SearchScope): boolean {
  const { query } = scope;
  const kinds = new Set(query.mediaKinds);
  return (
    query.places.length === 0 &&
    query.dateRanges.length === 0 &&
    query.monthDays.length === 0 &&
    !query.favoritesOnly &&
    (kinds.size === 0 || kinds.size === 2) &&
    query.exclude.people.length === 0 &&
    query.exclude.albums.length === 0 &&
    query.exclude.labels.length === 0 &&
    !query.collapseDuplicates
  );
}

/** The join table that alone decides the query, if there is one (see MatchSource). */
function singleJoinDriver(scope: SearchScope): JoinDriver | undefined {
  const { query } = scope;
  if (!otherFiltersAbsent(scope)) return undefined;
  const labels = [...new Set(query.labels)];
  const people = [...new Set(query.people)];
  const albums = [...new Set(query.albums)];
  // Hidden people and albums exclude photos; the join row of another table cannot tell, so they disqualify.
  const hiddenPeople = scope.hiddenPeople.filter((id) => !people.includes(id));
  const hiddenAlbums = scope.hiddenAlbums.filter((id) => !albums.includes(id));
  if (hiddenPeople.length > 0 || hiddenAlbums.length > 0) return undefined;
  const [label] = labels;
  const [person] = people;
  const [album] = albums;
  if (label !== undefined && labels.length === 1 && people.length === 0 && albums.length === 0) {
    return { table: 'photo_labels', keyColumn: 'label', key: label };
  }
  if (person !== undefined && people.length === 1 && labels.length === 0 && albums.length === 0) {
    return { table: 'photo_people', keyColumn: 'person_id', key: person };
  }
  if (album !== undefined && albums.length === 1 && labels.length === 0 && people.length === 0) {
    return { table: 'photo_albums', keyColumn: 'album_id', key: album };
  }
  return undefined;
}
