import { calendarDate, compareDates, formatIsoDate, type CalendarDate } from '../../common/calendar';

/**
 * A month named without a year, as Alexa resolves it: this year's if it has not passed yet, else next year's
 * ("july" said in November means next July).
 */
export function yearOfNamedMonth(today: CalendarDate, month: number): number {
  return month >= today.month ? today.year : today.year + 1;
}

/**
 * A spoken day ("july 14", "14. juli 2025") as the ISO date Alexa sends: the stated year, else the next time that
 * day comes round (today included). Undefined for a day that does not exist (February 30).
 */
export function namedDayValue(
  today: CalendarDate,
  month: number,
  day: number,
  explicitYear: number | undefined,
): string | undefined {
  if (explicitYear !== undefined) {
    const date = calendarDate(explicitYear, month, day);
    return date && formatIsoDate(date);
  }
  const thisYear = calendarDate(today.year, month, day);
  if (thisYear && compareDates(thisYear, today) >= 0) return formatIsoDate(thisYear);
  const nextYear = calendarDate(today.year + 1, month, day);
  return nextYear && formatIsoDate(nextYear);
}
