import type { HolidayId } from '../util/holidays';

/** A library label in German: the word said back, the words Alexa should hear as it, and its compound stem. */
export interface GermanSubject {
  name: string;
  synonyms: readonly string[];
  /** "strand" → "Strandfotos", "Strandbilder": German runs the subject and "Fotos" together into one word. */
  stem: string;
}

/**
 * German names for the library's labels (keys are library labels). The de-DE model's PhotoSubject ids are the
 * same as in English; these words are not run through the English vocabulary, so they need not resolve there.
 * Entries for labels the library does not have (yet) are ignored by the model generator.
 */
export const GERMAN_SUBJECTS: Readonly<Record<string, GermanSubject>> = {
  beach: { name: 'Strand', synonyms: ['strände', 'meer', 'küste', 'ozean', 'sandstrand'], stem: 'strand' },
  mountain: { name: 'Berge', synonyms: ['berg', 'gebirge', 'alpen', 'gipfel', 'wandern'], stem: 'berg' },
  dog: { name: 'Hund', synonyms: ['hunde', 'welpe', 'welpen', 'hündchen'], stem: 'hunde' },
  cat: { name: 'Katze', synonyms: ['katzen', 'kätzchen', 'kater'], stem: 'katzen' },
  snow: { name: 'Schnee', synonyms: ['verschneit', 'skifahren', 'ski'], stem: 'schnee' },
  sunset: {
    name: 'Sonnenuntergang',
    synonyms: ['sonnenuntergänge', 'sonnenaufgang', 'abendrot', 'dämmerung'],
    stem: 'sonnenuntergangs',
  },
  city: { name: 'Stadt', synonyms: ['städte', 'skyline', 'straße', 'innenstadt'], stem: 'stadt' },
  food: { name: 'Essen', synonyms: ['pizza', 'kuchen', 'abendessen', 'mahlzeit'], stem: 'essens' },
  flowers: { name: 'Blumen', synonyms: ['blume', 'garten', 'blüte', 'blüten'], stem: 'blumen' },
  forest: { name: 'Wald', synonyms: ['wälder', 'bäume'], stem: 'wald' },
  lake: { name: 'See', synonyms: ['seen', 'fluss', 'teich', 'weiher'], stem: 'see' },
  birthday: {
    name: 'Geburtstag',
    synonyms: ['geburtstage', 'geburtstagsfeier', 'party'],
    stem: 'geburtstags',
  },
  family: { name: 'Familie', synonyms: ['familien', 'verwandte'], stem: 'familien' },
  animal: { name: 'Tiere', synonyms: ['tier', 'haustiere'], stem: 'tier' },
  nature: { name: 'Natur', synonyms: ['landschaft', 'draußen', 'im freien'], stem: 'natur' },
  celebration: { name: 'Feiern', synonyms: ['feier', 'feste', 'fest'], stem: 'feier' },
  wedding: { name: 'Hochzeit', synonyms: ['hochzeiten', 'trauung'], stem: 'hochzeits' },
  christmas: { name: 'Weihnachten', synonyms: ['weihnachtsbaum', 'christbaum'], stem: 'weihnachts' },
  bird: { name: 'Vögel', synonyms: ['vogel'], stem: 'vogel' },
  horse: { name: 'Pferde', synonyms: ['pferd'], stem: 'pferde' },
  baby: { name: 'Baby', synonyms: ['babys', 'säugling'], stem: 'baby' },
  car: { name: 'Auto', synonyms: ['autos', 'wagen'], stem: 'auto' },
  boat: { name: 'Boot', synonyms: ['boote', 'schiff', 'segeln'], stem: 'boots' },
  waterfall: { name: 'Wasserfall', synonyms: ['wasserfälle'], stem: 'wasserfall' },
};

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
