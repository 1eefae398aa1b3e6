import {
  addDays,
  addMonths,
  calendarDate,
  isoWeekday,
  isoWeekMonday,
  isoWeekOf,
  localDateTime,
  type CalendarDate,
} from './calendar-date';
import { englishNameOf } from './english-names';
import type { Hemisphere } from './hemisphere';
import type { LocalRange } from './local-range';
import {
  hasStarted,
  multipleRanges,
  RECURRING_YEARS,
  singleRange,
  type DatePhrase,
  type FutureDate,
  type ResolvedDate,
} from './resolved-date';
import { seasonOfCode, seasonWindow, type SeasonCode } from './seasons';

/** What a date is resolved against: the user's calendar day (in their time zone) and their seasons. */
export interface DateContext {
  today: CalendarDate;
  hemisphere: Hemisphere;
}

/** One window of a fixed-length period, and how to step back to its earlier occurrence. */
export interface Period {
  from: CalendarDate;
  to: CalendarDate;
  phrase: DatePhrase;
  /** The occurrence before this one, or undefined when the period never recurs (a year, a decade, today). */
  previous?: () => Period | undefined;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{1,2})(-WE)?$/;
/** `YYYY-MM`; non-English locales send `YYYY-MM-XX`. */
const MONTH = /^(\d{4})-(\d{2})(?:-XX)?$/;
/** `YYYY`; non-English locales send `YYYY-XX-XX`. */
const YEAR = /^(\d{4})(?:-XX(?:-XX)?)?$/;
const SEASON = /^(\d{4})-(SP|SU|FA|WI)$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DECADE = /^(\d{3})X$/;
const EVERY_DAY = /^XXXX-(\d{2})-(\d{2})$/;
const EVERY_MONTH = /^XXXX-(\d{2})(?:-XX)?$/;
const EVERY_SEASON = /^XXXX-(SP|SU|FA|WI)$/;

/**
 * Converts an AMAZON.DATE slot value, as Alexa sends it, into capture-local photo windows; undefined when the value
 * is not a form Alexa sends. A window that has not started yet (Alexa resolves "this weekend" on a Wednesday, "july"
 * in March and "next winter" forward) stays as asked, marked `future`, with its most recent occurrence that has
 * begun as the one to offer: the same day, month, season or quarter a year earlier, the weekend a week earlier.
 */
export function resolveAmazonDate(value: string, context: DateContext): ResolvedDate | undefined {
  const normalized = value.trim().toUpperCase();
  const recurring = everyYear(normalized, context);
  if (recurring) return recurring;
  const period = parsePeriod(normalized, context);
  return period && resolvePeriod(period, context.today);
}

/** A period as asked, marked `future` with its previous occurrence when none of it has begun by today. */
export function resolvePeriod(period: Period, today: CalendarDate): ResolvedDate {
  const asked = singleRange(period.from, period.to, period.phrase);
  if (hasStarted(period.from, today)) return asked;
  return { ...asked, future: futureOf(period, today) };
}

function futureOf(period: Period, today: CalendarDate): FutureDate {
  let earlier: Period | undefined = period;
  // A few steps suffice for anything Alexa sends; the bound guards against a pathological far-future value.
  for (let step = 0; step < 200 && earlier && !hasStarted(earlier.from, today); step++) {
    earlier = earlier.previous?.();
  }
  if (!earlier || !hasStarted(earlier.from, today)) return {};
  return {
    previous: {
      ...singleRange(earlier.from, earlier.to, earlier.phrase),
      name: englishNameOf(earlier.phrase, today),
    },
  };
}

function parsePeriod(value: string, context: DateContext): Period | undefined {
  if (value === 'PRESENT_REF') {
    return { from: context.today, to: addDays(context.today, 1), phrase: { kind: 'today' } };
  }
  let match = DAY.exec(value);
  if (match) {
    const date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date && dayPeriod(date);
  }
  match = WEEK.exec(value);
  if (match) return weekPeriod(Number(match[1]), Number(match[2]), Boolean(match[3]), context.today);
  match = MONTH.exec(value);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? monthPeriod(Number(match[1]), month) : undefined;
  }
  match = YEAR.exec(value);
  if (match) return yearPeriod(Number(match[1]));
  match = SEASON.exec(value);
  if (match) return seasonPeriod(Number(match[1]), match[2] as SeasonCode, context.hemisphere);
  match = QUARTER.exec(value);
  if (match) return quarterPeriod(Number(match[1]), Number(match[2]));
  match = DECADE.exec(value);
  if (match) return decadePeriod(Number(match[1]) * 10);
  return undefined;
}

const jan1 = (year: number): CalendarDate => ({ year, month: 1, day: 1 });

export function yearPeriod(year: number): Period {
  return { from: jan1(year), to: jan1(year + 1), phrase: { kind: 'year', year } };
}

export function decadePeriod(firstYear: number): Period {
  return { from: jan1(firstYear), to: jan1(firstYear + 10), phrase: { kind: 'decade', firstYear } };
}

export function dayPeriod(date: CalendarDate): Period {
  return {
    from: date,
    to: addDays(date, 1),
    phrase: { kind: 'day', date },
    previous: () =>
      // February 29th has no counterpart a year earlier; the 28th is the closest real day.
      dayPeriod(
        calendarDate(date.year - 1, date.month, date.day) ?? { year: date.year - 1, month: 2, day: 28 },
      ),
  };
}

