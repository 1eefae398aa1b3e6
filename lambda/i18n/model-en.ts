import type { HolidayId } from '../util/holidays';

/**
 * English interaction-model sources (read by scripts/generate-interaction-models.ts, not by the skill at run
 * time). Templates use `(a|b|)` for alternatives (an empty one makes the group optional) and `{slot}` for slots;
 * every expansion becomes one sample utterance. Shorthands: `$show` (a request verb), `$photos` (the noun).
 */
export const ENGLISH_SHORTHANDS: Readonly<Record<string, string>> = {
  $show: '(show|show me|display|pull up|let me see|can you show me)',
  /** Combinations of two or more slots multiply fast: fewer verbs. */
  $brief: '(show|show me)',
  $photos: '(photos|pictures)',
  $play: '(play|start|open)',
};

export const ENGLISH_SHOW_TEMPLATES: readonly string[] = [
  // Everything.
  '$show (my|all my|all of my|our) $photos',
  '$play a slideshow',
  '$play (a|my|the) slideshow of (my|our|all my) $photos',
  '(play|open) my $photos',
  // What.
  '$show {subject} $photos',
  '$show (my|our|the) {subject} $photos',
  '$show $photos (of|with) (the|my|our|) {subject}',
  '$show (me|) {subject}',
  '$play a slideshow of (my|) {subject} $photos',
  '(play|open) my {subject} $photos',
  '{subject} $photos',
  '$photos of (the|) {subject}',
  // When.
  '$show $photos (from|taken|taken in|taken on) {date}',
  '$show (my|our) $photos from {date}',
  '$brief {subject} $photos (from|taken|taken in) {date}',
  '$brief (my|our|the) {subject} $photos from {date}',
  '$brief $photos (of|with) (the|) {subject} from {date}',
  '$play a slideshow of (my|) $photos from {date}',
  '$play a slideshow of (my|) {subject} $photos from {date}',
  '{subject} $photos from {date}',
  '$photos from {date}',
  '$photos of (the|) {subject} from {date}',
  '(what did we do|what did i do|what were we doing|where were we) {date}',
  // Where.
  '$show $photos (from|taken in|in) {place}',
  '$show $photos (from|of) (our|my|the) trip to {place}',
  '$brief {subject} $photos (from|in) {place}',
  '$show $photos (from|in) {country}',
  '$show $photos (from|of) (our|my|the) trip to {country}',
  '$brief $photos (from|in) {place} from {date}',
  '$brief {subject} $photos (from|in) {place} from {date}',
  '$brief $photos (from|of) (our|my) trip to {place} (in|from) {date}',
  '$brief $photos (from|in) {country} from {date}',
  '$photos from (our|my) trip to {place}',
  '(what did we do|where did we go) in {place}',
  // Who.
  '$show $photos (of|with) {person}',
  '$show {person} $photos',
  '$brief $photos (of|with) {person} from {date}',
  '$brief {person} $photos from {date}',
  '$brief $photos (of|with) {person} (in|from) {place}',
  '$brief {subject} $photos (of|with) {person}',
  '$brief $photos (of|with) {person} at (the|) {subject}',
  // Albums.
  '(play|show|open|show me) (my|the|our) {album} album',
  '$show $photos (from|in) (my|the|our) {album} album',
  '(play|show|open) the album {album}',
  '$play a slideshow of (my|the) {album} album',
  '$brief (my|the|our) {album} album from {date}',
  // Holidays.
  '$show $photos (from|of|taken on|taken at) {holiday}',
  '$show $photos (from|of) last {holiday}',
  '$show {holiday} $photos',
  '$show (my|our|the) {holiday} $photos',
  '$brief {holiday} $photos from {recurrence}',
  '$brief $photos (from|of) {holiday} from {recurrence}',
  '$brief $photos (from|of) {holiday} (in|of) {date}',
  '$brief {holiday} $photos from {date}',
  '$brief {subject} $photos from {holiday}',
  '$brief $photos (of|with) {person} (from|on|at) {holiday}',
  '(what did we do|what did i do|where were we) (on|at|for) (last|) {holiday}',
  '$photos from (last|) {holiday}',
];

export const ENGLISH_SEARCH_TEMPLATES: readonly string[] = [
  '(search for|look for|find|find me) {query}',
  '(search|look through|search through) my (photos|pictures|library) for {query}',
  'find (photos|pictures) (of|with|where) {query}',
];

