import {
  addDays,
  addYears,
  calendarDate,
  isLeapYear,
  localDateTime,
  type CalendarDate,
} from './calendar-date';
import { dayPeriod, resolvePeriod } from './amazon-date';
import type { MonthDayWindow, ResolvedDate } from './resolved-date';

/** The HOLIDAY slot's id for "on this day", "this day in history", "an diesem Tag". */
export const ON_THIS_DAY = 'ON_THIS_DAY';

/** Photography began in the 1820s: "any earlier year" starts here. */
export const EARLIEST_PHOTO = '1820-01-01T00:00:00';

export interface OnThisDayRequest {
  today: CalendarDate;
  /** Widen to ±days around today's date ("this week in history" is ±3); 0 by default. */
  plusMinusDays?: number;
  /** A date said with it ("on this day in 2019"): only those years. */
  within?: { takenFrom: string; takenTo: string };
}

/**
 * Today's month-day windows. A leap day's anniversary in other years is February 28th, as `XXXX-02-29` has no
 * window in them: on February 29th the 28th is included, and on February 28th of a common year, the 29th.
 */
export function onThisDayWindows(today: CalendarDate, plusMinusDays = 0): MonthDayWindow[] {
  const windows: MonthDayWindow[] = [{ month: today.month, day: today.day, plusMinusDays }];
  if (plusMinusDays > 0 || today.month !== 2) return windows;
  if (today.day === 29) windows.push({ month: 2, day: 28, plusMinusDays });
  if (today.day === 28 && !isLeapYear(today.year)) windows.push({ month: 2, day: 29, plusMinusDays });
  return windows;
}

/**
 * "On this day": today's date ±N days in any year before this one. The bounds end where this year's window begins,
 * so the last few days are never "history".
 */
export function resolveOnThisDay(request: OnThisDayRequest): ResolvedDate {
  const { today, within } = request;
  const plusMinusDays = request.plusMinusDays ?? 0;
  const cutoff = localDateTime(addDays(today, -plusMinusDays));
  const takenFrom = within ? within.takenFrom : EARLIEST_PHOTO;
  const takenTo = within && within.takenTo < cutoff ? within.takenTo : cutoff;
  const resolved: ResolvedDate = {
    takenFrom,
    takenTo: takenTo > takenFrom ? takenTo : takenFrom,
    dateRanges: [],
    monthDays: onThisDayWindows(today, plusMinusDays),
    phrase: { kind: 'every-day', month: today.month, day: today.day, onThisDay: true, plusMinusDays },
  };
  // "On this day this year": nothing of it is history yet.
  return takenTo > takenFrom ? resolved : { ...resolved, future: {} };
}

/** Today's month-day that many years ago; a leap day falls back to February 28th. */
export function dayYearsAgo(today: CalendarDate, years: number): CalendarDate {
  return calendarDate(today.year - years, today.month, today.day) ?? addYears(today, -years);
}

/** "Today five years ago", "heute vor 5 Jahren": that one day, a leap day falling back to February 28th. */
export function resolveYearsAgo(today: CalendarDate, years: number): ResolvedDate {
  return resolvePeriod(dayPeriod(dayYearsAgo(today, years)), today);
}
