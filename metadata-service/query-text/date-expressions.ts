import {
  addDays,
  addUnits,
  addYears,
  calendarDate,
  DAY_OF_MONTH_PATTERN,
  dateOfLocal,
  dayOfWords,
  dayPeriod,
  dayYearsAgo,
  dayRange,
  decadePeriod,
  formatIsoDate,
  HOLIDAY_PHRASES,
  holidayOfWords,
  MONTH_WORDS,
  monthOfWord,
  monthPeriod,
  mondayOf,
  occurrenceYear,
  onThisDayWindows,
  rangesOf,
  recentWindow,
  resolveAroundDay,
  relativeUnit,
  relativeWeekend,
  resolveOccurrence,
  resolvePeriod,
  SEASON_PHRASES,
  seasonOfWords,
  THIS_TIME_OF_YEAR_DAYS,
  SPOKEN_DAY_PATTERN,
  SPOKEN_YEAR_PATTERN,
  YEAR_PATTERN,
  yearOfWords,
  yearPeriod,
  weekendPeriod,
  englishNameOf,
  type CalendarDate,
  type CalendarUnit,
  type FutureDate,
  type ResolvedDate,
  type Which,
} from '../../common/calendar';
import type { DateContext } from './date-context';
import { describeRange } from './describe-range';
import { COUNT_PATTERN, countOf } from './number-words';
import { holidayEvent, holidayWeekendEvent, seasonEvent, type RecurringEvent } from './recurring-events';
import { TIME_OF_DAY_PATTERNS } from './times-of-day';
import type { LocalRange, MonthDayReading } from './types';

/** What one date expression means, before the parser combines several. */
export type DateFinding =
  /** `future`: all of it is still to come ("this weekend" on a Wednesday); the previous occurrence to offer. */
  | { type: 'ranges'; description: string; ranges: LocalRange[]; future?: FutureDate }
  /**
   * "every christmas", or a bare "summer" or "christmas": which years is decided with the rest of the text and the
   * library. `bare`: said without "every" (a bare holiday alone is its most recent occurrence).
   */
  | { type: 'every'; description: string; event: RecurringEvent; bare?: true }
  /** "on this day": today's month-day windows in years before this one (`before`: where this year's begins). */
  | { type: 'month-day'; windows: MonthDayReading[]; before: string };

type Groups = readonly (string | undefined)[];

export interface DatePattern {
  /** Over normalized words (see tokens.ts), whole words only. */
  pattern: string;
  read: (groups: Groups, context: DateContext) => DateFinding | undefined;
  /** A bare year in digits runs after chrono-node, so "july 2019" stays one month rather than a month and a year. */
  afterChrono?: boolean;
}

const EVENT = [...HOLIDAY_PHRASES, ...SEASON_PHRASES].sort((a, b) => b.length - a.length).join('|');
const HOLIDAY = [...HOLIDAY_PHRASES].sort((a, b) => b.length - a.length).join('|');
const MONTH = MONTH_WORDS.join('|');
const EVERY = 'every|each|all of the|all the|all our|all my|all';
const UNIT = 'years?|months?|weeks?|days?';
/**
 * Counts people say without a number: "the last few days" is the number they stand for (`count`); "a few years
 * ago" is no one unit back but the whole units around it, `nearest` to `farthest` (chrono-node read "a few years
 * ago" as exactly three years ago, one year, and "several years ago" as seven).
 */
const VAGUE_COUNTS: Readonly<Record<string, { count: number; nearest: number; farthest: number }>> = {
  'couple of': { count: 2, nearest: 1, farthest: 3 },
  couple: { count: 2, nearest: 1, farthest: 3 },
  few: { count: 3, nearest: 2, farthest: 4 },
  several: { count: 5, nearest: 3, farthest: 7 },
};
const VAGUE_COUNT_PATTERN = Object.keys(VAGUE_COUNTS).join('|');
const ON_THIS_DAY_TAIL = 'history|past years|previous years|other years|years past|the past|years gone by';

function unitOf(word: string | undefined): CalendarUnit | undefined {
  const singular = word?.replace(/s$/, '');
  return singular === 'year' || singular === 'month' || singular === 'week' || singular === 'day'
    ? singular
    : undefined;
}

