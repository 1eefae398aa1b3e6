import type { EntitySeed } from '../../lambda/i18n/model-en';

/**
 * German ShowPhotos requests beyond lambda/i18n/model-de.ts: favourites and media kinds, "an diesem Tag", a holiday
 * with its year, a place with a date, and the imperative "zeige" with and without "mir". Same template syntax.
 */
export const GERMAN_FAVORITES: EntitySeed[] = [
  {
    id: 'FAVORITES',
    value: 'lieblingsfotos',
    synonyms: ['favoriten', 'lieblingsbilder', 'lieblingsaufnahmen', 'favoritenfotos', 'besten fotos'],
  },
];

export const GERMAN_MEDIA_KINDS: EntitySeed[] = [
  { id: 'VIDEO', value: 'videos', synonyms: ['video', 'clips', 'filme', 'videoclips'] },
  { id: 'PHOTO', value: 'nur fotos', synonyms: ['nur bilder', 'nur die fotos', 'nur die bilder'] },
];

export const GERMAN_ON_THIS_DAY: EntitySeed = {
  id: 'ON_THIS_DAY',
  value: 'an diesem tag',
  synonyms: ['heute vor jahren', 'an diesem tag in früheren jahren', 'an diesem datum'],
};

export const GERMAN_SHOW_ADDITIONS: readonly string[] = [
  // "Zeige" on its own, and with "mir"/"uns".
  '(zeige|zeige uns) (meine|alle meine|alle|unsere) $photos',
  '(zeige|zeige uns) {subject} $photos',
  '(zeige|zeige uns) (meine|unsere|die) {subject} $photos',
  '(zeige|zeige uns) $photos (vom|von|mit|mit dem|mit der) {subject}',
  '(zeige|zeige uns) {subject}',
  '(zeige|zeige uns) $photos $from {date}',
  '(zeige|zeige uns) {subject} $photos $from {date}',
  '(zeige|zeige uns) $photos (aus|in|von) {place}',
  '(zeige|zeige uns) $photos (von|mit) {person}',
  '(zeige|zeige uns) $photos (von|vom|an|zu) {holiday}',
  // Lieblingsfotos.
  '(zeige|zeig|zeig mir|zeige mir|zeig uns) (meine|unsere) {favorites}',
  '(spiel|spiele|starte|öffne) (meine|unsere) {favorites}',
  '(spiel|spiele) (meine|unsere) {favorites} ab',
  '(starte|spiel) eine diashow (mit|von) (meinen|unseren) {favorites}',
  '(meine|unsere) {favorites}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere) {favorites} $from {date}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere) {favorites} (aus|in) {place}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere) {favorites} (vom|von|mit) {subject}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere) {favorites} mit {person}',
  // Videos.
  '(zeige|zeig|zeig mir|zeige mir|zeig uns) (meine|unsere|alle|die|) {media}',
  '(spiel|spiele|starte|öffne) (meine|unsere|die) {media}',
  '(spiel|spiele) (meine|unsere|die) {media} ab',
  '{media} $from {date}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere|die|) {media} $from {date}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere|die|) {media} (aus|in|von) {place}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere|die|) {media} (von|mit) {person}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere|die|) {media} (vom|von|mit) {subject}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere|die|) {media} (von|vom) {holiday}',
  // An diesem Tag, Feiertage mit Jahr.
  '(zeig|zeig mir|zeige|zeige mir) $photos {holiday}',
  '(zeig|zeig mir|zeige|zeige mir) (meine|unsere) $photos {holiday}',
  '(was war|was haben wir gemacht|was geschah) {holiday}',
  '(zeig|zeig mir|zeige|zeige mir) $photos (von|vom) {holiday} {date}',
  '$photos (von|vom) {holiday} {date}',
  '(zeig|zeig mir|zeige|zeige mir) {holiday} {date}',
  // Ort und Datum ohne Wort dazwischen: "Paris letzten Sommer".
  '(zeig|zeig mir|zeige|zeige mir) $photos (aus|in) {place} {date}',
  '$photos (aus|in) {place} {date}',
  '(zeig|zeig mir|zeige|zeige mir) $photos (aus|in) {country} {date}',
  '$photos (aus|in) {country} {date}',
  // Erst das Datum: "Fotos vom letzten Sommer in Paris".
  '(zeig|zeig mir|zeige|zeige mir) $photos $from {date} (aus|in) {place}',
  '$photos $from {date} (aus|in) {place}',
  // Jedes Jahr: "Fotos von Weihnachten in allen Jahren", "Weihnachtsfotos aus jedem Jahr".
  '(zeig|zeig mir|zeige|zeige mir) $photos (von|vom) {holiday} (in|aus) {recurrence}',
  '$photos (von|vom) {holiday} (in|aus) {recurrence}',
  '(zeig|zeig mir|zeige|zeige mir) $photos (von|vom) {holiday} (in|aus) {place} (in|aus) {recurrence}',
  // Ort und Feiertag: "Fotos aus London letzte Weihnachten".
  '(zeig|zeig mir|zeige|zeige mir) $photos (aus|in) {place} (an|zu|letzte|letzten) {holiday}',
];
