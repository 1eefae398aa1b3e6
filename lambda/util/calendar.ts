import { easterSunday } from '../../common/easter';

export { easterSunday };
/**
 * Calendar arithmetic on plain dates (no zone): AMAZON.DATE values name calendar days, and the library compares
 * capture-local wall-clock times, so every computation here stays in UTC fields to avoid DST shifts.
 */
export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March: a round trip that changes the fields means the date doesn't exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * MS_PER_DAY);
  return fromUtcDate(shifted);
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: date.day };
}

export function fromUtcDate(date: Date): CalendarDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: CalendarDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Monday of ISO week `week` of ISO year `year`; undefined when that year has no such week. */
export function isoWeekMonday(year: number, week: number): CalendarDate | undefined {
  if (week < 1 || week > 53) return undefined;
  // Week 1 is the week containing January 4th.
  const jan4: CalendarDate = { year, month: 1, day: 4 };
  const monday = addDays(addDays(jan4, 1 - isoWeekday(jan4)), (week - 1) * 7);
  return isoWeekOf(monday).year === year ? monday : undefined;
}

export function isoWeekOf(date: CalendarDate): { year: number; week: number } {
  // The ISO year is the year of this week's Thursday.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1: CalendarDate = { year: thursday.year, month: 1, day: 1 };
  const week = Math.floor(daysBetween(jan1, thursday) / 7) + 1;
  return { year: thursday.year, week };
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / MS_PER_DAY,
  );
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function formatIsoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Start of the day as a capture-local date-time, the form PhotoQuery uses. */
export function startOfDayLocal(date: CalendarDate): string {
  return `${formatIsoDate(date)}T00:00:00`;
}

/** The `n`th (1-based) ISO weekday (1 = Monday … 7 = Sunday) of a month, e.g. the 4th Thursday of November. */
export function nthWeekdayOfMonth(year: number, month: number, isoDay: number, n: number): CalendarDate {
  const first: CalendarDate = { year, month, day: 1 };
  return addDays(first, ((isoDay - isoWeekday(first) + 7) % 7) + (n - 1) * 7);
}

/** The calendar day it is at `now` in an IANA time zone (the user's "today"). Throws on an unknown zone. */
export function calendarDateIn(now: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
