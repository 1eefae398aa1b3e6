import { addDays, easterSunday, nthWeekdayOfMonth, startOfDayLocal, type CalendarDate } from './calendar';
import { multipleRanges, RECURRING_YEARS, type LocalRange, type ResolvedDate } from './resolved-date';

/** HOLIDAY slot entity ids. Stable: the interaction models and stored requests use them. */
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

/** Birthdays have no calendar date; they are found by the library's "birthday" label instead. */
export const BIRTHDAY_LABEL = 'birthday';

export function isHolidayId(id: string): id is HolidayId {
  return (HOLIDAY_IDS as readonly string[]).includes(id);
}

type DayRule = (year: number) => CalendarDate;
const fixed =
  (month: number, day: number): DayRule =>
  (year) => ({ year, month, day });
const SUNDAY = 7;
const MONDAY = 1;
const THURSDAY = 4;

/**
 * Holidays whose date depends on the country: Canada's Thanksgiving is in October, Britain's Mothering Sunday is
 * three weeks before Easter, Australia's Father's Day is in September, Germany's Vatertag is Ascension Day and its
 * "Erntedank" (what the German model calls THANKSGIVING) the first Sunday of October.
 */
const LOCAL_RULES: Readonly<Record<string, Partial<Record<HolidayId, DayRule>>>> = {
  'en-CA': { THANKSGIVING: (year) => nthWeekdayOfMonth(year, 10, MONDAY, 2) },
  'en-GB': { MOTHERS_DAY: (year) => addDays(easterSunday(year), -21) },
  'en-AU': { FATHERS_DAY: (year) => nthWeekdayOfMonth(year, 9, SUNDAY, 1) },
  'de-DE': {
    FATHERS_DAY: (year) => addDays(easterSunday(year), 39),
    THANKSGIVING: (year) => nthWeekdayOfMonth(year, 10, SUNDAY, 1),
  },
};

const RULES: Readonly<Record<Exclude<HolidayId, 'BIRTHDAY'>, DayRule>> = {
  CHRISTMAS: fixed(12, 25),
  CHRISTMAS_EVE: fixed(12, 24),
  NEW_YEARS_EVE: fixed(12, 31),
  NEW_YEARS_DAY: fixed(1, 1),
  THANKSGIVING: (year) => nthWeekdayOfMonth(year, 11, THURSDAY, 4),
  EASTER: easterSunday,
  HALLOWEEN: fixed(10, 31),
  VALENTINES_DAY: fixed(2, 14),
  MOTHERS_DAY: (year) => nthWeekdayOfMonth(year, 5, SUNDAY, 2),
  FATHERS_DAY: (year) => nthWeekdayOfMonth(year, 6, SUNDAY, 3),
};

/** The capture-local window of a holiday in a year, as celebrated in the locale; undefined for birthdays. */
export function holidayWindow(id: HolidayId, year: number, locale: string): LocalRange | undefined {
  if (id === 'BIRTHDAY') return undefined;
  const day = (LOCAL_RULES[locale]?.[id] ?? RULES[id])(year);
  const from = startOfDayLocal(day);
  // The party goes on past midnight: the small hours of January 1st still belong to New Year's Eve.
  if (id === 'NEW_YEARS_EVE') return { from, to: `${year + 1}-01-01T06:00:00` };
  return { from, to: startOfDayLocal(addDays(day, 1)) };
}

export interface HolidayRequest {
  holiday: HolidayId;
  locale: string;
  today: CalendarDate;
  /** "every Christmas": one window per year. */
  every: boolean;
  /** A date slot said with it ("Christmas 2019", "Easter in the 2010s"): only occurrences inside it. */
  within?: { takenFrom: string; takenTo: string };
}

/**
 * A holiday slot as photo windows: the most recent one that has begun ("last Christmas", "Christmas"), every one of
 * the last 20 years ("every Christmas"), or those inside a given date. Undefined for birthdays (no date) and when
 * no occurrence falls inside `within` ("Christmas in July").
 */
export function resolveHoliday(request: HolidayRequest): ResolvedDate | undefined {
  const { holiday, locale, today, within } = request;
  if (holiday === 'BIRTHDAY') return undefined;
  const todayStart = startOfDayLocal(today);
  if (within) {
    const firstYear = Number(within.takenFrom.slice(0, 4));
    const lastYear = Number(within.takenTo.slice(0, 4));
    const inside: LocalRange[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const window = holidayWindow(holiday, year, locale);
      if (window && window.from >= within.takenFrom && window.from < within.takenTo) inside.push(window);
    }
    const phrase =
      inside.length === 1
        ? { kind: 'holiday' as const, holiday, year: Number(inside[0]?.from.slice(0, 4)) }
        : { kind: 'every-holiday' as const, holiday };
    return multipleRanges(inside, phrase);
  }
  const started: LocalRange[] = [];
  const wanted = request.every ? RECURRING_YEARS : 1;
  for (let year = today.year; started.length < wanted && year > today.year - RECURRING_YEARS - 1; year--) {
    const window = holidayWindow(holiday, year, locale);
    if (window && window.from <= todayStart) started.push(window);
  }
  started.reverse();
  const first = started[0];
  if (!first) return undefined;
  return request.every
    ? multipleRanges(started, { kind: 'every-holiday', holiday })
    : multipleRanges(started, { kind: 'holiday', holiday, year: Number(first.from.slice(0, 4)) });
}
