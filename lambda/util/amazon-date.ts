import {
  addDays,
  addMonths,
  calendarDate,
  compareDates,
  fromUtcDate,
  isoWeekMonday,
  startOfDayLocal,
  type CalendarDate,
} from './calendar';

/** A resolved AMAZON.DATE: a capture-local [takenFrom, takenTo) range plus how to say it back. */
export interface DateRange {
  takenFrom: string;
  takenTo: string;
  spoken: string;
}

const MONTH_NAMES = [
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

/** Northern meteorological seasons: first month and the name used in speech. */
const SEASONS = {
  SP: { firstMonth: 3, name: 'spring' },
  SU: { firstMonth: 6, name: 'summer' },
  FA: { firstMonth: 9, name: 'fall' },
  WI: { firstMonth: 12, name: 'winter' },
} as const;
type SeasonCode = keyof typeof SEASONS;

/** Forms that Alexa resolves to the next occurrence and that photos (always in the past) mean the last one of. */
type Kind = 'day' | 'week' | 'weekend' | 'month' | 'year' | 'season' | 'decade' | 'present';
const MOVABLE_INTO_PAST: ReadonlySet<Kind> = new Set<Kind>(['day', 'month', 'season']);

interface Period {
  kind: Kind;
  from: CalendarDate;
  /** Exclusive. */
  to: CalendarDate;
  spoken(from: CalendarDate): string;
}

/**
 * Converts an AMAZON.DATE slot value (as Alexa sends it) into a photo date range, or undefined when the value is
 * not a form we understand. `today` is the skill's current date: a day, month or season that starts after it is
 * moved back a year, because "show photos from july" in November means the July that has happened.
 */
export function dateRangeOf(value: string, today: Date): DateRange | undefined {
  const period = parsePeriod(value.trim().toUpperCase(), fromUtcDate(today));
  if (!period) return undefined;
  const inPast = intoPast(period, fromUtcDate(today));
  return {
    takenFrom: startOfDayLocal(inPast.from),
    takenTo: startOfDayLocal(inPast.to),
    spoken: period.spoken(inPast.from),
  };
}

function intoPast(period: Period, today: CalendarDate): Period {
  if (!MOVABLE_INTO_PAST.has(period.kind) || compareDates(period.from, today) <= 0) return period;
  const lastYear = (date: CalendarDate): CalendarDate =>
    // Feb 29 has no counterpart a year earlier; Feb 28 is the closest real day.
    calendarDate(date.year - 1, date.month, date.day) ?? { year: date.year - 1, month: 2, day: 28 };
  return { ...period, from: lastYear(period.from), to: lastYear(period.to) };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})(-WE)?$/;
const MONTH = /^(\d{4})-(\d{2})(?:-XX)?$/;
const YEAR = /^(\d{4})(?:-XX-XX)?$/;
const SEASON = /^(\d{4})-(SP|SU|FA|WI)$/;
const DECADE = /^(\d{3})X$/;

function parsePeriod(value: string, today: CalendarDate): Period | undefined {
  if (value === 'PRESENT_REF') {
    return { kind: 'present', from: today, to: addDays(today, 1), spoken: () => 'today' };
  }
  let match = DAY.exec(value);
  if (match) {
    const from = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return from && { kind: 'day', from, to: addDays(from, 1), spoken: spokenDay };
  }
  match = WEEK.exec(value);
  if (match) {
    const monday = isoWeekMonday(Number(match[1]), Number(match[2]));
    if (!monday) return undefined;
    if (match[3]) {
      const saturday = addDays(monday, 5);
      return {
        kind: 'weekend',
        from: saturday,
        to: addDays(monday, 7),
        spoken: (from) => `the weekend of ${spokenDay(from)}`,
      };
    }
    return {
      kind: 'week',
      from: monday,
      to: addDays(monday, 7),
      spoken: (from) => `the week of ${spokenDay(from)}`,
    };
  }
  match = MONTH.exec(value);
  if (match) {
    const from = calendarDate(Number(match[1]), Number(match[2]), 1);
    return from && { kind: 'month', from, to: addMonths(from, 1), spoken: spokenMonth };
  }
  match = YEAR.exec(value);
  if (match) {
    const year = Number(match[1]);
    return {
      kind: 'year',
      from: { year, month: 1, day: 1 },
      to: { year: year + 1, month: 1, day: 1 },
      spoken: (from) => String(from.year),
    };
  }
  match = SEASON.exec(value);
  if (match) {
    const season = SEASONS[match[2] as SeasonCode];
    const from: CalendarDate = { year: Number(match[1]), month: season.firstMonth, day: 1 };
    return {
      kind: 'season',
      from,
      to: addMonths(from, 3),
      spoken: (start) => `${season.name} ${start.year}`,
    };
  }
  match = DECADE.exec(value);
  if (match) {
    const year = Number(match[1]) * 10;
    return {
      kind: 'decade',
      from: { year, month: 1, day: 1 },
      to: { year: year + 10, month: 1, day: 1 },
      spoken: () => `the ${year}s`,
    };
  }
  return undefined;
}

function spokenDay(date: CalendarDate): string {
  return `${MONTH_NAMES[date.month - 1]} ${date.day}, ${date.year}`;
}

function spokenMonth(date: CalendarDate): string {
  return `${MONTH_NAMES[date.month - 1]} ${date.year}`;
}
