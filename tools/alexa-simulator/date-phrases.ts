import {
  addDays,
  addMonths,
  calendarDate,
  defaultHemisphere,
  formatIsoDate,
  fromUtcDate,
  isoWeekOf,
  monthOfWord,
  nthWeekdayOfMonth,
  spokenNumbersToDigits,
  type CalendarDate,
  type Hemisphere,
  type SeasonName,
} from '../../common/calendar';
import { germanAmazonDateOf } from './date-phrases-de';
import { namedDayValue, yearOfNamedMonth } from './next-occurrence';
import { relativeSeasonValue } from './season-values';

/**
 * What Alexa's AMAZON.DATE resolver sends for a spoken date phrase, given the day it is spoken and the locale
 * (German phrases, and the `YYYY-XX-XX` / `YYYY-MM-XX` forms Alexa uses outside English; southern seasons in
 * en-AU). Spoken numbers are read as Alexa transcribes them ("july fourth twenty twenty one", "summer of twenty
 * twenty"). Covers the phrases people use for photos; anything else is undefined so the matcher reports it instead
 * of guessing.
 */
export function amazonDateOf(phrase: string, today: Date, locale = 'en-US'): string | undefined {
  if (locale.startsWith('de')) return germanAmazonDateOf(phrase, today);
  const hemisphere = defaultHemisphere(locale);
  const words = spokenNumbersToDigits(phrase.replace(/[,.]/g, ' '), locale)
    .replace(/\s+/g, ' ')
    .replace(/^(in|from|during|on) /, '')
    .replace(/^the /, '');
  const day = fromUtcDate(today);
  return (
    relativeDay(words, day) ??
    relativeWeek(words, day) ??
    weekOfDay(words, day) ??
    relativeMonthOrYear(words, day) ??
    season(words, day, hemisphere) ??
    namedMonth(words, day) ??
    yearOrDecade(words, day)
  );
}

const pad2 = (value: number): string => String(value).padStart(2, '0');
const monthValue = (date: CalendarDate): string => `${date.year}-${pad2(date.month)}`;
const weekValue = (date: CalendarDate): string => {
  const { year, week } = isoWeekOf(date);
  return `${year}-W${pad2(week)}`;
};

function relativeDay(words: string, today: CalendarDate): string | undefined {
  if (words === 'today') return formatIsoDate(today);
  if (words === 'yesterday') return formatIsoDate(addDays(today, -1));
  if (words === 'now' || words === 'right now') return 'PRESENT_REF';
  return undefined;
}

const WEEKS_FROM_NOW: Readonly<Record<string, number>> = { last: -1, this: 0, next: 1 };

/** "this weekend" said on a Wednesday is the coming one (`2026-W49-WE` on 2 December 2026), as Alexa sends it. */
function relativeWeek(words: string, today: CalendarDate): string | undefined {
  const match = /^(last|this|next) (week|weekend)$/.exec(words);
  if (!match) return undefined;
  const value = weekValue(addDays(today, 7 * (WEEKS_FROM_NOW[match[1] ?? ''] ?? 0)));
  return match[2] === 'weekend' ? `${value}-WE` : value;
}

function relativeMonthOrYear(words: string, today: CalendarDate): string | undefined {
  switch (words) {
    case 'last month':
      return monthValue(addMonths({ ...today, day: 1 }, -1));
    case 'this month':
      return monthValue(today);
    case 'next month':
      return monthValue(addMonths({ ...today, day: 1 }, 1));
    case 'last year':
      return String(today.year - 1);
    case 'this year':
      return String(today.year);
    case 'next year':
      return String(today.year + 1);
    default:
      return undefined;
  }
}

const SEASON_WORDS: Record<string, { code: string; season: SeasonName }> = {
  spring: { code: 'SP', season: 'spring' },
  summer: { code: 'SU', season: 'summer' },
  fall: { code: 'FA', season: 'autumn' },
  autumn: { code: 'FA', season: 'autumn' },
  winter: { code: 'WI', season: 'winter' },
};

