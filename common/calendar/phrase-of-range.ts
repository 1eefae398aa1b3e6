import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dateOfLocal,
  localDateTime,
  mondayOf,
  type CalendarDate,
} from './calendar-date';
import { dayPartOf } from './day-parts';
import type { Hemisphere } from './hemisphere';
import { HOLIDAY_IDS, holidayWindow } from './holidays';
import { recentPhraseOf } from './recent-window';
import { aroundDayPhraseOf } from './same-time-years-ago';
import type { DatePhrase } from './resolved-date';
import { seasonOf, seasonWindow } from './seasons';

const sameDay = (a: CalendarDate, b: CalendarDate) =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * How to say one window back, when it is exactly a day, a part of a day ("last night"), a holiday, a week (Monday
 * to Monday), a weekend, a month, a season, a year, a decade or, given `today`, the past few days, weeks, months or
 * years up to the end of today, or the days around today's date in an earlier year: what free text read ("two
 * years ago" is 2024, "the summer" summer 2026, "the last 2 weeks") said the way the skill says any date. Any other
 * window between midnights is said by its ends ("from 2018 to 2020"); one with hours has no name to say it by.
 */
export function phraseOfRange(
  takenFrom: string,
  takenTo: string,
  hemisphere: Hemisphere,
  locale = 'en-US',
  today?: CalendarDate,
): DatePhrase | undefined {
  const from = dateOfLocal(takenFrom);
  const to = dateOfLocal(takenTo);
  if (!from || !to) return undefined;
  const midnights = takenFrom === localDateTime(from) && takenTo === localDateTime(to);
  if (midnights && sameDay(addDays(from, 1), to)) return { kind: 'day', date: from };
  const holiday = holidayOf(takenFrom, takenTo, from.year, locale);
  if (holiday) return holiday;
  if (!midnights) {
    const dayPart = dayPartOf(takenFrom, takenTo);
    return dayPart && { kind: 'part-of-day', ...dayPart };
  }
  // A calendar name first: "this week" asked on a Sunday is also the past 6 days, but is said as the week.
  const calendar = calendarPhraseOf(from, to, hemisphere);
  if (calendar) return calendar;
  const relative = today && (recentPhraseOf(from, to, today) ?? aroundDayPhraseOf(from, to, today));
  return relative ?? spanPhraseOf(from, to);
}

/** Whole years, else whole months, else days between two midnights, said by their two ends ("2018 to 2020"). */
function spanPhraseOf(from: CalendarDate, to: CalendarDate): DatePhrase | undefined {
  if (compareDates(from, to) >= 0) return undefined;
  if (from.day === 1 && to.day === 1) {
    if (from.month === 1 && to.month === 1) {
      return { kind: 'span', unit: 'year', first: from, last: addYears(to, -1) };
    }
    return { kind: 'span', unit: 'month', first: from, last: addMonths(to, -1) };
  }
  return { kind: 'span', unit: 'day', first: from, last: addDays(to, -1) };
}

/** A week, weekend, month, season, year or decade between two midnights. */
function calendarPhraseOf(
  from: CalendarDate,
  to: CalendarDate,
  hemisphere: Hemisphere,
): DatePhrase | undefined {
  if (sameDay(addDays(from, 7), to) && sameDay(mondayOf(from), from)) return { kind: 'week', monday: from };
  if (sameDay(addDays(from, 2), to) && sameDay(addDays(mondayOf(from), 5), from)) {
    return { kind: 'weekend', saturday: from };
  }
  if (from.day !== 1 || to.day !== 1) return undefined;
  if (sameDay(addMonths(from, 1), to)) return { kind: 'month', year: from.year, month: from.month };
  const { season, year } = seasonOf(from, hemisphere);
  const window = seasonWindow(season, year, hemisphere);
  if (sameDay(window.from, from) && sameDay(window.to, to)) return { kind: 'season', season, year };
  if (from.month !== 1 || to.month !== 1) return undefined;
  if (to.year === from.year + 1) return { kind: 'year', year: from.year };
  if (to.year === from.year + 10 && from.year % 10 === 0) return { kind: 'decade', firstYear: from.year };
  return undefined;
}

/** A holiday's window in its year, as celebrated in the locale: "Christmas 2025" for 24-27 December. */
function holidayOf(takenFrom: string, takenTo: string, year: number, locale: string): DatePhrase | undefined {
  for (const holiday of HOLIDAY_IDS) {
    if (holiday === 'BIRTHDAY') continue;
    const window = holidayWindow(holiday, year, locale);
    if (window.from === takenFrom && window.to === takenTo) return { kind: 'holiday', holiday, year };
  }
  return undefined;
}

/** Several windows said as one: the same season or holiday in each of them ("every summer"), else undefined. */
export function phraseOfRanges(
  ranges: readonly { from: string; to: string }[],
  hemisphere: Hemisphere,
  locale = 'en-US',
): DatePhrase | undefined {
  const everyOf = (phrase: DatePhrase | undefined): DatePhrase | undefined => {
    if (phrase?.kind === 'season') return { kind: 'every-season', season: phrase.season };
    if (phrase?.kind === 'holiday') return { kind: 'every-holiday', holiday: phrase.holiday };
    return undefined;
  };
  const [first, ...rest] = ranges.map((range) =>
    everyOf(phraseOfRange(range.from, range.to, hemisphere, locale)),
  );
  const same = rest.every((phrase) => JSON.stringify(phrase) === JSON.stringify(first));
  return same ? first : undefined;
}
