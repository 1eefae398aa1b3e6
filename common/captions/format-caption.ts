import type { SlideshowCaption } from '../contracts';

export const DEFAULT_CAPTION_LOCALE = 'en-US';

/** Separates date, place and people on the one caption line. */
const PART_SEPARATOR = ' · ';
/** More names than this and the rest become "+N", so a crowd doesn't push the date and place off screen. */
const MAX_NAMED_PEOPLE = 4;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})T/;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The caption under a photo as one ready line in the listener's locale, e.g. en-GB
 * "14 July 2025 · Santa Monica, California · Mom, Alex", de-DE "14. Juli 2025 · …". Empty when nothing is known.
 */
export function formatCaption(caption: SlideshowCaption, locale: string = DEFAULT_CAPTION_LOCALE): string {
  return [formatDate(caption.takenLocal, locale), formatPlace(caption.place), formatPeople(caption.people)]
    .filter((part) => part !== '')
    .join(PART_SEPARATOR);
}

/**
 * The capture-local calendar date, formatted in UTC so the server's own time zone can never move it a day.
 */
function formatDate(takenLocal: string | null, locale: string): string {
  const match = takenLocal ? LOCAL_DATE.exec(takenLocal) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return dateFormatFor(locale).format(date);
}

function dateFormatFor(locale: string): Intl.DateTimeFormat {
  const supported = supportedLocale(locale);
  let format = dateFormats.get(supported);
  if (!format) {
    format = new Intl.DateTimeFormat(supported, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(supported, format);
  }
  return format;
}

/** A locale Intl can format in; a malformed or unknown tag falls back to the default instead of throwing. */
function supportedLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? DEFAULT_CAPTION_LOCALE;
  } catch {
    return DEFAULT_CAPTION_LOCALE;
  }
}

/** The two most specific place names known: "Santa Monica, California", "Paris, France", "Bavaria, Germany". */
function formatPlace(place: SlideshowCaption['place']): string {
  if (!place) return '';
  const names: string[] = [];
  for (const name of [place.city, place.region, place.country]) {
    const trimmed = name?.trim();
    if (trimmed && !names.some((known) => known.toLowerCase() === trimmed.toLowerCase())) names.push(trimmed);
  }
  return names.slice(0, 2).join(', ');
}

function formatPeople(people: readonly string[]): string {
  const names = people.map((name) => name.trim()).filter((name) => name !== '');
  if (names.length <= MAX_NAMED_PEOPLE) return names.join(', ');
  const shown = names.slice(0, MAX_NAMED_PEOPLE - 1);
  return `${shown.join(', ')} +${names.length - shown.length}`;
}
