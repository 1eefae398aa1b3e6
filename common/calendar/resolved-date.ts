import { compareDates, localDateTime, type CalendarDate, type CalendarUnit } from './calendar-date';
import type { HolidayId } from './holidays';
import type { LocalRange } from './local-range';
import type { SeasonName } from './seasons';

export type DayPart = 'morning' | 'afternoon' | 'evening' | 'night';

/** What the user asked for, as data: each locale's strings say it in their own words. */
/** The unit a span of dates is whole in. */
export type SpanUnit = 'day' | 'month' | 'year';

export type DatePhrase =
  | { kind: 'today' }
  | { kind: 'day'; date: CalendarDate }
  /** The morning, afternoon, evening or night of a day (a night runs into the next morning). */
  | { kind: 'part-of-day'; date: CalendarDate; part: DayPart }
  /** The days around a date, `plusMinusDays` each side ("this time last year"). */
  | { kind: 'around-day'; date: CalendarDate; plusMinusDays: number }
  | { kind: 'week'; monday: CalendarDate }
  | { kind: 'weekend'; saturday: CalendarDate }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'season'; season: SeasonName; year: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  | { kind: 'decade'; firstYear: number }
  /**
   * Whole days, months or years from `first` to `last`, both included: "from 2018 to 2020", "from June to August
   * 2025", "from June 3 to June 10, 2026". `first` and `last` are the first day of their unit.
   */
  | { kind: 'span'; unit: SpanUnit; first: CalendarDate; last: CalendarDate }
  /** The past `count` units up to the end of today ("the last 2 weeks", "the past month"), not calendar units. */
  | { kind: 'recent'; count: number; unit: CalendarUnit }
  /** "every July 4th"; `onThisDay` when it is today's date ("on this day"), widened by ±plusMinusDays. */
  | { kind: 'every-day'; month: number; day: number; onThisDay?: true; plusMinusDays?: number }
  | { kind: 'every-month'; month: number }
  | { kind: 'every-season'; season: SeasonName }
  | { kind: 'holiday'; holiday: HolidayId; year: number }
  | { kind: 'every-holiday'; holiday: HolidayId };

/** "On this day": the same month-day in other years, widened by ±plusMinusDays (PhotoQuery `monthDays`). */
export interface MonthDayWindow {
  month: number;
  day: number;
  plusMinusDays: number;
}

/** The most recent occurrence of a future date that has begun, to offer by name instead of swapping it in. */
export interface PreviousOccurrence {
  takenFrom: string;
  takenTo: string;
  dateRanges: LocalRange[];
  phrase: DatePhrase;
  /** English, relative to today where people say it so: "last weekend", "summer 2026", "Christmas 2025". */
  name: string;
}

/**
 * A date entirely still to come relative to the user's today ("this weekend" asked on a Wednesday): it has no
 * photos. Say so and offer `previous` by name; never search it silently instead. No `previous` for a year or a
 * decade (nothing earlier is the same thing).
 */
export interface FutureDate {
  previous?: PreviousOccurrence;
}

/**
 * A date resolved against the user's today: the overall bounds, the separate windows when the phrase means several
 * ("every July 4th" → one per year), the month-day windows of "on this day", and the phrase to say back. The bounds
 * are always what was asked; `future` is set when all of it is still to come.
 */
export interface ResolvedDate {
  takenFrom: string;
  takenTo: string;
  /** Empty for one contiguous window; otherwise every window, oldest first (PhotoQuery `dateRanges`). */
  dateRanges: LocalRange[];
  /** "On this day" windows (PhotoQuery `monthDays`); absent otherwise. */
  monthDays?: MonthDayWindow[];
  phrase: DatePhrase;
  future?: FutureDate;
}

export function singleRange(from: CalendarDate, to: CalendarDate, phrase: DatePhrase): ResolvedDate {
  return { takenFrom: localDateTime(from), takenTo: localDateTime(to), dateRanges: [], phrase };
}

/** Several windows; callers pass them oldest first. Undefined when there are none. */
export function multipleRanges(ranges: readonly LocalRange[], phrase: DatePhrase): ResolvedDate | undefined {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return undefined;
  if (ranges.length === 1) return { takenFrom: first.from, takenTo: first.to, dateRanges: [], phrase };
  return { takenFrom: first.from, takenTo: last.to, dateRanges: [...ranges], phrase };
}

/** Whether a window has started by `today` (one that starts today counts: its photos may exist). */
export function hasStarted(from: CalendarDate, today: CalendarDate): boolean {
  return compareDates(from, today) <= 0;
}

/** The windows a resolved date covers: its dateRanges, else its one [takenFrom, takenTo). */
export function rangesOf(resolved: Pick<ResolvedDate, 'takenFrom' | 'takenTo' | 'dateRanges'>): LocalRange[] {
  return resolved.dateRanges.length > 0
    ? resolved.dateRanges
    : [{ from: resolved.takenFrom, to: resolved.takenTo }];
}

/** How many years back "every July 4th" and "every Christmas" reach. */
export const RECURRING_YEARS = 20;
