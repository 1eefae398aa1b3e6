import type { SlideshowCaption } from '../frame-api-types';

/*
 * The caption line, written exactly as the skill writes it under an APL photo (lambda/apl/slideshow-caption.ts;
 * tiers share no code but common/, so it is mirrored here and a test keeps the two in step): capture-local date in
 * the viewer's locale, the two most specific place names, up to four people then "+N".
 */

export const DEFAULT_CAPTION_LOCALE = 'en-US';
const PART_SEPARATOR = ' · ';
const MAX_NAMED_PEOPLE = 4;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})T/;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatCaption(caption: SlideshowCaption, locale: string = DEFAULT_CAPTION_LOCALE): string {
  return [formatDate(caption.takenLocal, locale), formatPlace(caption.place), formatPeople(caption.people)]
    .filter((part) => part !== '')
    .join(PART_SEPARATOR);
}

/** The capture-local calendar date, formatted in UTC so the viewer's own zone can never move it a day. */
function formatDate(takenLocal: string | null, locale: string): string {
  const match = takenLocal ? LOCAL_DATE.exec(takenLocal) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  return dateFormatFor(locale).format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
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

function supportedLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? DEFAULT_CAPTION_LOCALE;
  } catch {
    return DEFAULT_CAPTION_LOCALE;
  }
}

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

/** Alt text for a photo: its caption, or what kind of picture it is when nothing is known about it. */
export function altTextOf(captionText: string, layout: 'single' | 'pair'): string {
  const what = layout === 'pair' ? 'Two photos side by side' : 'Photo';
  return captionText === '' ? what : `${what}: ${captionText}`;
}
