import type { HolidayId } from '../util/holidays';
import type { EntitySeed } from './model-en';
import { GERMAN_HOLIDAYS } from './vocabulary-de';

/** German interaction-model sources; same template syntax as model-en.ts. */
export const GERMAN_SHORTHANDS: Readonly<Record<string, string>> = {
  $show: '(zeig|zeig mir|zeige mir|zeig uns|ich möchte)',
  /** Combinations of two or more slots multiply fast: fewer verbs. */
  $brief: '(zeig|zeig mir)',
  $photos: '(fotos|bilder)',
  $from: '(vom|von|aus dem|aus)',
};

export const GERMAN_SHOW_TEMPLATES: readonly string[] = [
  // Alles.
  '$show (meine|alle meine|alle|unsere) $photos',
  '(starte|spiel|spiele) eine diashow',
  '(starte|spiel|spiele) eine diashow (mit|von) (meinen|allen) $photos',
  // Was.
  '$show {subject} $photos',
  '$show (meine|unsere|die) {subject} $photos',
  '$show $photos (vom|von|mit|mit dem|mit der) {subject}',
  '$show {subject}',
  '(starte|spiel) eine diashow (mit|von) {subject} $photos',
  '{subject} $photos',
  '$photos (vom|von|mit) {subject}',
  // Wann.
  '$show $photos $from {date}',
  '$show (meine|unsere) $photos $from {date}',
  '$brief {subject} $photos $from {date}',
  '$brief {subject} $from {date}',
  '$brief $photos (vom|von|mit) {subject} $from {date}',
  '(starte|spiel) eine diashow mit $photos $from {date}',
  '$photos $from {date}',
  '$photos (vom|von|mit) {subject} $from {date}',
  '(was haben wir|was habe ich) {date} gemacht',
  'wo waren wir {date}',
  'was haben wir {date} erlebt',
  // Wo.
  '$show $photos (aus|in|von) {place}',
  '$show $photos (von|aus) (unserer|meiner|der) reise nach {place}',
  '$show $photos (von|aus) (unserem|meinem|dem) urlaub in {place}',
  '$brief {subject} $photos (aus|in) {place}',
  '$show $photos (aus|in|von) {country}',
  '$show $photos (von|aus) (unserer|meiner|der) reise nach {country}',
  '$brief $photos (aus|in) {place} $from {date}',
  '$brief $photos (aus|in) {country} $from {date}',
  '$photos (von|aus) (unserer|meiner) reise nach {place}',
  'was haben wir in {place} gemacht',
  // Wer.
  '$show $photos (von|mit) {person}',
  '$show {person} $photos',
  '$brief $photos (von|mit) {person} $from {date}',
  '$brief $photos (von|mit) {person} (in|aus) {place}',
  '$brief {subject} $photos mit {person}',
  // Alben.
  '(spiel|zeig|öffne|zeig mir) (mein|das|unser) album {album}',
  '(spiel|zeig|öffne) (mein|das|unser) {album} album',
  '$show $photos aus (dem|meinem|unserem) album {album}',
  '(starte|spiel) eine diashow (mit|von) (dem|meinem) album {album}',
  '$brief das album {album} $from {date}',
  // Feiertage.
  '$show $photos (von|vom|an|zu) {holiday}',
  '$show $photos (vom|von) letzten {holiday}',
  '$brief $photos (von|vom) {holiday} aus {recurrence}',
  '$brief $photos (von|vom) {holiday} (im jahr|aus dem jahr|aus) {date}',
  '$brief {subject} $photos (von|vom|an) {holiday}',
  '$brief $photos (von|mit) {person} (an|zu|vom|von) {holiday}',
  '(was haben wir|was habe ich) (an|zu) {holiday} gemacht',
  'wo waren wir (an|zu) {holiday}',
  '$photos (von|vom) (letzten|) {holiday}',
];

export const GERMAN_SEARCH_TEMPLATES: readonly string[] = [
  '(suche|such|finde|finde mir) {query}',
  '(suche|such) nach {query}',
  '(suche|such) in meinen (fotos|bildern) nach {query}',
];

/** "Was ist das für ein Foto?" while a photo is on screen. */
export const GERMAN_PHOTO_INFO_TEMPLATES: readonly string[] = [
  'was ist das für ein (foto|bild)',
  'erzähl mir etwas über (das|dieses) (foto|bild)',
  '(wo|wann) wurde (das|dieses) (foto|bild) aufgenommen',
  'wo ist das',
  'wer ist auf (dem|diesem) (foto|bild)',
];

export function germanHolidays(): EntitySeed[] {
  return (Object.entries(GERMAN_HOLIDAYS) as Array<[HolidayId, (typeof GERMAN_HOLIDAYS)[HolidayId]]>).map(
    ([id, holiday]) => ({ id, value: holiday.value, synonyms: holiday.synonyms }),
  );
}

export const GERMAN_PEOPLE: EntitySeed[] = [
  { id: 'MOM', value: 'mama', synonyms: ['mamas', 'mutti', 'mutter', 'meiner mutter', 'meiner mama'] },
  { id: 'DAD', value: 'papa', synonyms: ['papas', 'vati', 'vater', 'meinem vater', 'meinem papa'] },
  { id: 'GRANDMA', value: 'oma', synonyms: ['omas', 'großmutter', 'omi'] },
  { id: 'GRANDPA', value: 'opa', synonyms: ['opas', 'großvater', 'opi'] },
  { id: 'BROTHER', value: 'meinem bruder', synonyms: ['mein bruder', 'bruder'] },
  { id: 'SISTER', value: 'meiner schwester', synonyms: ['meine schwester', 'schwester'] },
  { id: 'SON', value: 'meinem sohn', synonyms: ['mein sohn', 'sohn'] },
  { id: 'DAUGHTER', value: 'meiner tochter', synonyms: ['meine tochter', 'tochter'] },
];

export const GERMAN_ALBUMS: EntitySeed[] = [
  { id: 'VACATION', value: 'urlaub', synonyms: ['sommerurlaub', 'reise', 'roadtrip'] },
  { id: 'WEDDING', value: 'hochzeit', synonyms: ['unsere hochzeit'] },
  { id: 'FAVORITES', value: 'favoriten', synonyms: ['lieblingsfotos', 'lieblingsbilder'] },
  { id: 'HONEYMOON', value: 'flitterwochen', synonyms: [] },
  { id: 'CAMERA_ROLL', value: 'aufnahmen', synonyms: ['neueste', 'zuletzt'] },
];

export const GERMAN_RECURRENCE: EntitySeed[] = [
  {
    id: 'EVERY_YEAR',
    value: 'allen jahren',
    synonyms: ['jedem jahr', 'all den jahren', 'den letzten jahren'],
  },
];
