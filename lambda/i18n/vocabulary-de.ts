import { CONCEPTS, type GermanPhotoNoun } from '../../common/vocabulary';
import type { HolidayId } from '../../common/calendar';

/** A library label in German: the word said back, the other words for it, and its compound stem. */
export interface GermanSubject {
  name: string;
  synonyms: readonly string[];
  /** "strand" → "Strandfotos": German runs the subject and "Fotos" together into one word. */
  stem?: string;
}

/**
 * German names for the library's labels (keys are library labels), read from the one vocabulary in
 * common/vocabulary, where the German words live beside the English ones.
 */
export const GERMAN_SUBJECTS: Readonly<Record<string, GermanSubject>> = Object.fromEntries(
  CONCEPTS.map((concept) => [
    concept.label,
    { name: concept.de.name, synonyms: concept.de.forms ?? [], stem: concept.de.stem },
  ]),
);

/** One of a noun of this gender: "ein Foto", "eine …", and "einen Screenshot" as an object ("Du hast …"). */
export function germanOne(article: GermanPhotoNoun['article'], asObject: boolean): string {
  if (article === 'die') return 'eine';
  return article === 'der' && asObject ? 'einen' : 'ein';
}

/** German holiday names: slot value and synonyms, and the phrases speech uses ("von Weihnachten 2025"). */
export interface GermanHoliday {
  value: string;
  synonyms: readonly string[];
  /** Followed by the year: "von Weihnachten" 2025. */
  from: string;
  /** "von jedem Weihnachtsfest". */
  every: string;
}

export const GERMAN_HOLIDAYS: Readonly<Record<HolidayId, GermanHoliday>> = {
  CHRISTMAS: {
    value: 'weihnachten',
    synonyms: ['weihnachtsfest', 'erster weihnachtstag', 'die weihnachtsfeiertage'],
    from: 'von Weihnachten',
    every: 'von jedem Weihnachtsfest',
  },
  CHRISTMAS_EVE: {
    value: 'heiligabend',
    synonyms: ['heiliger abend', 'heiligen abend'],
    from: 'von Heiligabend',
    every: 'von jedem Heiligabend',
  },
  NEW_YEARS_EVE: {
    value: 'silvester',
    synonyms: ['silvesterabend'],
    from: 'von Silvester',
    every: 'von jedem Silvester',
  },
  NEW_YEARS_DAY: {
    value: 'neujahr',
    synonyms: ['neujahrstag'],
    from: 'von Neujahr',
    every: 'von jedem Neujahrstag',
  },
  THANKSGIVING: {
    value: 'erntedank',
    synonyms: ['erntedankfest', 'thanksgiving'],
    from: 'vom Erntedankfest',
    every: 'von jedem Erntedankfest',
  },
  EASTER: {
    value: 'ostern',
    synonyms: ['ostersonntag', 'osterfest'],
    from: 'von Ostern',
    every: 'von jedem Osterfest',
  },
  HALLOWEEN: { value: 'halloween', synonyms: [], from: 'von Halloween', every: 'von jedem Halloween' },
  VALENTINES_DAY: {
    value: 'valentinstag',
    synonyms: ['valentin'],
    from: 'vom Valentinstag',
    every: 'von jedem Valentinstag',
  },
  MOTHERS_DAY: { value: 'muttertag', synonyms: [], from: 'vom Muttertag', every: 'von jedem Muttertag' },
  FATHERS_DAY: {
    value: 'vatertag',
    synonyms: ['himmelfahrt', 'christi himmelfahrt'],
    from: 'vom Vatertag',
    every: 'von jedem Vatertag',
  },
  BIRTHDAY: {
    value: 'geburtstag',
    synonyms: ['geburtstagen', 'meinem geburtstag', 'deinem geburtstag'],
    from: 'von Geburtstagen',
    every: 'von jedem Geburtstag',
  },
};