/** An ISO week (Monday to Monday) or its weekend: Saturday 00:00 to Monday 00:00 local, two days. */
export function weekPeriod(
  year: number,
  week: number,
  weekend: boolean,
  today: CalendarDate,
): Period | undefined {
  const monday = isoWeekMonday(year, week);
  if (!monday) return undefined;
  const from = weekend ? addDays(monday, 5) : monday;
  return {
    from,
    to: addDays(monday, 7),
    phrase: weekend ? { kind: 'weekend', saturday: from } : { kind: 'week', monday },
    // A weekend still to come ("this weekend" on a Wednesday, "next weekend") is offered as the last one that has
    // begun. A week further out than the next (a named week of the year) recurs yearly: the same ISO week number a
    // year earlier (week 52 when that year has no week 53).
    previous: () => {
      if (weekend) return latestWeekendPeriod(today);
      if (hasStarted(from, addDays(today, 7))) {
        const aWeekBack = isoWeekOf(addDays(monday, -7));
        return weekPeriod(aWeekBack.year, aWeekBack.week, weekend, today);
      }
      return weekPeriod(year - 1, isoWeekMonday(year - 1, week) ? week : 52, weekend, today);
    },
  };
}

/** The most recent weekend that has begun: this one on a Saturday or Sunday, else last weekend. */
function latestWeekendPeriod(today: CalendarDate): Period | undefined {
  const thisSaturday = addDays(today, 6 - isoWeekday(today));
  const { year, week } = isoWeekOf(isoWeekday(today) >= 6 ? thisSaturday : addDays(thisSaturday, -7));
  return weekPeriod(year, week, true, today);
}

/** The weekend (Saturday and Sunday) a Saturday starts. */
export function weekendPeriod(saturday: CalendarDate, today: CalendarDate): Period | undefined {
  const { year, week } = isoWeekOf(saturday);
  return weekPeriod(year, week, true, today);
}

export function monthPeriod(year: number, month: number): Period {
  const from: CalendarDate = { year, month, day: 1 };
  return {
    from,
    to: addMonths(from, 1),
    phrase: { kind: 'month', year, month },
    previous: () => monthPeriod(year - 1, month),
  };
}

/** `YYYY-SU` is the summer that starts in YYYY: June in the north, December (running into YYYY+1) in the south. */
export function seasonPeriod(year: number, code: SeasonCode, hemisphere: Hemisphere): Period {
  const season = seasonOfCode(code);
  const { from, to } = seasonWindow(season, year, hemisphere);
  return {
    from,
    to,
    phrase: { kind: 'season', season, year },
    previous: () => seasonPeriod(year - 1, code, hemisphere),
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const from: CalendarDate = { year, month: (quarter - 1) * 3 + 1, day: 1 };
  return {
    from,
    to: addMonths(from, 3),
    phrase: { kind: 'quarter', year, quarter },
    previous: () => quarterPeriod(year - 1, quarter),
  };
}

/** `XXXX-07-04` ("every fourth of July"), `XXXX-07`, `XXXX-SU`: one window per year, the last 20 that have started. */
function everyYear(value: string, context: DateContext): ResolvedDate | undefined {
  let windowIn: ((year: number) => Period | undefined) | undefined;
  let phrase: DatePhrase | undefined;
  let match = EVERY_DAY.exec(value);
  if (match) {
    const month = Number(match[1]);
    const day = Number(match[2]);
    // Feb 29 exists only in leap years; every other year simply has no window.
    if (!calendarDate(2000, month, day)) return undefined;
    windowIn = (year) => {
      const date = calendarDate(year, month, day);
      return date && dayPeriod(date);
    };
    phrase = { kind: 'every-day', month, day };
  }
  match = windowIn ? null : EVERY_MONTH.exec(value);
  if (match) {
    const month = Number(match[1]);
    if (month < 1 || month > 12) return undefined;
    windowIn = (year) => monthPeriod(year, month);
    phrase = { kind: 'every-month', month };
  }
  match = windowIn ? null : EVERY_SEASON.exec(value);
  if (match) {
    const code = match[1] as SeasonCode;
    windowIn = (year) => seasonPeriod(year, code, context.hemisphere);
    phrase = { kind: 'every-season', season: seasonOfCode(code) };
  }
  if (!windowIn || !phrase) return undefined;
  return multipleRanges(lastStartedWindows(windowIn, context.today), phrase);
}

/** The most recent RECURRING_YEARS yearly windows that have started by today, oldest first. */
export function lastStartedWindows(
  windowIn: (year: number) => { from: CalendarDate; to: CalendarDate } | undefined,
  today: CalendarDate,
): LocalRange[] {
  const ranges: LocalRange[] = [];
  // Leap-day windows skip years, so look back far enough to still collect RECURRING_YEARS of them.
  for (
    let year = today.year;
    year > today.year - 4 * RECURRING_YEARS && ranges.length < RECURRING_YEARS;
    year--
  ) {
    const window = windowIn(year);
    if (window && hasStarted(window.from, today)) {
      ranges.push({ from: localDateTime(window.from), to: localDateTime(window.to) });
    }
  }
  return ranges.reverse();
}
