import type { PhotoFacts, PhotoQueryInput, SearchResponse } from '../../common/contracts';
import { addDays, compareDates, localDateTime, type CalendarDate } from '../../common/calendar';
import { captureDayOf, type SimilarCandidate } from './similar-photos';

/** Days without photos inside one trip: a rest day, or two, does not end it. */
const MAX_GAP_DAYS = 2;
/** How far either side of the photo a trip is looked for. */
const SEARCH_DAYS = 30;
/** The photos read to find the trip's days: a page of the library's largest size. */
const DAYS_READ = 1000;

/** Where a trip went: the photo's state or province (England, California, Valais), else its country. */
function tripPlaceOf(facts: PhotoFacts): { name: string; level: 'region' | 'country' } | undefined {
  const region = facts.place?.region?.trim();
  if (region) return { name: region, level: 'region' };
  const country = facts.place?.country?.trim();
  return country ? { name: country, level: 'country' } : undefined;
}

/**
 * The first and last day of the run of photo days around `day`: consecutive days with photos there, no more than
 * MAX_GAP_DAYS apart. `days` may come in any order; `day` itself counts as one of them.
 */
export function tripDaysAround(
  days: readonly CalendarDate[],
  day: CalendarDate,
): { first: CalendarDate; last: CalendarDate } {
  const sorted = [...days, day].sort(compareDates);
  const index = sorted.findIndex((each) => compareDates(each, day) === 0);
  const close = (earlier: CalendarDate, later: CalendarDate) =>
    compareDates(addDays(earlier, MAX_GAP_DAYS + 1), later) >= 0;
  let first = index;
  while (first > 0 && close(sorted[first - 1] as CalendarDate, sorted[first] as CalendarDate)) first -= 1;
  let last = index;
  while (last < sorted.length - 1 && close(sorted[last] as CalendarDate, sorted[last + 1] as CalendarDate))
    last += 1;
  return { first: sorted[first] as CalendarDate, last: sorted[last] as CalendarDate };
}

/**
 * "More from this trip": the photos taken in the photo's state or country on the run of days around it (days with
 * photos there, no more than two days apart), so a week in Cornwall is the trip, and the next visit a month later
 * is not. Undefined when the photo has no capture day or place.
 */
export async function tripCandidate(
  facts: PhotoFacts,
  search: (query: PhotoQueryInput, limit: number) => Promise<SearchResponse>,
): Promise<SimilarCandidate | undefined> {
  const day = captureDayOf(facts.takenLocal);
  const place = tripPlaceOf(facts);
  if (!day || !place) return undefined;
  const around = await search(
    {
      places: [place],
      takenFrom: localDateTime(addDays(day, -SEARCH_DAYS)),
      takenTo: localDateTime(addDays(day, SEARCH_DAYS + 1)),
      order: 'oldest',
    },
    DAYS_READ,
  );
  const days = around.photos.flatMap((photo) => captureDayOf(photo.takenLocal) ?? []);
  const { first, last } = tripDaysAround(days, day);
  return {
    match: { kind: 'trip', name: place.name },
    query: { places: [place], takenFrom: localDateTime(first), takenTo: localDateTime(addDays(last, 1)) },
  };
}
