import { addDays, localDateTime, nthWeekdayOfMonth, type CalendarDate } from './calendar-date';
import { easterSunday } from './easter';
import type { LocalRange } from './local-range';

/**
 * The HOLIDAY slot's entity ids. Stable: the interaction models and stored requests use them. BIRTHDAY has no
 * calendar date (the library finds it by its label); "on this day" is a month-day window, not a holiday, and its
 * slot id is ON_THIS_DAY (see on-this-day.ts).
 */
export const HOLIDAY_IDS = [
  'CHRISTMAS',
  'CHRISTMAS_EVE',
  'NEW_YEARS_EVE',
  'NEW_YEARS_DAY',
  'THANKSGIVING',
  'EASTER',
  'HALLOWEEN',
  'VALENTINES_DAY',
  'MOTHERS_DAY',
  'FATHERS_DAY',
  'BIRTHDAY',
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

/** Every holiday with a date: the slot's, plus days free text names that no slot value has. */
export type DatedHoliday =
  Exclude<HolidayId, 'BIRTHDAY'> | 'CHRISTMAS_DAY' | 'INDEPENDENCE_DAY' | 'MEMORIAL_DAY' | 'LABOR_DAY';

export function isDatedHoliday(id: string): id is DatedHoliday {
  return Object.hasOwn(RULES, id);
}

/** The first day of a holiday in a year, and how many days it lasts (or until when, for one that ends at an hour). */
interface HolidayRule {
  firstDay: (year: number) => CalendarDate;
  days?: number;
  /** Ends at this hour of the day after its last day ("the small hours" of New Year's Day). */
  endHour?: number;
}

const fixed =
  (month: number, day: number) =>
  (year: number): CalendarDate => ({ year, month, day });
const SUNDAY = 7;
const MONDAY = 1;
const THURSDAY = 4;

const RULES: Readonly<Record<DatedHoliday, HolidayRule>> = {
  // Christmas Eve dinner and Boxing Day are Christmas photos: 24–26 December. "Christmas Day" is the 25th alone.
  CHRISTMAS: { firstDay: fixed(12, 24), days: 3 },
  CHRISTMAS_DAY: { firstDay: fixed(12, 25) },
  CHRISTMAS_EVE: { firstDay: fixed(12, 24) },
  // The party goes on past midnight: the small hours of January 1st still belong to New Year's Eve.
  NEW_YEARS_EVE: { firstDay: fixed(12, 31), endHour: 6 },
  NEW_YEARS_DAY: { firstDay: fixed(1, 1) },
  THANKSGIVING: { firstDay: (year) => nthWeekdayOfMonth(year, 11, THURSDAY, 4) },
  EASTER: { firstDay: easterSunday },
  HALLOWEEN: { firstDay: fixed(10, 31) },
  VALENTINES_DAY: { firstDay: fixed(2, 14) },
  MOTHERS_DAY: { firstDay: (year) => nthWeekdayOfMonth(year, 5, SUNDAY, 2) },
  FATHERS_DAY: { firstDay: (year) => nthWeekdayOfMonth(year, 6, SUNDAY, 3) },
  INDEPENDENCE_DAY: { firstDay: fixed(7, 4) },
  // The last Monday of May: a week before the first Monday of June.
  MEMORIAL_DAY: { firstDay: (year) => addDays(nthWeekdayOfMonth(year, 6, MONDAY, 1), -7) },
  LABOR_DAY: { firstDay: (year) => nthWeekdayOfMonth(year, 9, MONDAY, 1) },
};

/** Easter Sunday and Monday where Easter Monday is a public holiday (the family outing is on the Monday). */
const EASTER_WEEKEND: HolidayRule = { firstDay: easterSunday, days: 2 };

/**
 * Holidays whose date depends on the country: Canada's Thanksgiving is in October, Britain's Mothering Sunday is
 * three weeks before Easter, Australia's Father's Day is in September, Germany's Vatertag is Ascension Day and its
 * Erntedank (what the German model calls THANKSGIVING) the first Sunday of October.
 */
const LOCAL_RULES: Readonly<Record<string, Partial<Record<DatedHoliday, HolidayRule>>>> = {
  'en-CA': {
    THANKSGIVING: { firstDay: (year) => nthWeekdayOfMonth(year, 10, MONDAY, 2) },
    EASTER: EASTER_WEEKEND,
  },
  'en-GB': { MOTHERS_DAY: { firstDay: (year) => addDays(easterSunday(year), -21) }, EASTER: EASTER_WEEKEND },
  'en-AU': {
    FATHERS_DAY: { firstDay: (year) => nthWeekdayOfMonth(year, 9, SUNDAY, 1) },
    EASTER: EASTER_WEEKEND,
  },
  'de-DE': {
    FATHERS_DAY: { firstDay: (year) => addDays(easterSunday(year), 39) },
    THANKSGIVING: { firstDay: (year) => nthWeekdayOfMonth(year, 10, SUNDAY, 1) },
    EASTER: EASTER_WEEKEND,
  },
};

/** Whose holiday dates words in a language follow: German ones in German, else the US calendar. */
export function holidayLocaleOf(language: 'en' | 'de' | undefined): 'en-US' | 'de-DE' {
  return language === 'de' ? 'de-DE' : 'en-US';
}

/** The capture-local window of a holiday in a year, as celebrated in the locale (US rules for others). */
export function holidayWindow(holiday: DatedHoliday, year: number, locale = 'en-US'): LocalRange {
  const rule = LOCAL_RULES[locale]?.[holiday] ?? RULES[holiday];
  const first = rule.firstDay(year);
  const last = addDays(first, (rule.days ?? 1) - 1);
  return { from: localDateTime(first), to: localDateTime(addDays(last, 1), rule.endHour ?? 0) };
}
