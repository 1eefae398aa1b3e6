import { addDays, formatIsoDate, isoWeekday, localDateTime, type CalendarDate } from '../../common/calendar';
import type { DateContext } from './date-context';
import type { DateFinding, DatePattern } from './date-expressions';

/**
 * A part of one day ("last night", "this morning", "Saturday night", German "gestern Abend" once its day word is
 * carried over as "yesterday"), as capture-local hours. A night runs into the small hours of the next day, so
 * "last night" finds the party photo taken at 01:30 and not that morning's walk.
 */
type Part = 'morning' | 'afternoon' | 'evening' | 'night';

/** [first hour, end hour], the end past 24 running into the next day. */
const HOURS: Readonly<Record<Part, readonly [number, number]>> = {
  morning: [5, 12],
  afternoon: [12, 17],
  evening: [17, 24],
  night: [18, 29],
};

const PART_WORDS: Readonly<Record<string, Part>> = {
  morning: 'morning',
  afternoon: 'afternoon',
  evening: 'evening',
  night: 'night',
  morgen: 'morning',
  früh: 'morning',
  frueh: 'morning',
  vormittag: 'morning',
  nachmittag: 'afternoon',
  abend: 'evening',
  nacht: 'night',
};

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PART = Object.keys(PART_WORDS).join('|');

export const TIME_OF_DAY_PATTERNS: readonly DatePattern[] = [
  {
    pattern: `(tonight)|(?:last|letzte) (night|nacht)`,
    read: ([tonight], context) =>
      partOf(tonight ? context.today : addDays(context.today, -1), 'night', context),
  },
  {
    // "today" and "yesterday" stand for German "heute" and "gestern" too (german-date-words.ts).
    pattern: `(this|today|yesterday|(?:last |on )?(?:${WEEKDAYS.join('|')})) (${PART})`,
    read: ([dayWords = '', partWord = ''], context) => {
      const part = PART_WORDS[partWord];
      const day = dayOf(dayWords, part, context);
      return part && day ? partOf(day, part, context) : undefined;
    },
  },
];

/** The day the words name: today, yesterday, or the last such weekday whose part of the day has begun. */
function dayOf(words: string, part: Part | undefined, context: DateContext): CalendarDate | undefined {
  if (words === 'this' || words === 'today') return context.today;
  if (words === 'yesterday') return addDays(context.today, -1);
  const weekday = WEEKDAYS.indexOf(words.replace(/^(?:last|on) /, '')) + 1;
  if (weekday === 0 || part === undefined) return undefined;
  const back = (isoWeekday(context.today) - weekday + 7) % 7;
  const day = addDays(context.today, -back);
  return localDateTime(day, HOURS[part][0]) <= context.now ? day : addDays(day, -7);
}

function partOf(day: CalendarDate, part: Part, context: DateContext): DateFinding {
  const [first, end] = HOURS[part];
  const range = {
    from: localDateTime(day, first),
    to: localDateTime(addDays(day, Math.floor(end / 24)), end % 24),
  };
  const description = `${formatIsoDate(day)} ${part}`;
  // "tonight" asked at noon: kept as asked and marked still to come, with no earlier night offered in its place.
  const future = range.from > context.now ? { future: {} } : {};
  return { type: 'ranges', description, ranges: [range], ...future };
}
