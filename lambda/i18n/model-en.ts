import type { HolidayId } from '../../common/calendar';

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
  /** Both spellings in every English locale: people write and say either. */
  $favorite: '(favorite|favourite)',
  $favorites: '(favorites|favourites)',
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
  // "show me my cats": without the possessive here, Alexa hears the subject as "my cats" (no match).
  '$show (me|) (my|our) {subject}',
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
  // Two people, both in each photo.
  '$show $photos (of|with) {person} and {other_person}',
  '$show {person} and {other_person} $photos',
  '$brief $photos (of|with) {person} and {other_person} from {date}',
  '$brief $photos (of|with) {person} and {other_person} (in|from) {place}',
  '$brief $photos (of|with) {person} from {date}',
  '$brief {person} $photos from {date}',
  '$brief $photos (of|with) {person} (in|from) {place}',
  '$brief {subject} $photos (of|with) {person}',
  '$brief $photos (of|with) {person} at (the|) {subject}',
  // Albums.
  '(play|show|open|show me) (my|the|our) {album} album',
  '$show $photos (from|in) (my|the|our) {album} album',
  '(play|show|open|show me) (my|the|our) album {album}',
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

/**
 * "What is this?", "when was this taken?", "where is this?", "who is this?" while a photo is on screen (the visual
 * context says which). {question} is PHOTO_QUESTION; samples without it ask about everything.
 */
export const ENGLISH_PHOTO_INFO_TEMPLATES: readonly string[] = [
  'what is this (photo|picture)',
  'what am i looking at',
  'tell me about this (photo|picture|one)',
  '{question} is this',
  '{question} is this (photo|picture|one) from',
  '{question} was this (photo|picture|one|) taken',
  '{question} did (i|we) take this (photo|picture|one|)',
  '{question} is (in|on) this (photo|picture)',
  '{question} are (the|these) people in this (photo|picture)',
];

/** "Faster", "slow down", "show each photo longer": {speed} is SLIDESHOW_SPEED. */
export const ENGLISH_SPEED_TEMPLATES: readonly string[] = [
  '{speed} please',
  '{speed} a (bit|little)',
  '{speed} the slideshow',
  '(go|play|move|change) {speed}',
  '(go|play|move|change) a (bit|little) {speed}',
  '(make|play) (it|the slideshow|the photos|the pictures) {speed}',
  '(make|play) (it|the slideshow|the photos|the pictures) a (bit|little) {speed}',
  '(change|switch) the (photos|pictures) {speed}',
  'show (each|every) (photo|picture) {speed}',
  '(keep|leave) (each|every) (photo|picture) (up|on screen|on the screen) {speed}',
];

/** "Favourite this", "I love this one"; {side} (PHOTO_SIDE) picks one photo of a pair. */
export const ENGLISH_FAVORITE_TEMPLATES: readonly string[] = [
  '$favorite this (photo|picture|one|)',
  'i (love|like) this (photo|picture|one)',
  'i love this',
  '(add|save) this (photo|picture|one|) to (my|the) $favorites',
  '(mark|save) this (photo|picture|one|) as (a|) $favorite',
  'make this (photo|picture|one|) a $favorite',
  '$favorite the (photo|picture|one) on the {side}',
  '$favorite the {side} (photo|picture|one)',
  '(add|save) the {side} (photo|picture|one) to (my|the) $favorites',
  '(add|save) the (photo|picture|one) on the {side} to (my|the) $favorites',
  'i (love|like) the (photo|picture|one) on the {side}',
  'i (love|like) the {side} (photo|picture|one)',
];

/** "Hide this", "never show this again", "don't show this photo". */
export const ENGLISH_HIDE_TEMPLATES: readonly string[] = [
  'hide this (photo|picture|one|)',
  'never show (me|) this (photo|picture|one|) again',
  "(don't|do not) show (me|) this (photo|picture|one) (again|)",
  "i (don't|do not) (like|want to see) this (photo|picture|one)",
  'remove this (photo|picture|one|) from (the|my) (slideshow|frame)',
  'hide the (photo|picture|one) on the {side}',
  'hide the {side} (photo|picture|one)',
  'never show (me|) the {side} (photo|picture|one) again',
  'never show (me|) the (photo|picture|one) on the {side} again',
  "(don't|do not) show (me|) the {side} (photo|picture|one) again",
];

/** "This is Mom", while a photo is on screen: {name} is PERSON (the owner's people, plus seeds). */
export const ENGLISH_NAME_PERSON_TEMPLATES: readonly string[] = [
  "(this is|that's|that is|this person is) {name}",
  'the person in this (photo|picture) is {name}',
  '(her|his) name is {name}',
  'this is (my|our) {name}',
  'call (this person|them|her|him) {name}',
];

