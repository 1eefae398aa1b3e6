import type { PhotoQuery, SearchResponse } from '../../common/contracts';
import type { PhotoRepository } from '../repositories/photo-repository';
import type { PageRequest } from '../repositories/photo-search';
import type { ParsedQuery } from '../query-text/types';
import { constraintNames, type OwnerNames } from './constraint-names';
import { explainNothingFound, type CountPhotos, type EmptyAnswer } from './explain-nothing-found';
import { dateRangesOf, isFuture, previousOccurrence } from './previous-occurrence';

export type { OwnerNames } from './constraint-names';

export interface SearchClock {
  /** "Now": a date that has not begun by then has no photos. */
  reference: Date;
  /** The user's IANA zone: "now" as their calendar shows it. */
  timeZone: string;
}

/** A structured query (the skill's slots, a slideshow): its photos, or why there are none. */
export async function searchQuery(
  repository: PhotoRepository,
  names: OwnerNames,
  ownerId: string,
  query: PhotoQuery,
  page: PageRequest,
  clock: SearchClock,
): Promise<SearchResponse> {
  const result = await repository.search(ownerId, query, page);
  if (result.total > 0) return result;
  const now = localNow(clock);
  const ranges = dateRangesOf(query);
  const previous = ranges && isFuture(ranges, now) ? previousOccurrence(ranges, now) : undefined;
  const answer: EmptyAnswer = {
    query,
    unmatched: [],
    textOf: constraintNames(names, ownerId, query),
    ...(ranges && isFuture(ranges, now) ? { futureDate: previous ? { previous } : {} } : {}),
  };
  return { ...result, nothingFound: await explainNothingFound(answer, counter(repository, ownerId)) };
}

/**
 * Free text read into `reading` and `query`: an unmatched word is a failed constraint, so then nothing is searched
 * and no query is answered (none says what the text asked for); otherwise the query's photos, or why there are none.
 */
export async function searchReading(
  repository: PhotoRepository,
  names: OwnerNames,
  ownerId: string,
  reading: ParsedQuery,
  query: PhotoQuery,
  page: PageRequest,
  clock: SearchClock,
): Promise<SearchResponse & { query?: PhotoQuery }> {
  const unmatched = reading.unmatched;
  const result =
    unmatched.length > 0
      ? { total: 0, span: null, photos: [] }
      : { ...(await repository.search(ownerId, query, page)), query };
  if (result.total > 0) return result;
  const answer: EmptyAnswer = {
    query,
    unmatched,
    textOf: constraintNames(names, ownerId, query, reading.understood),
  };
  const futureDate = futureDateOf(reading, query, localNow(clock));
  if (futureDate) answer.futureDate = futureDate;
  return { ...result, nothingFound: await explainNothingFound(answer, counter(repository, ownerId)) };
}

/** The calendar's own mark when it made one ("this weekend" → "last weekend"), else the dates simply lie ahead. */
function futureDateOf(reading: ParsedQuery, query: PhotoQuery, now: string): EmptyAnswer['futureDate'] {
  for (const item of reading.understood) {
    if (item.kind === 'date' && item.value.future) {
      const previous = item.value.future.previous;
      return previous ? { previous } : {};
    }
  }
  const ranges = dateRangesOf(query);
  if (!ranges || !isFuture(ranges, now)) return undefined;
  const previous = previousOccurrence(ranges, now);
  return previous ? { previous } : {};
}

/**
 * Counting needs no page: limit 0 reads no photo rows (and so no order: a shuffle's bucket walk never runs), two
 * statements less per count (explaining one empty answer counts three to six times).
 */
function counter(repository: PhotoRepository, ownerId: string): CountPhotos {
  return async (query) => {
    const { total, span } = await repository.search(ownerId, query, { limit: 0, offset: 0 });
    return { total, span };
  };
}

/** The user's wall clock now, `YYYY-MM-DDTHH:mm:ss`, as capture-local times are stored. */
function localNow({ reference, timeZone }: SearchClock): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(reference);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}
