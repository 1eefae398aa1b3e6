import type { DatedHoliday } from './holidays';
import type { SeasonName } from './seasons';

/**
 * Words for holidays and seasons as people type them, normalized (lower case, apostrophes dropped: "New Year's" →
 * "new years"): English, and the German ones a German speaker types. The interaction models carry the spoken forms of the skill's slots; these are the
 * library's free text.
 */
const HOLIDAY_WORDS: Readonly<Record<string, DatedHoliday>> = {
  christmas: 'CHRISTMAS',
  christmases: 'CHRISTMAS',
  xmas: 'CHRISTMAS',
  'christmas day': 'CHRISTMAS_DAY',
  'christmas eve': 'CHRISTMAS_EVE',
  'new years eve': 'NEW_YEARS_EVE',
  'new year eve': 'NEW_YEARS_EVE',
  nye: 'NEW_YEARS_EVE',
  'new years day': 'NEW_YEARS_DAY',
  'new year day': 'NEW_YEARS_DAY',
  'new years': 'NEW_YEARS_DAY',
  'new year': 'NEW_YEARS_DAY',
  easter: 'EASTER',
  'easter sunday': 'EASTER',
  thanksgiving: 'THANKSGIVING',
  'thanksgiving day': 'THANKSGIVING',
  halloween: 'HALLOWEEN',
  'valentines day': 'VALENTINES_DAY',
  'valentine day': 'VALENTINES_DAY',
  valentines: 'VALENTINES_DAY',
  'st valentines day': 'VALENTINES_DAY',
  'mothers day': 'MOTHERS_DAY',
  'fathers day': 'FATHERS_DAY',
  'independence day': 'INDEPENDENCE_DAY',
  'fourth of july': 'INDEPENDENCE_DAY',
  '4th of july': 'INDEPENDENCE_DAY',
  'july 4th': 'INDEPENDENCE_DAY',
  'july fourth': 'INDEPENDENCE_DAY',
  'memorial day': 'MEMORIAL_DAY',
  'labor day': 'LABOR_DAY',
  'labour day': 'LABOR_DAY',
  // German, as typed into the same search box (the dates are the calendar's US ones: free text has no locale).
  weihnachten: 'CHRISTMAS',
  weihnachtsfest: 'CHRISTMAS',
  heiligabend: 'CHRISTMAS_EVE',
  'heiliger abend': 'CHRISTMAS_EVE',
  silvester: 'NEW_YEARS_EVE',
  neujahr: 'NEW_YEARS_DAY',
  ostern: 'EASTER',
  ostersonntag: 'EASTER',
  valentinstag: 'VALENTINES_DAY',
  muttertag: 'MOTHERS_DAY',
  vatertag: 'FATHERS_DAY',
  erntedank: 'THANKSGIVING',
  erntedankfest: 'THANKSGIVING',
};

const SEASON_WORDS: Readonly<Record<string, SeasonName>> = {
  spring: 'spring',
  springs: 'spring',
  summer: 'summer',
  summers: 'summer',
  autumn: 'autumn',
  autumns: 'autumn',
  fall: 'autumn',
  winter: 'winter',
  winters: 'winter',
  sommer: 'summer',
  herbst: 'autumn',
  frühling: 'spring',
  frühjahr: 'spring',
};

/** Every holiday form; a regex alternation must try them longest first ("christmas eve" before "christmas"). */
export const HOLIDAY_PHRASES: readonly string[] = Object.keys(HOLIDAY_WORDS);
export const SEASON_PHRASES: readonly string[] = Object.keys(SEASON_WORDS);

export function holidayOfWords(words: string): DatedHoliday | undefined {
  return Object.hasOwn(HOLIDAY_WORDS, words) ? HOLIDAY_WORDS[words] : undefined;
}

export function seasonOfWords(words: string): SeasonName | undefined {
  return Object.hasOwn(SEASON_WORDS, words) ? SEASON_WORDS[words] : undefined;
}

export const MONTH_WORDS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** 1–12 for a month's English name; undefined otherwise. */
export function monthOfWord(word: string | undefined): number | undefined {
  const index = MONTH_WORDS.indexOf((word ?? '') as (typeof MONTH_WORDS)[number]);
  return index < 0 ? undefined : index + 1;
}
