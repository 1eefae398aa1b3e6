import { addDays, addMonths, addYears, dayRange, isoDay, mondayOf, type CalendarDay } from './calendar';
import type { DateContext } from './date-context';
import { describeRange } from './describe-range';
import { HOLIDAY_PHRASES, holidayOfWords } from './holidays';
import { COUNT_PATTERN, countOf } from './number-words';
import { currentOccurrence, lastOccurrence, nextOccurrence, type RecurringEvent } from './recurring-events';
import { SEASON_WORDS, seasonEvent, seasonOfWord } from './seasons';
import type { LocalRange, MonthDayReading } from './types';

/** What one date expression means, before the parser combines several. */
export type DateFinding =
  | { type: 'ranges'; description: string; ranges: LocalRange[] }
  /** "every christmas", or a bare "summer": which years is decided with the rest of the text and the library. */
  | { type: 'every'; description: string; event: RecurringEvent }
  | { type: 'month-day'; window: MonthDayReading };

type Groups = readonly (string | undefined)[];

export interface DatePattern {
  /** Over normalized words (see tokens.ts), whole words only. */
  pattern: string;
  read: (groups: Groups, context: DateContext) => DateFinding | undefined;
  /** A bare year runs after chrono-node, so "july 2019" stays one month rather than a month and a year. */
  afterChrono?: boolean;
}

const YEAR = '(?:18|19|20)\\d\\d';
const EVENT = [...HOLIDAY_PHRASES, ...SEASON_WORDS].sort((a, b) => b.length - a.length).join('|');
const EVERY = 'every|each|all of the|all the|all our|all my|all';
const UNIT = 'years?|months?|weeks?|days?';
const ON_THIS_DAY_TAIL = 'history|past years|previous years|other years|years past|the past|years gone by';

type Unit = 'year' | 'month' | 'week' | 'day';

function unitOf(word: string | undefined): Unit | undefined {
  const singular = word?.replace(/s$/, '');
  return singular === 'year' || singular === 'month' || singular === 'week' || singular === 'day'
    ? singular
    : undefined;
}

function unitStart(day: CalendarDay, unit: Unit): CalendarDay {
  switch (unit) {
    case 'year':
      return { year: day.year, month: 1, day: 1 };
    case 'month':
      return { year: day.year, month: day.month, day: 1 };
    case 'week':
      return mondayOf(day);
    case 'day':
      return day;
  }
}

function addUnits(day: CalendarDay, unit: Unit, count: number): CalendarDay {
  switch (unit) {
    case 'year':
      return addYears(day, count);
    case 'month':
      return addMonths(day, count);
    case 'week':
      return addDays(day, 7 * count);
    case 'day':
      return addDays(day, count);
  }
}

/** The whole year/month/week/day containing a day. */
function unitRange(day: CalendarDay, unit: Unit): LocalRange {
  const start = unitStart(day, unit);
  return dayRange(start, addUnits(start, unit, 1));
}

function ranges(range: LocalRange, description = describeRange(range)): DateFinding {
  return { type: 'ranges', description, ranges: [range] };
}

function eventOf(words: string | undefined, context: DateContext): RecurringEvent | undefined {
  if (words === undefined) return undefined;
  const holiday = holidayOfWords(words);
  if (holiday) return holiday;
  const season = seasonOfWord(words);
  return season && seasonEvent(season, context.hemisphere);
}

function occurrence(event: RecurringEvent, range: LocalRange): DateFinding {
  return ranges(range, `${event.name} ${range.from.slice(0, 4)}`);
}

/** "this week 5 years ago": the same calendar days, that many years back. */
function sameDaysYearsAgo(what: string | undefined, years: number, context: DateContext): DateFinding {
  if (what === 'this week') {
    const from = addYears(mondayOf(context.today), -years);
    return ranges(dayRange(from, addDays(from, 7)), `the week of ${isoDay(from)}`);
  }
  if (what === 'this month') return ranges(unitRange(addYears(context.today, -years), 'month'));
  return ranges(unitRange(addYears(context.today, -years), 'day'));
}

/** "the 90s" is the latest such decade that has begun: 1990s; "the twenties" in 2026 are the 2020s. */
function decadeStart(twoDigits: number, context: DateContext): number {
  const recent = 2000 + twoDigits;
  return recent <= context.today.year ? recent : 1900 + twoDigits;
}

const DECADE_WORDS: Readonly<Record<string, number>> = {
  noughties: 0,
  aughts: 0,
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};

function decade(start: number): DateFinding {
  return ranges(
    dayRange({ year: start, month: 1, day: 1 }, { year: start + 10, month: 1, day: 1 }),
    `the ${start}s`,
  );
}

const SAME_DAYS = 'this week|this month|this day|this date|today';

/**
 * The date expressions chrono-node does not know, most specific first: a pattern only sees words no earlier one
 * took, so "christmas eve 2019" is one holiday in one year, not a holiday and a year.
 */
