import { badRequest } from '../errors';
import type { CalendarDate } from './calendar-date';

/** The wall clock of the user at an instant. */
export interface LocalNow extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The user's wall clock at `reference` in an IANA zone. Throws INVALID_TIME_ZONE (400) on an unknown zone. */
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

/** The calendar day it is at `now` in an IANA zone: the user's "today". Throws INVALID_TIME_ZONE on an unknown zone. */
export function calendarDateIn(now: Date, timeZone: string): CalendarDate {
  const { year, month, day } = localNow(now, timeZone);
  return { year, month, day };
}
