import { addDays, addMonths, dateOfLocal, localDateTime, mondayOf, type CalendarDate } from './calendar-date';
import type { Hemisphere } from './hemisphere';
import type { DatePhrase } from './resolved-date';
import { seasonOf, seasonWindow } from './seasons';

/**
 * How to say one window back, when it is exactly a day, a week (Monday to Monday), a weekend, a month, a season,
 * a year or a decade: what free text read ("two years ago" is 2024, "the summer" summer 2026) said the way the
 * skill says any date. Undefined for any other window (it has no name to say it by).
 */
export function phraseOfRange(
  takenFrom: string,
  takenTo: string,
  hemisphere: Hemisphere,
): DatePhrase | undefined {
  const from = dateOfLocal(takenFrom);
  const to = dateOfLocal(takenTo);
  if (!from || !to || takenFrom !== localDateTime(from) || takenTo !== localDateTime(to)) return undefined;
  const same = (a: CalendarDate, b: CalendarDate) =>
    a.year === b.year && a.month === b.month && a.day === b.day;
  if (same(addDays(from, 1), to)) return { kind: 'day', date: from };
  if (same(addDays(from, 7), to) && same(mondayOf(from), from)) return { kind: 'week', monday: from };
  if (same(addDays(from, 2), to) && same(addDays(mondayOf(from), 5), from)) {
    return { kind: 'weekend', saturday: from };
  }
  if (from.day !== 1 || to.day !== 1) return undefined;
  if (same(addMonths(from, 1), to)) return { kind: 'month', year: from.year, month: from.month };
  const { season, year } = seasonOf(from, hemisphere);
  const window = seasonWindow(season, year, hemisphere);
  if (same(window.from, from) && same(window.to, to)) return { kind: 'season', season, year };
  if (from.month !== 1 || to.month !== 1) return undefined;
  if (to.year === from.year + 1) return { kind: 'year', year: from.year };
  if (to.year === from.year + 10 && from.year % 10 === 0) return { kind: 'decade', firstYear: from.year };
  return undefined;
}

/** Several windows said as one: the same season in each of them ("every summer"), else undefined. */
export function phraseOfRanges(
  ranges: readonly { from: string; to: string }[],
  hemisphere: Hemisphere,
): DatePhrase | undefined {
  const phrases = ranges.map((range) => phraseOfRange(range.from, range.to, hemisphere));
  const [first] = phrases;
  if (first?.kind !== 'season') return undefined;
  const everyOne = phrases.every((phrase) => phrase?.kind === 'season' && phrase.season === first.season);
  return everyOne ? { kind: 'every-season', season: first.season } : undefined;
}