export const DATE_PATTERNS: readonly DatePattern[] = [
  {
    pattern: `(?:on )?(${SAME_DAYS}) (${COUNT_PATTERN}) years? ago`,
    read: ([what, count], context) => sameDaysYearsAgo(what, countOf(count) ?? 1, context),
  },
  {
    pattern: `(${COUNT_PATTERN}) years? ago (${SAME_DAYS})`,
    read: ([count, what], context) => sameDaysYearsAgo(what, countOf(count) ?? 1, context),
  },
  {
    pattern: `(?:on )?(${SAME_DAYS}) last year`,
    read: ([what], context) => sameDaysYearsAgo(what, 1, context),
  },
  {
    pattern: `(?:on )?(?:this day|this date|today) in (?:${ON_THIS_DAY_TAIL})|(?:on )?this (?:day|date)`,
    read: (_groups, { today }) => ({
      type: 'month-day',
      window: { month: today.month, day: today.day, plusMinusDays: 0 },
    }),
  },
  {
    pattern: `(?:this|the) week in (?:${ON_THIS_DAY_TAIL})`,
    read: (_groups, { today }) => ({
      type: 'month-day',
      window: { month: today.month, day: today.day, plusMinusDays: 3 },
    }),
  },
  {
    pattern: '(?:around )?this time of (?:the )?year',
    read: (_groups, { today }) => ({
      type: 'month-day',
      window: { month: today.month, day: today.day, plusMinusDays: 14 },
    }),
  },
  {
    pattern: `(?:${EVERY}) (${EVENT})s?`,
    read: ([words], context) => {
      const event = eventOf(words, context);
      return event && { type: 'every', description: `every ${event.name}`, event };
    },
  },
  {
    pattern: `(last|past|previous|this|next) (${EVENT})`,
    read: ([which, words], context) => {
      const event = eventOf(words, context);
      if (!event) return undefined;
      const { todayStart, today } = context;
      if (which === 'this') return occurrence(event, currentOccurrence(event, todayStart, today.year));
      if (which === 'next') return occurrence(event, nextOccurrence(event, todayStart, today.year));
      return occurrence(event, lastOccurrence(event, todayStart, today.year));
    },
  },
  {
    pattern: `(${EVENT}) (?:of |in )?(${YEAR})`,
    read: ([words, year], context) => {
      const event = eventOf(words, context);
      return event && occurrence(event, event.inYear(Number(year)));
    },
  },
  {
    pattern: `(${YEAR}) (${EVENT})`,
    read: ([year, words], context) => {
      const event = eventOf(words, context);
      return event && occurrence(event, event.inYear(Number(year)));
    },
  },
  {
    pattern: `(${EVENT})s?`,
    read: ([words], context) => {
      const event = eventOf(words, context);
      return event && { type: 'every', description: `every ${event.name}`, event };
    },
  },
  {
    pattern: `(?:the )?(?:last|past) (${COUNT_PATTERN}) (${UNIT})`,
    read: ([count, unitWord], { today }) => {
      const unit = unitOf(unitWord);
      const n = countOf(count);
      if (!unit || n === undefined) return undefined;
      const range = dayRange(addUnits(today, unit, -n), addDays(today, 1));
      return ranges(range, `the last ${n} ${unit}${n === 1 ? '' : 's'}`);
    },
  },
  {
    pattern: '(last|past|previous|this) (year|month|week)',
    read: ([which, unitWord], { today }) => {
      const unit = unitOf(unitWord);
      if (!unit) return undefined;
      return ranges(unitRange(which === 'this' ? today : addUnits(today, unit, -1), unit));
    },
  },
  {
    pattern: `(${COUNT_PATTERN}) (${UNIT}) ago`,
    read: ([count, unitWord], { today }) => {
      const unit = unitOf(unitWord);
      const n = countOf(count);
      return unit && n !== undefined ? ranges(unitRange(addUnits(today, unit, -n), unit)) : undefined;
    },
  },
  {
    pattern: '(today|yesterday)',
    read: ([which], { today }) => ranges(unitRange(which === 'today' ? today : addDays(today, -1), 'day')),
  },
  {
    pattern: `(?:the )?(${Object.keys(DECADE_WORDS).join('|')})`,
    read: ([word], context) => decade(decadeStart(DECADE_WORDS[word ?? ''] ?? 0, context)),
  },
  {
    pattern: '(?:the )?((?:18|19|20)?\\d0)s',
    read: ([digits], context) => {
      const value = Number(digits);
      return decade(digits !== undefined && digits.length === 4 ? value : decadeStart(value, context));
    },
  },
  {
    // "2019 and 2021" alone is two years, not the three from 2019 to 2021.
    pattern: `(?:from )?(${YEAR}) (?:to|until|till|through|thru) (${YEAR})|between (${YEAR}) and (${YEAR})`,
    read: ([first, last, betweenFirst, betweenLast]) => {
      const from = Number(first ?? betweenFirst);
      const to = Number(last ?? betweenLast);
      if (to < from) return undefined;
      return ranges(dayRange({ year: from, month: 1, day: 1 }, { year: to + 1, month: 1, day: 1 }));
    },
  },
  {
    pattern: `since (${YEAR})`,
    read: ([year], { today }) =>
      ranges(dayRange({ year: Number(year), month: 1, day: 1 }, addDays(today, 1)), `since ${Number(year)}`),
  },
  {
    pattern: `(${YEAR})`,
    read: ([year]) => ranges(unitRange({ year: Number(year), month: 1, day: 1 }, 'year')),
    afterChrono: true,
  },
];
