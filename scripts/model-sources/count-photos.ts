/**
 * "How many beach photos do I have from last summer?": the same slots as ShowPhotosIntent, answered with a count
 * and no slideshow (lambda/handlers/show-photos-intent.ts answers both). Same template syntax and shorthands as
 * lambda/i18n/model-en.ts and model-de.ts.
 */
export const ENGLISH_COUNT_TEMPLATES: readonly string[] = [
  'how many $photos (do|did) (i|we) have',
  'how many $photos are (there|in my library)',
  'how many {subject} $photos (do|did) (i|we) (have|take)',
  'how many $photos (do|did) (i|we) (have|take) (from|in) {place}',
  'how many $photos (do|did) (i|we) (have|take) (from|in) {country}',
  'how many $photos (do|did) (i|we) (have|take) (of|with) {person}',
  'how many $photos (of|with) {person} (do|did) (i|we) have',
  'how many $photos (do|did) (i|we) (have|take) (from|in|on) {date}',
  'how many $photos (do|did) (i|we) (have|take) {date}',
  'how many $photos (do|did) (i|we) (have|take) (from|at|on) {holiday}',
  'how many $photos are in (my|the|our) {album} album',
  'how many {subject} $photos (do|did) (i|we) (have|take) (from|in) {place}',
  'how many {subject} $photos (do|did) (i|we) (have|take) (from|in|on) {date}',
  'how many $photos (do|did) (i|we) (have|take) (from|in) {place} (from|in|on) {date}',
  'how many {media} (do|did) (i|we) have',
  'how many {favorites} (do|did) (i|we) have',
  'how many $photos (do|did) (i|we) (have|take) (of|at|with) (the|my|our|) {subject}',
];

export const GERMAN_COUNT_TEMPLATES: readonly string[] = [
  'wie viele $photos (habe ich|haben wir)',
  'wie viele {subject} $photos (habe ich|haben wir)',
  'wie viele $photos (habe ich|haben wir) (aus|in) {place}',
  'wie viele $photos (habe ich|haben wir) (aus|in) {country}',
  'wie viele $photos (habe ich|haben wir) (von|mit) {person}',
  'wie viele $photos (habe ich|haben wir) $from {date}',
  'wie viele $photos (habe ich|haben wir) {date}',
  'wie viele $photos (habe ich|haben wir) (von|an) {holiday}',
  'wie viele $photos sind in (meinem|dem|unserem) album {album}',
  'wie viele {subject} $photos (habe ich|haben wir) (aus|in) {place}',
  'wie viele {subject} $photos (habe ich|haben wir) $from {date}',
  'wie viele {media} (habe ich|haben wir)',
  'wie viele $photos (habe ich|haben wir) (vom|von|mit|mit dem|mit der|am) {subject}',
];