function unitStart(day: CalendarDate, unit: CalendarUnit): CalendarDate {
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

/** The whole year/month/week/day containing a day. */
function unitRange(day: CalendarDate, unit: CalendarUnit): LocalRange {
  const start = unitStart(day, unit);
  return dayRange(start, addUnits(start, unit, 1));
}

function ranges(range: LocalRange, description = describeRange(range)): DateFinding {
  return { type: 'ranges', description, ranges: [range] };
}

/** A date the calendar resolved, with its future marker when all of it is still to come. */
function resolved(
  date: ResolvedDate,
  description = describeRange(rangesOf(date)[0] ?? { from: '', to: '' }),
): DateFinding {
  return {
    type: 'ranges',
    description,
    ranges: rangesOf(date),
    ...(date.future ? { future: date.future } : {}),
  };
}

function eventOf(words: string | undefined, context: DateContext): RecurringEvent | undefined {
  if (words === undefined) return undefined;
  const holiday = holidayOfWords(words);
  if (holiday) return holidayEvent(holiday, words, context.holidayLocale);
  const season = seasonOfWords(words);
  return season && seasonEvent(season, context.hemisphere);
}

/** A year in digits or words ("2019", "twenty nineteen"), all of it. */
function wholeYear(words: string | undefined, context: DateContext): DateFinding | undefined {
  const number = yearOfWords(words);
  return number === undefined ? undefined : resolved(resolvePeriod(yearPeriod(number), context.today));
}

function holidayWeekendOf(words: string | undefined, context: DateContext): RecurringEvent | undefined {
  const holiday = words === undefined ? undefined : holidayOfWords(words);
  return holiday && holidayWeekendEvent(holidayEvent(holiday, words ?? '', context.holidayLocale));
}

function occurrence(event: RecurringEvent, year: number, context: DateContext): DateFinding {
  return resolved(resolveOccurrence(event, year, context.today), event.nameIn(year));
}

const whichOf = (word: string | undefined): Which =>
  word === 'this' ? 'this' : word === 'next' ? 'next' : word === undefined ? 'latest' : 'last';

/** "this week 5 years ago": the same calendar days, that many years back. */
function sameDaysYearsAgo(what: string | undefined, years: number, context: DateContext): DateFinding {
  if (what === 'this week') {
    const from = addYears(mondayOf(context.today), -years);
    return ranges(dayRange(from, addDays(from, 7)), `the week of ${formatIsoDate(from)}`);
  }
  if (what === 'this month') return ranges(unitRange(addYears(context.today, -years), 'month'));
  if (what === 'this time') {
    const around = resolveAroundDay(dayYearsAgo(context.today, years), THIS_TIME_OF_YEAR_DAYS);
    return resolved(around, `this time ${years === 1 ? 'last year' : `${years} years ago`}`);
  }
  // A leap day years ago that has no February 29th falls on the 28th.
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

function decade(start: number, context: DateContext): DateFinding {
  return resolved(resolvePeriod(decadePeriod(start), context.today), `the ${start}s`);
}

function onThisDay(plusMinusDays: number, { today }: DateContext): DateFinding {
  return {
    type: 'month-day',
    windows: onThisDayWindows(today, plusMinusDays),
    before: dayRange(addDays(today, -plusMinusDays), today).from,
  };
}

/** A day named with its month ("july 4th 2021", "the fourth of july twenty twenty one"). */
function namedDay(
  monthWord: string | undefined,
  dayWords: string | undefined,
  yearWords: string | undefined,
  context: DateContext,
): DateFinding | undefined {
  const month = monthOfWord(monthWord);
  const day = dayOfWords(dayWords);
  if (month === undefined || day === undefined) return undefined;
  if (yearWords !== undefined) {
    const year = yearOfWords(yearWords);
    const date = year === undefined ? undefined : calendarDate(year, month, day);
    return date && resolved(resolvePeriod(dayPeriod(date), context.today));
  }
  // Without a year: the last one that has begun (photos are of the past), as for a month.
  for (const year of [
    context.today.year,
    context.today.year - 1,
    context.today.year - 2,
    context.today.year - 3,
    context.today.year - 4,
  ]) {
    const date = calendarDate(year, month, day);
    if (date && resolvePeriod(dayPeriod(date), context.today).future === undefined) {
      return resolved(resolvePeriod(dayPeriod(date), context.today));
    }
  }
  return undefined;
}

/** The ISO week (Monday to Monday) or the weekend (Saturday to Monday) a named day falls in. */
function weekOf(
  unit: string | undefined,
  day: DateFinding | undefined,
  context: DateContext,
): DateFinding | undefined {
  const date = day?.type === 'ranges' ? dateOfLocal(day.ranges[0]?.from ?? '') : undefined;
  if (!date) return undefined;
  const monday = mondayOf(date);
  const period =
    unit === 'weekend'
      ? weekendPeriod(addDays(monday, 5), context.today)
      : { from: monday, to: addDays(monday, 7), phrase: { kind: 'week' as const, monday } };
  if (!period) return undefined;
  const week = resolvePeriod(period, context.today);
  return resolved(week, englishNameOf(week.phrase, context.today));
}

const SAME_DAYS = 'this week|this month|this day|this date|this time|today';

/**
 * The date expressions chrono-node does not know, most specific first: a pattern only sees words no earlier one
 * took, so "christmas eve 2019" is one holiday in one year, not a holiday and a year. Years may be spoken ("twenty
 * nineteen"). A date entirely still to come is kept as asked and marked `future`.
 */
export const DATE_PATTERNS: readonly DatePattern[] = [
  ...TIME_OF_DAY_PATTERNS,
  {
    // German word order too: "heute vor einem Jahr" is carried over as "today vor a year".
    pattern: `(?:on |around )?(${SAME_DAYS}) (?:(${COUNT_PATTERN}) years? ago|vor (${COUNT_PATTERN}) years?)`,
    read: ([what, count, countAfterVor], context) =>
      sameDaysYearsAgo(what, countOf(count ?? countAfterVor) ?? 1, context),
  },
  {
    pattern: `(${COUNT_PATTERN}) years? ago (${SAME_DAYS})`,
    read: ([count, what], context) => sameDaysYearsAgo(what, countOf(count) ?? 1, context),
  },
  {
    pattern: `(?:on |around )?(${SAME_DAYS}) last year`,
    read: ([what], context) => sameDaysYearsAgo(what, 1, context),
  },
  {
    pattern: `(?:on )?(?:this day|this date|today) in (?:${ON_THIS_DAY_TAIL})|(?:on )?this (?:day|date)`,
    read: (_groups, context) => onThisDay(0, context),
  },
  {
    pattern: `(?:this|the) week in (?:${ON_THIS_DAY_TAIL})`,
    read: (_groups, context) => onThisDay(3, context),
  },
  {
    // "photos from this time" alone: this time of year, not the Norwegian municipality of Time.
    pattern: '(?:around )?this time(?: of (?:the )?year)?',
    read: (_groups, context) => onThisDay(THIS_TIME_OF_YEAR_DAYS, context),
  },
  // Before the holidays alone: "Christmas weekend" is one window, not Christmas and last weekend.
  {
    pattern: `(?:${EVERY}) (${HOLIDAY}) weekends?`,
    read: ([words], context) => {
      const event = holidayWeekendOf(words, context);
      return event && { type: 'every', description: `every ${event.name}`, event };
    },
  },
  {
    pattern: `(last|past|previous|this|next) (${HOLIDAY}) weekend`,
    read: ([which, words], context) => {
      const event = holidayWeekendOf(words, context);
      return event && occurrence(event, occurrenceYear(event, whichOf(which), context.today), context);
    },
  },
  {
    pattern: `(?:the )?(${HOLIDAY}) weekend (?:of |in )?(${YEAR_PATTERN})|(${YEAR_PATTERN}) (${HOLIDAY}) weekend`,
    read: ([words, year, yearFirst, wordsAfter], context) => {
      const event = holidayWeekendOf(words ?? wordsAfter, context);
      const number = yearOfWords(year ?? yearFirst);
      return event && number !== undefined ? occurrence(event, number, context) : undefined;
    },
  },
  {
    // Alone, like a holiday alone: the most recent one, or every one beside other dates (see combine-dates).
    pattern: `(?:the )?(${HOLIDAY}) weekend`,
    read: ([words], context) => {
      const event = holidayWeekendOf(words, context);
      return event && { type: 'every', description: `every ${event.name}`, event, bare: true as const };
    },
  },
  // Before the holidays: "the weekend of July 4th" is a weekend, not the holiday "July 4th" and a weekend.
  {
    pattern: `(?:the )?(week|weekend) of (${MONTH}) (?:the )?(${DAY_OF_MONTH_PATTERN})(?: (?:of )?(${YEAR_PATTERN}))?`,
    read: ([unit, month, day, year], context) => weekOf(unit, namedDay(month, day, year, context), context),
  },
  {
    pattern: `(?:the )?(week|weekend) of (?:the )?(${DAY_OF_MONTH_PATTERN}) (?:of )?(${MONTH})(?: (${YEAR_PATTERN}))?`,
    read: ([unit, day, month, year], context) => weekOf(unit, namedDay(month, day, year, context), context),
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
      return event && occurrence(event, occurrenceYear(event, whichOf(which), context.today), context);
    },
  },
  {
    pattern: `(${EVENT}) (?:of |in )?(${YEAR_PATTERN})`,
    read: ([words, year], context) => {
      const event = eventOf(words, context);
      const number = yearOfWords(year);
      return event && number !== undefined ? occurrence(event, number, context) : undefined;
    },
  },
  {
    pattern: `(${YEAR_PATTERN}) (${EVENT})`,
    read: ([year, words], context) => {
      const event = eventOf(words, context);
      const number = yearOfWords(year);
      return event && number !== undefined ? occurrence(event, number, context) : undefined;
    },
  },
  {
    // "christmases" is every one; "christmas" alone may be the most recent (see combine-dates).
    pattern: `(${EVENT})(s?)`,
    read: ([words, plural], context) => {
      const event = eventOf(words, context);
      if (!event) return undefined;
      return {
        type: 'every',
        description: `every ${event.name}`,
        event,
        ...(plural ? {} : { bare: true as const }),
      };
    },
  },
  {
    // Saturday 00:00 to Monday 00:00. "This weekend" on a Wednesday is still to come: kept, marked future.
    pattern: '(?:(this past|last|past|previous|this|next) |the )?weekend',
    read: ([which], { today }) => {
      const weekend = relativeWeekend(which === 'this past' ? 'last' : whichOf(which), today);
      return resolved(weekend, englishNameOf(weekend.phrase, today));
    },
  },
  // Months and days with a spoken number ("july fourth twenty twenty one", "may twenty first"); the same in digits
  // is chrono's, which also reads them inside ranges ("from june to august 2024").
  {
    pattern: `(${MONTH}) (?:the )?(${DAY_OF_MONTH_PATTERN}) (?:of )?(${SPOKEN_YEAR_PATTERN})`,
    read: ([month, day, year], context) => namedDay(month, day, year, context),
  },
  {
    pattern: `(${MONTH}) (?:the )?(${SPOKEN_DAY_PATTERN})(?: (?:of )?(${YEAR_PATTERN}))?`,
    read: ([month, day, year], context) => namedDay(month, day, year, context),
  },
  {
    pattern: `(?:the )?(${SPOKEN_DAY_PATTERN}) of (${MONTH})(?: (${YEAR_PATTERN}))?`,
    read: ([day, month, year], context) => namedDay(month, day, year, context),
  },
  {
    pattern: `(?:the )?(${DAY_OF_MONTH_PATTERN}) of (${MONTH}) (${SPOKEN_YEAR_PATTERN})`,
    read: ([day, month, year], context) => namedDay(month, day, year, context),
  },
  {
    pattern: `(${MONTH}) (?:of )?(${SPOKEN_YEAR_PATTERN})`,
    read: ([monthWord, year], context) => {
      const month = monthOfWord(monthWord);
      const number = yearOfWords(year);
      if (month === undefined || number === undefined) return undefined;
      return resolved(resolvePeriod(monthPeriod(number, month), context.today));
    },
  },
  {
    pattern: `(?:the )?(?:last|past) (${COUNT_PATTERN}|${VAGUE_COUNT_PATTERN}) (${UNIT})`,
    read: ([count, unitWord], { today }) => {
      const unit = unitOf(unitWord);
      const n = countOf(count) ?? VAGUE_COUNTS[count ?? '']?.count;
      if (!unit || n === undefined) return undefined;
      return resolved(recentWindow(n, unit, today), `the last ${n} ${unit}${n === 1 ? '' : 's'}`);
    },
  },
  {
    // "the past month" is the month up to today; "last month" is the calendar month before this one.
    pattern: '(?:the |this )?past (year|month|week)',
    read: ([unitWord], { today }) => {
      const unit = unitOf(unitWord);
      return unit && resolved(recentWindow(1, unit, today), `the past ${unit}`);
    },
  },
  {
    // "the week before last" (chrono-node read "the week before" as the one day a week back), German "vorletzte Woche".
    pattern: '(?:the )?(year|month|week) before last|penultimate (year|month|week)',
    read: ([unitWord, unitAfter], { today }) => {
      const unit = unitOf(unitWord ?? unitAfter);
      return unit && ranges(unitRange(addUnits(today, unit, -2), unit));
    },
  },
  {
    pattern: '(last|previous|this|next) (year|month|week)',
    read: ([which, unitWord], { today }) => {
      const unit = unitWord === 'year' || unitWord === 'month' ? unitWord : 'week';
      const date = relativeUnit(which === 'this' || which === 'next' ? which : 'last', unit, today);
      return resolved(date);
    },
  },
  {
    // And German word order: "vor ein paar Jahren", "vor einigen Jahren" (german-date-words.ts carries them over).
    pattern: `(?:a )?(${VAGUE_COUNT_PATTERN}) (${UNIT}) ago|vor (?:a )?(${VAGUE_COUNT_PATTERN}) (${UNIT})`,
    read: ([vague, unitWord, vagueAfterVor, unitAfterVor], { today }) => {
      const unit = unitOf(unitWord ?? unitAfterVor);
      const span = VAGUE_COUNTS[vague ?? vagueAfterVor ?? ''];
      if (!unit || !span) return undefined;
      const from = unitStart(addUnits(today, unit, -span.farthest), unit);
      const to = addUnits(unitStart(addUnits(today, unit, -span.nearest), unit), unit, 1);
      const said = vague ?? vagueAfterVor;
      return ranges(dayRange(from, to), `${said === 'several' ? '' : 'a '}${said} ${unit}s ago`);
    },
  },
  {
    // And German word order: "vor zwei Jahren" (german-date-words.ts carries "zwei Jahren" over as "two years").
    pattern: `(${COUNT_PATTERN}) (${UNIT}) ago|vor (${COUNT_PATTERN}) (${UNIT})`,
    read: ([count, unitWord, countAfterVor, unitAfterVor], { today }) => {
      const unit = unitOf(unitWord ?? unitAfterVor);
      const n = countOf(count ?? countAfterVor);
      return unit && n !== undefined ? ranges(unitRange(addUnits(today, unit, -n), unit)) : undefined;
    },
  },
  {
    pattern: '(today|yesterday)',
    read: ([which], { today }) => ranges(unitRange(which === 'today' ? today : addDays(today, -1), 'day')),
  },
  {
    pattern: `(?:the )?(nineteen|twenty) (tens|${Object.keys(DECADE_WORDS).join('|')})`,
    read: ([century, word], context) =>
      decade(
        (century === 'twenty' ? 2000 : 1900) + (word === 'tens' ? 10 : (DECADE_WORDS[word ?? ''] ?? 0)),
        context,
      ),
  },
  {
    pattern: `(?:the )?(${Object.keys(DECADE_WORDS).join('|')})`,
    read: ([word], context) => decade(decadeStart(DECADE_WORDS[word ?? ''] ?? 0, context), context),
  },
  {
    pattern: '(?:the )?((?:18|19|20)?\\d0)s',
    read: ([digits], context) => {
      const value = Number(digits);
      return decade(
        digits !== undefined && digits.length === 4 ? value : decadeStart(value, context),
        context,
      );
    },
  },
  {
    // "2019 and 2021" alone is two years, not the three from 2019 to 2021.
    pattern: `(?:from )?(${YEAR_PATTERN}) (?:to|until|till|through|thru) (${YEAR_PATTERN})|between (${YEAR_PATTERN}) and (${YEAR_PATTERN})`,
    read: ([first, last, betweenFirst, betweenLast]) => {
      const from = yearOfWords(first ?? betweenFirst);
      const to = yearOfWords(last ?? betweenLast);
      if (from === undefined || to === undefined || to < from) return undefined;
      return ranges(dayRange({ year: from, month: 1, day: 1 }, { year: to + 1, month: 1, day: 1 }));
    },
  },
  {
    pattern: `since (${YEAR_PATTERN})`,
    read: ([year], { today }) => {
      const from = yearOfWords(year);
      return from === undefined
        ? undefined
        : ranges(dayRange({ year: from, month: 1, day: 1 }, addDays(today, 1)), `since ${from}`);
    },
  },
  {
    // "photos from the year 2019", German "aus dem Jahr 2019" (carried over as "year 2019").
    pattern: `(?:the )?year (${YEAR_PATTERN})`,
    read: ([year], context) => wholeYear(year, context),
  },
  {
    // A spoken year ("twenty nineteen") is no chrono date: read it before chrono sees its words.
    pattern: `(${SPOKEN_YEAR_PATTERN})`,
    read: ([year], context) => wholeYear(year, context),
  },
  {
    pattern: '((?:18|19|20)\\d\\d)',
    read: ([year], context) => resolved(resolvePeriod(yearPeriod(Number(year)), context.today)),
    afterChrono: true,
  },
];
