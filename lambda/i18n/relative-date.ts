import { addDays, compareDates, isoWeekday, type CalendarDate } from '../../common/calendar';
import type { DatePhrase } from '../../common/calendar';

/** Where a date lies from the user's today, in the words people use: this, last or next (week, weekend), a day. */
export type Nearness = 'this' | 'last' | 'next' | 'yesterday' | 'today' | 'tomorrow';

const sameDay = (a: CalendarDate, b: CalendarDate): boolean => compareDates(a, b) === 0;

/**
 * A date phrase said relative to today when people would ("this weekend", "last week", "tomorrow"); undefined when
 * they would name it ("the weekend of 12 December", "summer 2025", "2025": a year said by number stays a number).
 */
export function nearnessOf(phrase: DatePhrase, today: CalendarDate): Nearness | undefined {
  switch (phrase.kind) {
    case 'today':
      return 'today';
    case 'day':
      if (sameDay(phrase.date, today)) return 'today';
      if (sameDay(phrase.date, addDays(today, 1))) return 'tomorrow';
      if (sameDay(phrase.date, addDays(today, -1))) return 'yesterday';
      return undefined;
    case 'around-day':
    case 'part-of-day':
      // "yesterday" alone would drop the hours asked: the part of the day is said by its date.
      return undefined;
    case 'weekend':
    case 'week': {
      const monday = addDays(today, 1 - isoWeekday(today));
      const start = phrase.kind === 'week' ? phrase.monday : addDays(phrase.saturday, -5);
      if (sameDay(start, monday)) return 'this';
      if (sameDay(start, addDays(monday, -7))) return 'last';
      if (sameDay(start, addDays(monday, 7))) return 'next';
      return undefined;
    }
    case 'month':
    case 'season':
    case 'quarter':
    case 'year':
    case 'decade':
    case 'span':
    case 'recent':
    case 'every-day':
    case 'every-month':
    case 'every-season':
    case 'holiday':
    case 'every-holiday':
      return undefined;
  }
}