function season(words: string, today: CalendarDate, hemisphere: Hemisphere): string | undefined {
  const relative = /^(last|this) (spring|summer|fall|autumn|winter)$/.exec(words);
  const absolute = /^(spring|summer|fall|autumn|winter) (?:of )?(\d{4})$/.exec(words);
  const name = relative?.[2] ?? absolute?.[1];
  const spec = name === undefined ? undefined : SEASON_WORDS[name];
  if (!spec) return undefined;
  if (absolute) return `${absolute[2]}-${spec.code}`;
  return relativeSeasonValue(relative?.[1] === 'last' ? 'last' : 'this', spec, today, hemisphere);
}

/**
 * "july" → the next July (this one if we are in it), like Alexa; "july 2025", "july 14th", "july 14 2025", "the
 * 14th of july 2025".
 */
function namedMonth(words: string, today: CalendarDate): string | undefined {
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)? of ([a-z]+)(?: (\d{4}))?$/.exec(words);
  const match = dayFirst
    ? [dayFirst[0], dayFirst[2], dayFirst[1], dayFirst[3]]
    : /^([a-z]+)(?: (\d{1,2})(?:st|nd|rd|th)?)?(?: (?:of )?(\d{4}))?$/.exec(words);
  if (!match?.[1]) return undefined;
  const month = monthOfWord(match[1]) ?? 0;
  if (month === 0) return undefined;
  const dayOfMonth = match[2] === undefined ? undefined : Number(match[2]);
  const explicitYear = match[3] === undefined ? undefined : Number(match[3]);
  if (dayOfMonth === undefined) return `${explicitYear ?? yearOfNamedMonth(today, month)}-${pad2(month)}`;
  return namedDayValue(today, month, dayOfMonth, explicitYear);
}

const DECADE_WORDS = [
  'tens',
  'twenties',
  'thirties',
  'forties',
  'fifties',
  'sixties',
  'seventies',
  'eighties',
  'nineties',
];

/** "2019", "the 2010s", "the twenty tens", "the nineteen nineties", "the nineties" (the latest that has begun). */
function yearOrDecade(words: string, today: CalendarDate): string | undefined {
  if (/^\d{4}$/.test(words)) return words;
  const decade = /^(\d{3})0s$/.exec(words);
  if (decade) return `${decade[1]}X`;
  const spoken = /^(?:(nineteen|twenty) )?([a-z]+)$/.exec(words);
  const tens = DECADE_WORDS.indexOf(spoken?.[2] ?? '') + 1;
  if (!spoken || tens === 0) return undefined;
  if (spoken[1]) return `${spoken[1] === 'twenty' ? 20 : 19}${tens}X`;
  if (tens === 1) return undefined;
  return 2000 + tens * 10 <= today.year ? `20${tens}X` : `19${tens}X`;
}

/** Spoken ordinals arrive as digits ("first" → "1", see spokenNumbersToDigits). */
const NTH_WEEK: Readonly<Record<string, number>> = { 1: 1, 2: 2, 3: 3, 4: 4 };

/**
 * "the week of july 1st 2019", "the weekend of july sixth twenty nineteen" (the ISO week of that day and its
 * weekend), "the first week of july 2019" (the month's first week with most of its days in it, the one holding its
 * first Thursday).
 */
function weekOfDay(words: string, today: CalendarDate): string | undefined {
  const of = /^(week|weekend) of (.+)$/.exec(words);
  if (of?.[2]) {
    const value = namedMonth(of[2], today);
    const date = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? calendarDateOf(value) : undefined;
    if (!date) return undefined;
    return of[1] === 'weekend' ? `${weekValue(date)}-WE` : weekValue(date);
  }
  const nth = /^([1-4])(?:st|nd|rd|th)? week of ([a-z]+)(?: (\d{4}))?$/.exec(words);
  const month = monthOfWord(nth?.[2]) ?? 0;
  if (!nth?.[1] || month === 0) return undefined;
  const year = nth[3] === undefined ? yearOfNamedMonth(today, month) : Number(nth[3]);
  const firstThursday = nthWeekdayOfMonth(year, month, 4, 1);
  return weekValue(addDays(firstThursday, 7 * ((NTH_WEEK[nth[1]] ?? 1) - 1)));
}

function calendarDateOf(value: string): CalendarDate | undefined {
  const [year, month, day] = value.split('-').map(Number);
  return calendarDate(year ?? 0, month ?? 0, day ?? 0);
}
