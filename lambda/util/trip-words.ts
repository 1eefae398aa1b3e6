import { GERMAN_SIMILARITY } from '../i18n/model-de';
import { ENGLISH_SIMILARITY } from '../i18n/model-en';

/** The SIMILARITY slot's words for the trip of the photo on screen, in every language ("this trip", "dieser Reise"). */
const TRIP_WORDS: ReadonlySet<string> = new Set(
  [...ENGLISH_SIMILARITY, ...GERMAN_SIMILARITY]
    .filter((seed) => seed.id === 'TRIP')
    .flatMap((seed) => [seed.value, ...seed.synonyms]),
);

/**
 * Whether a place heard is the trip of the photo on screen: "show photos from this trip" fills ShowPhotosIntent's
 * place slot with "this trip", which no place is called.
 */
export function isThisTrip(heard: string | undefined): boolean {
  return heard !== undefined && TRIP_WORDS.has(heard.trim().toLowerCase());
}
