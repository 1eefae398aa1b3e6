import { addDays, compareDates, daysBetween, type CalendarDate } from './calendar-date';
import { dayYearsAgo, resolveYearsAgo } from './on-this-day';
import { singleRange, type DatePhrase, type ResolvedDate } from './resolved-date';

/** "this time of year", "this time last year": the days around a date, each side. */
export const THIS_TIME_OF_YEAR_DAYS = 14;

/** "this time last year": the days from `plusMinusDays` before a date to as many after it, both included. */
export function resolveAroundDay(date: CalendarDate, plusMinusDays: number): ResolvedDate {
  return singleRange(addDays(date, -plusMinusDays), addDays(date, plusMinusDays + 1), {
    kind: 'around-day',
    date,
    plusMinusDays,
  });
}

/** ±days around today a phrase means: 0 for today itself, its width for "on this day"; undefined for others. */
function todayWidthOf(phrase: DatePhrase, today: CalendarDate): number | undefined {
  if (phrase.kind === 'today') return 0;
  if (phrase.kind === 'day') return compareDates(phrase.date, today) === 0 ? 0 : undefined;
  if (phrase.kind === 'every-day' && phrase.onThisDay) return phrase.plusMinusDays ?? 0;
  return undefined;
}

/**
 * "this day last year", "a year ago today", "this time last year", when the words come as two dates (Alexa fills
 * its date slot with "last year" and leaves "this day" to another slot, or the other way round): today, or "on this
 * day", with an earlier year. The same day in that year, or the days around it; undefined for any other pair (two
 * dates that are not that are two constraints, never one silently chosen).
 */
export function sameTimeYearsAgo(
  a: ResolvedDate,
  b: ResolvedDate,
  today: CalendarDate,
): ResolvedDate | undefined {
  for (const [day, year] of [
    [a, b],
    [b, a],
  ] as const) {
    const width = todayWidthOf(day.phrase, today);
    if (width === undefined || year.phrase.kind !== 'year' || year.phrase.year >= today.year) continue;
    const years = today.year - year.phrase.year;
    return width === 0 ? resolveYearsAgo(today, years) : resolveAroundDay(dayYearsAgo(today, years), width);
  }
  return undefined;
}

/** The window around today's date in an earlier year that [from, to) is exactly, said as "around" that day. */
export function aroundDayPhraseOf(
  from: CalendarDate,
  to: CalendarDate,
  today: CalendarDate,
): DatePhrase | undefined {
  const days = daysBetween(from, to);
  if (days < 3 || days % 2 === 0) return undefined;
  const plusMinusDays = (days - 1) / 2;
  const date = addDays(from, plusMinusDays);
  const years = today.year - date.year;
  if (years < 1 || compareDates(dayYearsAgo(today, years), date) !== 0) return undefined;
  return { kind: 'around-day', date, plusMinusDays };
}