/** "What is this?" while a photo is on screen (the visual context says which). */
export const ENGLISH_PHOTO_INFO_TEMPLATES: readonly string[] = [
  'what is this (photo|picture)',
  'what am i looking at',
  'tell me about this (photo|picture)',
  '(where|when) was this (photo|picture) taken',
  '(where|when) was this taken',
  'where is this',
  'who is in this (photo|picture)',
];

/** Locales where "holiday" means a trip, and the names people use for their mother. */
export const ENGLISH_TRIP_WORDS: Readonly<Record<string, readonly string[]>> = {
  'en-GB': ['holiday'],
  'en-AU': ['holiday', 'trip away'],
  'en-IN': ['holiday', 'tour'],
};

export const ENGLISH_TRIP_TEMPLATES: readonly string[] = [
  '$show $photos from (our|my) $trip (to|in) {place}',
  '$show $photos from (our|my) $trip (to|in) {country}',
  '$brief $photos from (our|my) $trip (to|in) {place} (in|from) {date}',
];

export interface EntitySeed {
  id: string;
  value: string;
  synonyms: readonly string[];
}

export function englishHolidays(locale: string): EntitySeed[] {
  const uk = locale === 'en-GB' || locale === 'en-AU' || locale === 'en-IN';
  const values: Record<HolidayId, [string, string[]]> = {
    CHRISTMAS: ['christmas', ['christmas day', 'xmas', 'christmas morning']],
    CHRISTMAS_EVE: ['christmas eve', ['the night before christmas']],
    NEW_YEARS_EVE: ["new year's eve", ['new years eve', "new year's eve party", 'hogmanay']],
    NEW_YEARS_DAY: ["new year's day", ['new years day', "new year's"]],
    THANKSGIVING: ['thanksgiving', ['thanksgiving day', 'thanksgiving dinner']],
    EASTER: ['easter', ['easter sunday', 'easter weekend']],
    HALLOWEEN: ['halloween', ['trick or treating', 'hallowe en']],
    VALENTINES_DAY: ["valentine's day", ['valentines day', 'valentines', "valentine's"]],
    MOTHERS_DAY: [
      "mother's day",
      ['mothers day', "mom's day", ...(uk ? ['mothering sunday', "mum's day"] : [])],
    ],
    FATHERS_DAY: ["father's day", ['fathers day', "dad's day"]],
    BIRTHDAY: ['birthday', ['birthdays', 'my birthday', 'birthday parties']],
  };
  return Object.entries(values).map(([id, [value, synonyms]]) => ({ id, value, synonyms }));
}

export function englishPeople(locale: string): EntitySeed[] {
  const mum = locale === 'en-GB' || locale === 'en-AU' || locale === 'en-IN';
  return [
    {
      id: 'MOM',
      value: mum ? 'mum' : 'mom',
      synonyms: mum ? ["mum's", 'mummy', 'mother', 'mom'] : ["mom's", 'mommy', 'mother', 'mum'],
    },
    { id: 'DAD', value: 'dad', synonyms: ["dad's", 'daddy', 'father'] },
    { id: 'GRANDMA', value: 'grandma', synonyms: ["grandma's", 'granny', 'nana', 'grandmother'] },
    { id: 'GRANDPA', value: 'grandpa', synonyms: ["grandpa's", 'grandad', 'granddad', 'grandfather'] },
    { id: 'BROTHER', value: 'my brother', synonyms: ["my brother's"] },
    { id: 'SISTER', value: 'my sister', synonyms: ["my sister's"] },
    { id: 'SON', value: 'my son', synonyms: ["my son's"] },
    { id: 'DAUGHTER', value: 'my daughter', synonyms: ["my daughter's"] },
  ];
}

export function englishAlbums(locale: string): EntitySeed[] {
  const trip = ENGLISH_TRIP_WORDS[locale]?.[0] ?? 'vacation';
  return [
    { id: 'VACATION', value: trip, synonyms: [`summer ${trip}`, 'trip', 'road trip'] },
    { id: 'WEDDING', value: 'wedding', synonyms: ['our wedding'] },
    { id: 'FAVORITES', value: 'favorites', synonyms: ['favourites', 'favorite', 'best of'] },
    { id: 'HONEYMOON', value: 'honeymoon', synonyms: [] },
    { id: 'CAMERA_ROLL', value: 'camera roll', synonyms: ['recents', 'recent'] },
  ];
}

export const ENGLISH_RECURRENCE: EntitySeed[] = [
  {
    id: 'EVERY_YEAR',
    value: 'every year',
    synonyms: ['each year', 'all years', 'all the years', 'over the years'],
  },
];
