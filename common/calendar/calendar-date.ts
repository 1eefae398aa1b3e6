/**
 * Calendar arithmetic on plain days (no zone). AMAZON.DATE values and free text name calendar days, and the library
 * compares capture-local wall-clock times, so every computation stays in UTC fields where no DST or server zone
 * can shift it.
 */
export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;

function toUtc(date: CalendarDate): Date {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));
  // Date.UTC maps years 0–99 to 1900–1999.
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return utc;
}

export function fromUtcDate(date: Date): CalendarDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The day, or undefined when it does not exist (2026-02-30). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcDate(new Date(toUtc(date).getTime() + days * MS_PER_DAY));
}

/** Whole months; a day past the end of the target month clamps to its last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

/** The units people count dates in ("3 days ago", "the last 2 weeks", "last month"). */
export type CalendarUnit = 'day' | 'week' | 'month' | 'year';

/** `count` days, weeks, months or years after `date` (before it when negative); months clamp as addMonths does. */
export function addUnits(date: CalendarDate, unit: CalendarUnit, count: number): CalendarDate {
  switch (unit) {
    case 'year':
      return addYears(date, count);
    case 'month':
      return addMonths(date, count);
    case 'week':
      return addDays(date, 7 * count);
    case 'day':
      return addDays(date, count);
  }
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: CalendarDate): number {
  const weekday = toUtc(date).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Monday of the ISO week containing the day. */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Monday of ISO week `week` of ISO year `year`; undefined when that year has no such week. */
export function isoWeekMonday(year: number, week: number): CalendarDate | undefined {
  if (!Number.isInteger(week) || week < 1 || week > 53) return undefined;
  // Week 1 is the week containing January 4th.
  const monday = addDays(mondayOf({ year, month: 1, day: 4 }), (week - 1) * 7);
  return isoWeekOf(monday).year === year ? monday : undefined;
}

export function isoWeekOf(date: CalendarDate): { year: number; week: number } {
  // The ISO year is the year of this week's Thursday.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const week = Math.floor(daysBetween({ year: thursday.year, month: 1, day: 1 }, thursday) / 7) + 1;
  return { year: thursday.year, week };
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / MS_PER_DAY);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The `n`th (1-based) ISO weekday (1 = Monday … 7 = Sunday) of a month, e.g. the 4th Thursday of November. */
export function nthWeekdayOfMonth(year: number, month: number, isoDay: number, n: number): CalendarDate {
  const first: CalendarDate = { year, month, day: 1 };
  return addDays(first, ((isoDay - isoWeekday(first) + 7) % 7) + (n - 1) * 7);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD`. */
export function formatIsoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** The capture-local date-time PhotoQuery takes (`YYYY-MM-DDTHH:mm:ss`) at an hour of the day, midnight by default. */
export function localDateTime(date: CalendarDate, hour = 0): string {
  return `${formatIsoDate(date)}T${pad(hour)}:00:00`;
}

/** The day a capture-local date-time falls on; undefined when it is not one. */
export function dateOfLocal(localDateTimeText: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(localDateTimeText);
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}
