import type { NothingFoundKind, PhotoQuery } from '../../common/contracts';
import type { LocalRange } from '../query-text/types';

/** A constraint's kind, as nothingFound names it; 'word' is never a field of a query. */
export type ConstraintKind = Exclude<NothingFoundKind, 'word'>;

/**
 * One thing a query asks for, which may alone find nothing: a label, a person, an album, the places (any of them),
 * the dates (all date fields together), favourites, a media kind. `key` tells same-kind constraints apart.
 */
export interface QueryConstraint {
  kind: ConstraintKind;
  key: string;
}

/** The fields a constraint may set; everything else (exclusions, order, duplicates) is how, not what. */
const CONSTRAINT_FIELDS_CLEARED = {
  labels: [],
  people: [],
  places: [],
  albums: [],
  takenFrom: undefined,
  takenTo: undefined,
  dateRanges: [],
  monthDays: [],
  favoritesOnly: false,
  mediaKinds: [],
} satisfies Partial<PhotoQuery>;

export function constraintsOf(query: PhotoQuery): QueryConstraint[] {
  const constraints: QueryConstraint[] = [];
  for (const label of query.labels) constraints.push({ kind: 'label', key: label });
  for (const id of query.people) constraints.push({ kind: 'person', key: id });
  for (const id of query.albums) constraints.push({ kind: 'album', key: id });
  if (query.places.length > 0) constraints.push({ kind: 'place', key: 'places' });
  if (hasDates(query)) constraints.push({ kind: 'date', key: 'dates' });
  if (query.favoritesOnly) constraints.push({ kind: 'favorites', key: 'favorites' });
  if (query.mediaKinds.length > 0) constraints.push({ kind: 'video', key: query.mediaKinds.join(' ') });
  return constraints;
}

export function hasConstraint(query: PhotoQuery): boolean {
  return constraintsOf(query).length > 0;
}

function hasDates(query: PhotoQuery): boolean {
  return (
    query.takenFrom !== undefined ||
    query.takenTo !== undefined ||
    query.dateRanges.length > 0 ||
    query.monthDays.length > 0
  );
}

/** The query asking for this one constraint only, with the same exclusions. */
export function onlyConstraint(query: PhotoQuery, constraint: QueryConstraint): PhotoQuery {
  return withoutUndefined({ ...query, ...CONSTRAINT_FIELDS_CLEARED, ...fieldsOf(query, constraint) });
}

/** The query with this one constraint left out, every other kept. */
export function withoutConstraint(query: PhotoQuery, constraint: QueryConstraint): PhotoQuery {
  const cleared: Partial<PhotoQuery> = (() => {
    switch (constraint.kind) {
      case 'label':
        return { labels: query.labels.filter((label) => label !== constraint.key) };
      case 'person':
        return { people: query.people.filter((id) => id !== constraint.key) };
      case 'album':
        return { albums: query.albums.filter((id) => id !== constraint.key) };
      case 'place':
        return { places: [] };
      case 'date':
        return { takenFrom: undefined, takenTo: undefined, dateRanges: [], monthDays: [] };
      case 'favorites':
        return { favoritesOnly: false };
      case 'video':
        return { mediaKinds: [] };
    }
  })();
  return withoutUndefined({ ...query, ...cleared });
}

/** The query with its dates replaced by other ranges (a future date's previous occurrence). */
export function withDates(query: PhotoQuery, ranges: readonly LocalRange[]): PhotoQuery {
  const [only] = ranges;
  const dates: Partial<PhotoQuery> =
    ranges.length === 1 && only
      ? { takenFrom: only.from, takenTo: only.to, dateRanges: [], monthDays: [] }
      : { takenFrom: undefined, takenTo: undefined, dateRanges: [...ranges], monthDays: [] };
  return withoutUndefined({ ...query, ...dates });
}

function fieldsOf(query: PhotoQuery, constraint: QueryConstraint): Partial<PhotoQuery> {
  switch (constraint.kind) {
    case 'label':
      return { labels: [constraint.key] };
    case 'person':
      return { people: [constraint.key] };
    case 'album':
      return { albums: [constraint.key] };
    case 'place':
      return { places: query.places };
    case 'date':
      return {
        takenFrom: query.takenFrom,
        takenTo: query.takenTo,
        dateRanges: query.dateRanges,
        monthDays: query.monthDays,
      };
    case 'favorites':
      return { favoritesOnly: true };
    case 'video':
      return { mediaKinds: query.mediaKinds };
  }
}

/** Optional fields are absent rather than undefined, so a query compares and serializes like a parsed one. */
function withoutUndefined(query: PhotoQuery): PhotoQuery {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as PhotoQuery;
}
