import { badRequest } from '../../common/errors';
import type { LocalRange } from './types';

/** A day on the calendar, with no zone. Arithmetic goes through UTC so no server zone or DST can shift it. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The wall clock of the user at the reference instant. */
export interface LocalNow extends CalendarDay {
  hour: number;
  minute: number;
  second: number;
}

export function localNow(reference: Date, timeZone: string): LocalNow {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    throw badRequest('INVALID_TIME_ZONE', `Unknown time zone: ${timeZone}`, error);
  }
  const parts = new Map(format.formatToParts(reference).map((part) => [part.type, Number(part.value)]));
  const part = (name: Intl.DateTimeFormatPartTypes): number => parts.get(name) ?? 0;
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

function fromUtc(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function toUtc(day: CalendarDay): Date {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  // Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(day.year);
  return date;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** Months from the first of a month; days past the end of the target month clamp to its last day. */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

export function addYears(day: CalendarDay, years: number): CalendarDay {
  return addMonths(day, years * 12);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: CalendarDay): number {
  return toUtc(day).getUTCDay();
}

/** Monday of the ISO week containing the day. */
export function mondayOf(day: CalendarDay): CalendarDay {
  return addDays(day, -((weekday(day) + 6) % 7));
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm:ss` at the given time of the day (midnight by default). */
export function localDateTime(day: CalendarDay, hour = 0): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}T${pad(hour)}:00:00`;
}

export function dayRange(from: CalendarDay, toExclusive: CalendarDay): LocalRange {
  return { from: localDateTime(from), to: localDateTime(toExclusive) };
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** "2025-12-01" for a day; for readable descriptions. */
export function isoDay(day: CalendarDay): string {
  return localDateTime(day).slice(0, 10);
}
