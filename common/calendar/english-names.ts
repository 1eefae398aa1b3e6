import { addDays, compareDates, mondayOf, type CalendarDate, type CalendarUnit } from './calendar-date';
import type { DatedHoliday, HolidayId } from './holidays';
import type { DatePhrase } from './resolved-date';

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

export const HOLIDAY_NAMES: Readonly<Record<DatedHoliday | HolidayId, string>> = {
  CHRISTMAS: 'Christmas',
  CHRISTMAS_DAY: 'Christmas Day',
  CHRISTMAS_EVE: 'Christmas Eve',
  NEW_YEARS_EVE: "New Year's Eve",
  NEW_YEARS_DAY: "New Year's Day",
  THANKSGIVING: 'Thanksgiving',
  EASTER: 'Easter',
  HALLOWEEN: 'Halloween',
  VALENTINES_DAY: "Valentine's Day",
  MOTHERS_DAY: "Mother's Day",
  FATHERS_DAY: "Father's Day",
  INDEPENDENCE_DAY: 'Independence Day',
  MEMORIAL_DAY: 'Memorial Day',
  LABOR_DAY: 'Labor Day',
  BIRTHDAY: 'birthdays',
};

const QUARTERS = ['first', 'second', 'third', 'fourth'];

/** "month", "2 weeks": the length of a rolling window in English ("the past month", "from the past 2 weeks"). */
export function recentUnits(count: number, unit: CalendarUnit): string {
  return count === 1 ? unit : `${count} ${unit}s`;
}

const dayName = (date: CalendarDate): string => `${monthName(date.month)} ${date.day}, ${date.year}`;
const same = (a: CalendarDate, b: CalendarDate): boolean => compareDates(a, b) === 0;

/**
 * How a date is named in English, relative to `today` where people say it so ("last weekend", "yesterday"),
 * otherwise absolutely ("summer 2026", "Christmas 2025", "July 4, 2021"). The skill's locales phrase DatePhrase
 * themselves; this is for the library's answers and for naming the occurrence offered instead of a future one.
 */
export function englishNameOf(phrase: DatePhrase, today: CalendarDate): string {
  switch (phrase.kind) {
    case 'today':
      return 'today';
    case 'day':
      if (same(phrase.date, today)) return 'today';
      if (same(phrase.date, addDays(today, -1))) return 'yesterday';
      return dayName(phrase.date);
    case 'part-of-day':
      if (same(phrase.date, today)) return phrase.part === 'night' ? 'tonight' : `this ${phrase.part}`;
      if (same(phrase.date, addDays(today, -1))) {
        return phrase.part === 'night' ? 'last night' : `yesterday ${phrase.part}`;
      }
      return `the ${phrase.part} of ${dayName(phrase.date)}`;
    case 'around-day':
      return `around ${dayName(phrase.date)}`;
    case 'week':
      if (same(phrase.monday, mondayOf(today))) return 'this week';
      if (same(phrase.monday, addDays(mondayOf(today), -7))) return 'last week';
      return `the week of ${dayName(phrase.monday)}`;
    case 'weekend': {
      const thisSaturday = addDays(mondayOf(today), 5);
      if (same(phrase.saturday, thisSaturday)) return 'this weekend';
      if (same(phrase.saturday, addDays(thisSaturday, -7))) return 'last weekend';
      return `the weekend of ${dayName(phrase.saturday)}`;
    }
    case 'month':
      return `${monthName(phrase.month)} ${phrase.year}`;
    case 'season':
      return `${phrase.season} ${phrase.year}`;
    case 'quarter':
      return `the ${QUARTERS[phrase.quarter - 1] ?? phrase.quarter} quarter of ${phrase.year}`;
    case 'year':
      return String(phrase.year);
    case 'decade':
      return `the ${phrase.firstYear}s`;
    case 'span':
      return englishSpan(phrase, monthName, (date) => `${monthName(date.month)} ${date.day}`, dayName);
    case 'recent':
      return `the past ${recentUnits(phrase.count, phrase.unit)}`;
    case 'every-day':
      return phrase.onThisDay ? 'on this day' : `every ${monthName(phrase.month)} ${phrase.day}`;
    case 'every-month':
      return `every ${monthName(phrase.month)}`;
    case 'every-season':
      return `every ${phrase.season}`;
    case 'holiday':
      return `${HOLIDAY_NAMES[phrase.holiday]} ${phrase.year}`;
    case 'every-holiday':
      return `every ${HOLIDAY_NAMES[phrase.holiday]}`;
  }
}

/**
 * A span by its two ends, the shared year said once: "2018 to 2020", "June to August 2025", "November 2025 to
 * February 2026", "June 3 to June 10, 2026". The day and month forms are the caller's (en-GB puts the day first).
 */
export function englishSpan(
  span: Extract<DatePhrase, { kind: 'span' }>,
  month: (m: number) => string,
  monthDay: (date: CalendarDate) => string,
  day: (date: CalendarDate) => string,
): string {
  const { first, last } = span;
  const sameYear = first.year === last.year;
  switch (span.unit) {
    case 'year':
      return `${first.year} to ${last.year}`;
    case 'month':
      return sameYear
        ? `${month(first.month)} to ${month(last.month)} ${last.year}`
        : `${month(first.month)} ${first.year} to ${month(last.month)} ${last.year}`;
    case 'day':
      return `${sameYear ? monthDay(first) : day(first)} to ${day(last)}`;
  }
}
