import {
  multipleRanges,
  phraseOfRange,
  phraseOfRanges,
  resolveOnThisDay,
  type CalendarDate,
  type Hemisphere,
  type ResolvedDate,
} from '../../common/calendar';
import type { PhotoQuery, SearchResponse } from '../../common/contracts';
import type { OwnerNameKind } from './owner-names';
import type { SpokenOrder } from './slideshow-order';
import type { ResolvedEntity } from './slot-resolution';

/** A place as a photo query names it: "Zermatt" at the city level, or at any level without one. */
export type PlaceName = PhotoQuery['places'][number];

/** What some words name in the owner's library: labels, people, albums and places, each person and album named. */
export interface WordsReading {
  labels: string[];
  people: ResolvedEntity[];
  albums: ResolvedEntity[];
  places: PlaceName[];
  /** How each place was said ("schweiz" for Switzerland), in the order of `places`: what speech says back. */
  placesSaid: string[];
  /** A date the words name ("two years ago", "the summer"): a named window, or one season or holiday every year. */
  date?: ResolvedDate;
  /** An order the words say ("latest", "random"). */
  order?: SpokenOrder;
}

/** How the words' dates are named: seasons in the user's hemisphere, holidays as the library dated them. */
export interface ReadingDates {
  hemisphere: Hemisphere;
  /** 'de-DE' when the words were read as German (the library then dates holidays by German custom). */
  holidayLocale: string;
  /** The user's today: a window that ends with it is said as "the past 2 weeks". */
  today: CalendarDate;
}

/** Reads a slot's words as the library reads free text (undefined: not every word names one of those things). */
export type WordsReader = (words: string) => Promise<WordsReading | undefined>;

const THINGS: ReadonlySet<string> = new Set([
  'label',
  'person',
  'album',
  'place',
  'date',
  'on-this-day',
  'order',
]);

/**
 * Alexa fills whichever slot its model prefers, and the carrier words do not decide it: "show photos of Zermatt"
 * puts a city in the subject slot (English says "of" for subjects and people, AMAZON.City only follows "from" and
 * "in"), and German "zeige Fotos von Anna" may put a person in the place slot ("von" is both). The library's free-text
 * reader knows what the words are in this owner's library. Its reading counts only when every word matched (an
 * unmatched word stays a failed constraint, never dropped) and the words name things or one date the skill can say
 * back ("photos from the summer" heard as a place), and an order ("show my latest photos" heard as a subject);
 * favourites, videos, "on this day" or several windows heard in a
 * name's slot are not taken.
 */
export async function readWords(
  words: string,
  search: (q: string) => Promise<SearchResponse>,
  ownerNames: (kind: OwnerNameKind, heard: string) => Promise<ResolvedEntity[]>,
  dates: ReadingDates,
): Promise<WordsReading | undefined> {
  // The owner's people by the skill's own reading of names first: it knows family words and German forms ("opa
  // joe" is Grandpa Joe, "meinem Papa" Dad), which the library's text reader does not.
  const person = await ownerNames('person', words);
  if (person.length === 1) return { labels: [], people: person, albums: [], places: [], placesSaid: [] };
  const answer = await search(words);
  const { query } = answer;
  const understood = answer.understood ?? [];
  if (!query || (answer.unmatched ?? []).length > 0 || understood.length === 0) return undefined;
  if (!understood.every((item) => THINGS.has(item.kind))) return undefined;

  // The reading gives ids; the owner's names give what to call them ("photos of Anna").
  const named = async (
    kind: OwnerNameKind,
    ids: readonly string[],
  ): Promise<ResolvedEntity[] | undefined> => {
    const found: ResolvedEntity[] = [];
    for (const item of understood.filter((each) => each.kind === kind)) {
      // "beach album" names the album Beach 2026: its name is the words beside "album".
      const name = kind === 'album' ? item.text.replace(/^album\s+|\s+album$/i, '') : item.text;
      const entity = (await ownerNames(kind, name)).find((match) => ids.includes(match.id));
      if (entity && !found.some((each) => each.id === entity.id)) found.push(entity);
    }
    return found.length === ids.length ? found : undefined;
  };
  const saysDate = understood.some((item) => item.kind === 'date' || item.kind === 'on-this-day');
  const date = saysDate ? dateOf(query, dates) : undefined;
  if (saysDate && !date) return undefined;
  const people = await named('person', query.people);
  const albums = await named('album', query.albums);
  if (!people || !albums) return undefined;
  const order = spokenOrderOf(answer);
  const saidPlaces = understood.filter((item) => item.kind === 'place').map((item) => item.text);
  const placesSaid =
    saidPlaces.length === query.places.length ? saidPlaces : query.places.map((place) => place.name);
  return {
    labels: [...query.labels],
    people,
    albums,
    places: [...query.places],
    placesSaid,
    ...(date ? { date } : {}),
    ...(order ? { order } : {}),
  };
}

/** The reading's date as the skill says dates: one named window, or the same season or holiday every year. */
function dateOf(
  query: PhotoQuery,
  { hemisphere, holidayLocale, today }: ReadingDates,
): ResolvedDate | undefined {
  if (query.monthDays.length > 0) return onThisDayOf(query, today);
  if (query.dateRanges.length > 1) {
    const phrase = phraseOfRanges(query.dateRanges, hemisphere, holidayLocale);
    return phrase && multipleRanges(query.dateRanges, phrase);
  }
  const takenFrom = query.dateRanges[0]?.from ?? query.takenFrom;
  const takenTo = query.dateRanges[0]?.to ?? query.takenTo;
  if (takenFrom === undefined || takenTo === undefined) return undefined;
  const phrase = phraseOfRange(takenFrom, takenTo, hemisphere, holidayLocale, today);
  // The window as read, hours included: New Year's Eve runs into the small hours of January 1st.
  return phrase && { takenFrom, takenTo, dateRanges: [], phrase };
}

/** The order a free-text answer's words said ("latest"), if any: the query's order, when an order word set it. */
export function spokenOrderOf(answer: SearchResponse): SpokenOrder | undefined {
  return answer.understood?.some((item) => item.kind === 'order') ? answer.query?.order : undefined;
}

/**
 * "this day", "this time of year" heard in a name's slot: today's month-day in every earlier year (said as "this day
 * in earlier years"), when that is all the reading's date is.
 */
function onThisDayOf(query: PhotoQuery, today: CalendarDate): ResolvedDate | undefined {
  const [window, ...others] = query.monthDays;
  const isToday = window?.month === today.month && window.day === today.day;
  if (!window || !isToday || query.dateRanges.length > 0 || (others.length > 0 && window.plusMinusDays > 0)) {
    return undefined;
  }
  return resolveOnThisDay({ today, plusMinusDays: window.plusMinusDays });
}
