import { compareDates, startOfDayLocal, type CalendarDate } from './calendar';
import type { SeasonName } from './hemisphere';
import type { HolidayId } from './holidays';

/** A capture-local [from, to) window as PhotoQuery takes it (`YYYY-MM-DDTHH:mm:ss`). */
export interface LocalRange {
  from: string;
  to: string;
}

/** What the user asked for, as data: each locale's strings say it in their own words. */
export type DatePhrase =
  | { kind: 'today' }
  | { kind: 'day'; date: CalendarDate }
  | { kind: 'week'; monday: CalendarDate }
  | { kind: 'weekend'; saturday: CalendarDate }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'season'; season: SeasonName; year: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  | { kind: 'decade'; firstYear: number }
  | { kind: 'every-day'; month: number; day: number }
  | { kind: 'every-month'; month: number }
  | { kind: 'every-season'; season: SeasonName }
  | { kind: 'holiday'; holiday: HolidayId; year: number }
  | { kind: 'every-holiday'; holiday: HolidayId };

/**
 * A date slot resolved against the user's today: the overall bounds, the separate windows when the phrase means
 * several ("every July 4th" → one per year), and the phrase to say back.
 */
export interface ResolvedDate {
  takenFrom: string;
  takenTo: string;
  /** Empty for one contiguous window; otherwise every window, oldest first (PhotoQuery `dateRanges`). */
  dateRanges: LocalRange[];
  phrase: DatePhrase;
}

export function singleRange(from: CalendarDate, to: CalendarDate, phrase: DatePhrase): ResolvedDate {
  return { takenFrom: startOfDayLocal(from), takenTo: startOfDayLocal(to), dateRanges: [], phrase };
}

/** Several windows; callers pass them oldest first. Undefined when there are none. */
export function multipleRanges(ranges: LocalRange[], phrase: DatePhrase): ResolvedDate | undefined {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return undefined;
  if (ranges.length === 1) return { takenFrom: first.from, takenTo: first.to, dateRanges: [], phrase };
  return { takenFrom: first.from, takenTo: last.to, dateRanges: ranges, phrase };
}

/** Whether a window has started by `today` (a window that started today counts: its photos may exist). */
export function hasStarted(from: CalendarDate, today: CalendarDate): boolean {
  return compareDates(from, today) <= 0;
}

/** How many years back "every July 4th" and "every Christmas" reach. */
export const RECURRING_YEARS = 20;
