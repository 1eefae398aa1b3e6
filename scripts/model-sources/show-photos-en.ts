import type { EntitySeed } from '../../lambda/i18n/model-en';

/**
 * English ShowPhotos requests beyond lambda/i18n/model-en.ts: favourites and media kinds (contract 2 of issue 11),
 * "on this day", a holiday with its year, and a place with a date and no word between them ("paris last summer").
 * Same template syntax and shorthands as model-en.ts.
 */
export const ENGLISH_FAVORITES: EntitySeed[] = [
  {
    id: 'FAVORITES',
    value: 'favorites',
    synonyms: [
      'favourites',
      'favorite',
      'favourite',
      'favorite photos',
      'favourite photos',
      'favorite pictures',
      'favourite pictures',
      'faves',
      'starred photos',
    ],
  },
];

/** "photos" alone means everything (videos included), so PHOTO only takes words that exclude videos. */
export const ENGLISH_MEDIA_KINDS: EntitySeed[] = [
  { id: 'VIDEO', value: 'videos', synonyms: ['video', 'clips', 'clip', 'home videos', 'movies'] },
  {
    id: 'PHOTO',
    value: 'still photos',
    synonyms: [
      'only photos',
      'just photos',
      'photos only',
      'still pictures',
      'only pictures',
      'just pictures',
    ],
  },
];

/**
 * "every christmas": the word before a holiday that asks for it in all years. The skill reads any RECURRENCE value
 * as "every year", so these join the EVERY_YEAR value the generator takes from lambda/i18n/model-en.ts.
 */
export const ENGLISH_RECURRENCE_WORDS: readonly string[] = ['every', 'each'];

export const ENGLISH_ON_THIS_DAY: EntitySeed = {
  id: 'ON_THIS_DAY',
  value: 'on this day',
  synonyms: ['this day in history', 'on this day in history', 'on this date', 'this day in past years'],
};

export const ENGLISH_SHOW_ADDITIONS: readonly string[] = [
  // Favourites.
  '$show (me|) (my|our) {favorites}',
  '(play|open|start) (my|our) {favorites}',
  '$play a slideshow of (my|our) {favorites}',
  '(my|our) {favorites}',
  '(my|our) {favorites} $photos',
  '$brief (me|) (my|our) {favorites} $photos',
  '(my|our) {favorites} {subject} $photos',
  '$brief (me|) (my|our) {favorites} {subject} $photos',
  '(play|open) (my|our) {favorites} {subject} $photos',
  '$brief (my|our) {favorites} (from|taken in) {date}',
  '(play|open) (my|our) {favorites} (from|taken in) {date}',
  '(my|our) {favorites} from {date}',
  '$brief (my|our) {favorites} $photos (from|taken in) {date}',
  '$brief (my|our) {favorites} (from|in) {place}',
  '$brief (my|our) {favorites} $photos (of|with) {person}',
  '$brief (my|our) {favorites} {media}',
  // Media kinds.
  '$show (me|) (my|our|all my|the|) {media}',
  '(play|open|start) (my|our|the) {media}',
  '$play a slideshow of (my|our|) {media}',
  '{media} (from|taken in) {date}',
  '(my|our) {media} from {date}',
  '$brief (me|) (my|our|the|) {media} (from|taken in|taken on) {date}',
  '$brief (me|) (my|our|the|) {media} (from|in) {place}',
  '$brief (me|) (my|our|the|) {media} (of|with) {person}',
  '$brief (me|) (my|our|the|) {media} (of|with) (the|) {subject}',
  '$brief (me|) (my|our|the|) {subject} {media}',
  '$brief (me|) (my|our|the|) {media} (from|of) {holiday}',
  // On this day and holidays with a year.
  '$show (me|) (my|our|) $photos {holiday}',
  '$show (me|) (my|our|) $photos from {holiday}',
  '(show|show me) {holiday}',
  '(what happened|what did we do|what did i do) {holiday}',
  '$brief $photos (from|of) {holiday} {date}',
  '$brief {holiday} {date} $photos',
  '$brief (me|) {holiday} {date}',
  '$photos (from|of) {holiday} {date}',
  '{holiday} {date} $photos',
  // A place and a date with nothing between them: the date must not be heard as part of the place.
  '$brief (me|) $photos (from|in|taken in) {place} {date}',
  '$brief (me|) {subject} $photos (from|in) {place} {date}',
  '$photos (from|in) {place} {date}',
  '$brief (me|) $photos of (the|) {subject} (in|from) {place}',
  '$brief (me|) $photos of (the|) {subject} (in|from) {place} {date}',
  '$brief (me|) $photos (from|in) {country} {date}',
  '$photos (from|in) {country} {date}',
  // The date first: "photos from last summer in paris".
  '$brief (me|) $photos (from|taken) {date} in {place}',
  '$photos from {date} in {place}',
  '$brief (me|) {subject} $photos from {date} in {place}',
  '$brief (me|) $photos (from|taken) {date} in {country}',
  // Every year: "christmas photos every year", "photos from every christmas", "every christmas in munich". Without
  // these "every year" after a holiday is heard as part of a place or dropped, and the request narrows to one year.
  '$brief (me|) {holiday} $photos {recurrence}',
  '$brief (me|) $photos (from|of) {holiday} {recurrence}',
  '{holiday} $photos {recurrence}',
  '$photos (from|of) {holiday} {recurrence}',
  '$brief (me|) $photos (from|of) {recurrence} {holiday}',
  '$photos (from|of) {recurrence} {holiday}',
  '$brief (me|) {recurrence} {holiday}',
  '{recurrence} {holiday} $photos',
  '$brief (me|) $photos (from|of) {recurrence} {holiday} (in|from) {place}',
  '{recurrence} {holiday} (in|from) {place}',
  '$brief (me|) $photos (from|of) {holiday} (in|from) {place} {recurrence}',
  // A place and a holiday: "photos from london last christmas".
  '$brief (me|) $photos (from|in) {place} (last|at|on) {holiday}',
  '$photos (from|in) {place} (last|at|on) {holiday}',
];
