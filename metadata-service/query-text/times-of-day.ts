import {
  addDays,
  dayPartRange,
  formatIsoDate,
  isoWeekday,
  type CalendarDate,
  type DayPart,
} from '../../common/calendar';
import type { DateContext } from './date-context';
import type { DateFinding, DatePattern } from './date-expressions';

/**
 * A part of one day ("last night", "this morning", "Saturday night", German "gestern Abend" once its day word is
 * carried over as "yesterday"), in the calendar's hours for it (day-parts.ts: a night runs to 05:00).
 */
const PART_WORDS: Readonly<Record<string, DayPart>> = {
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
function dayOf(words: string, part: DayPart | undefined, context: DateContext): CalendarDate | undefined {
  if (words === 'this' || words === 'today') return context.today;
  if (words === 'yesterday') return addDays(context.today, -1);
  const weekday = WEEKDAYS.indexOf(words.replace(/^(?:last|on) /, '')) + 1;
  if (weekday === 0 || part === undefined) return undefined;
  const back = (isoWeekday(context.today) - weekday + 7) % 7;
  const day = addDays(context.today, -back);
  return dayPartRange(day, part).from <= context.now ? day : addDays(day, -7);
}

function partOf(day: CalendarDate, part: DayPart, context: DateContext): DateFinding {
  const range = dayPartRange(day, part);
  const description = `${formatIsoDate(day)} ${part}`;
  // "tonight" asked at noon: kept as asked and marked still to come, with no earlier night offered in its place.
  const future = range.from > context.now ? { future: {} } : {};
  return { type: 'ranges', description, ranges: [range], ...future };
}