/** "Link frame 4821": {code} is the four digits a web frame shows until its owner links it. */
export const ENGLISH_LINK_FRAME_TEMPLATES: readonly string[] = [
  '(link|connect|pair|add) (the|my|) (frame|photo frame|screen|display) {code}',
  '(link|connect|pair) (the|my|) (frame|photo frame|screen|display) (with|using) (the|) code {code}',
  'the (frame|screen) code is {code}',
];

/** "Show more like this", "more photos from this day / place / with them": {similarity} is SIMILARITY. */
export const ENGLISH_MORE_LIKE_THIS_TEMPLATES: readonly string[] = [
  '(show|show me|find|) more like (this|this one)',
  '(show|show me|find|) (more|similar) (photos|pictures) like (this|this one)',
  '(show|show me|find) similar (photos|pictures)',
  '(show|show me|find|) more (photos|pictures) (from|of|with|taken on|taken in) {similarity}',
  '(show|show me|) more from {similarity}',
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

/** "Faster"/"slower" words; ids are what the speed handler reads. */
export const ENGLISH_SPEED: EntitySeed[] = [
  {
    id: 'FASTER',
    value: 'faster',
    synonyms: [
      'quicker',
      'more quickly',
      'speed up',
      'speed it up',
      'shorter',
      'for a shorter time',
      'for less time',
    ],
  },
  {
    id: 'SLOWER',
    value: 'slower',
    synonyms: [
      'more slowly',
      'slow down',
      'slow it down',
      'longer',
      'for longer',
      'for a longer time',
      'for more time',
    ],
  },
];

export const ENGLISH_SIDES: EntitySeed[] = [
  { id: 'LEFT', value: 'left', synonyms: ['left side', 'left hand side'] },
  { id: 'RIGHT', value: 'right', synonyms: ['right side', 'right hand side'] },
];

/** What "more like this" matches by: the same day, place or people. */
export const ENGLISH_SIMILARITY: EntitySeed[] = [
  {
    id: 'DAY',
    value: 'this day',
    synonyms: ['that day', 'the same day', 'the day', 'this date', 'that date'],
  },
  {
    id: 'PLACE',
    value: 'this place',
    synonyms: ['that place', 'the same place', 'here', 'there'],
  },
  {
    id: 'TRIP',
    value: 'this trip',
    synonyms: [
      'that trip',
      'the same trip',
      'this vacation',
      'that vacation',
      'this holiday',
      'that holiday',
    ],
  },
  {
    id: 'PEOPLE',
    value: 'them',
    synonyms: [
      'these people',
      'the same people',
      'this person',
      'him',
      'her',
      'this family',
      'the people in it',
    ],
  },
];

/** The question words of "what/when/where/who is this". */
export const ENGLISH_QUESTIONS: EntitySeed[] = [
  { id: 'WHAT', value: 'what', synonyms: [] },
  { id: 'WHEN', value: 'when', synonyms: ['what day', 'what date', 'what year', 'what time'] },
  { id: 'WHERE', value: 'where', synonyms: ['what place', 'what city', 'what country'] },
  { id: 'WHO', value: 'who', synonyms: ['who else'] },
];

/**
 * Extra samples for the built-in controls, in the slideshow's words (the built-ins' own phrases, "next", "pause",
 * "shuffle", come with them).
 */
export const ENGLISH_BUILT_IN_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.NextIntent': [
    'next (photo|picture|one)',
    'skip this (photo|picture|one)',
    '(show|go to) the next (photo|picture|one)',
  ],
  'AMAZON.PreviousIntent': [
    '(previous|last) (photo|picture|one)',
    '(show|go to) the (previous|last) (photo|picture|one)',
    'go back (a|one) (photo|picture)',
  ],
  'AMAZON.PauseIntent': ['pause the (slideshow|photos|pictures)', 'hold (this|this photo|this picture)'],
  'AMAZON.ResumeIntent': ['(resume|continue) the (slideshow|photos|pictures)', 'keep (going|playing)'],
  'AMAZON.StartOverIntent': [
    'start the slideshow (over|again)',
    'restart the slideshow',
    '(go|go back|back) to the (first|first photo|first picture|beginning)',
  ],
  'AMAZON.ShuffleOnIntent': [
    'shuffle (the|my) (photos|pictures|slideshow)',
    '(show|play) (them|the photos|the pictures) in (random|any) order',
  ],
  'AMAZON.ShuffleOffIntent': [
    'stop shuffling the (photos|pictures|slideshow)',
    '(show|play) (them|the photos|the pictures) in (date|time) order',
  ],
  'AMAZON.LoopOnIntent': ['(loop|repeat) the slideshow', 'keep repeating the (slideshow|photos|pictures)'],
  'AMAZON.LoopOffIntent': [
    "(don't|do not) (loop|repeat) the slideshow",
    'stop (looping|repeating) the slideshow',
    'stop at the (end|last photo|last picture)',
  ],
};
