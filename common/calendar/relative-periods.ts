import { addDays, addUnits, isoWeekday, localDateTime, mondayOf, type CalendarDate } from './calendar-date';
import { monthPeriod, resolvePeriod, weekendPeriod, yearPeriod, type Period } from './amazon-date';
import type { LocalRange } from './local-range';
import type { DatePhrase, ResolvedDate } from './resolved-date';

/** Which occurrence a relative word picks. `latest` is a bare "the weekend": the most recent that has begun. */
export type Which = 'last' | 'this' | 'next' | 'latest';

/** "this weekend", "last weekend", "next weekend", "the weekend": Saturday 00:00 to Monday 00:00, two days. */
export function relativeWeekend(which: Which, today: CalendarDate): ResolvedDate {
  const thisSaturday = addDays(mondayOf(today), 5);
  const started = isoWeekday(today) >= 6;
  const offset = { this: 0, next: 7, last: -7, latest: started ? 0 : -7 }[which];
  const period = weekendPeriod(addDays(thisSaturday, offset), today);
  if (!period) throw new Error('every Saturday has a weekend');
  return resolvePeriod(period, today);
}

export type Unit = 'week' | 'month' | 'year';

function unitPeriod(unit: Unit, start: CalendarDate): Period {
  if (unit === 'year') return yearPeriod(start.year);
  if (unit === 'month') return monthPeriod(start.year, start.month);
  return { from: start, to: addDays(start, 7), phrase: { kind: 'week', monday: start } };
}

function unitStart(unit: Unit, day: CalendarDate): CalendarDate {
  if (unit === 'year') return { year: day.year, month: 1, day: 1 };
  if (unit === 'month') return { year: day.year, month: day.month, day: 1 };
  return mondayOf(day);
}

/** "this week", "last month", "next year": the calendar unit containing today, or one before or after it. */
export function relativeUnit(which: Exclude<Which, 'latest'>, unit: Unit, today: CalendarDate): ResolvedDate {
  const current = unitStart(unit, today);
  const start = addUnits(current, unit, which === 'this' ? 0 : which === 'last' ? -1 : 1);
  // The one before "next month" is this month, which has begun.
  const period: Period = { ...unitPeriod(unit, start), previous: () => unitPeriod(unit, current) };
  return resolvePeriod(period, today);
}

/** Something that happens once a year (a season, a holiday), named in English for descriptions. */
export interface YearlyEvent {
  windowIn(year: number): LocalRange;
  phraseIn(year: number): DatePhrase;
  nameIn(year: number): string;
}

/** The year of the occurrence a relative word picks. */
export function occurrenceYear(event: YearlyEvent, which: Which, today: CalendarDate): number {
  const todayStart = localDateTime(today);
  const years = [today.year - 2, today.year - 1, today.year, today.year + 1];
  const windows = years.map((year) => ({ year, window: event.windowIn(year) }));
  const latestStarted = windows.filter((o) => o.window.from <= todayStart).pop()?.year ?? today.year - 2;
  switch (which) {
    case 'this':
      // The one happening now; else this calendar year's, over or still to come ("this summer" in October is the
      // one just over, in April the one ahead).
      return windows.find((o) => o.window.from <= todayStart && todayStart < o.window.to)?.year ?? today.year;
    case 'last':
      return windows.filter((o) => o.window.to <= todayStart).pop()?.year ?? today.year - 2;
    case 'next':
      return windows.find((o) => o.window.from > todayStart)?.year ?? today.year + 1;
    case 'latest':
      return latestStarted;
  }
}

/**
 * An occurrence of a yearly event as asked ("this christmas", "next summer", "summer of 2027"), marked `future`
 * with the most recent occurrence that has begun when none of it has.
 */
export function resolveOccurrence(event: YearlyEvent, year: number, today: CalendarDate): ResolvedDate {
  const window = event.windowIn(year);
  const resolved: ResolvedDate = {
    takenFrom: window.from,
    takenTo: window.to,
    dateRanges: [],
    phrase: event.phraseIn(year),
  };
  if (window.from <= localDateTime(today)) return resolved;
  const previousYear = occurrenceYear(event, 'latest', today);
  const previous = event.windowIn(previousYear);
  return {
    ...resolved,
    future: {
      previous: {
        takenFrom: previous.from,
        takenTo: previous.to,
        dateRanges: [],
        phrase: event.phraseIn(previousYear),
        name: event.nameIn(previousYear),
      },
    },
  };
}
