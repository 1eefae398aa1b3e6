import type { PhotoQueryInput } from '../../common/contracts';
import type { VocabularyLanguage } from '../../common/vocabulary';
import {
  germanLabel,
  germanLabelInAnyText,
  normalizeWords,
  searchLabelFor,
  singularForms,
} from '../../common/vocabulary';
import { isDateWord, isFiller, isOnlyFillerOrDate, isYear, withYearSpansJoined } from './filler-words';
import type { ParseVocabulary, PlaceLevel, VocabularyPlace } from './types';

export type VocabularyMatch =
  | { kind: 'person'; value: { id: string; name: string } }
  | { kind: 'album'; value: { id: string; name: string } }
  | { kind: 'place'; value: { name: string; level: PlaceLevel } }
  | { kind: 'label'; value: string }
  | { kind: 'favorites'; value: true }
  | { kind: 'video'; value: 'video' }
  | { kind: 'order'; value: SpokenOrder };

/** The order words ask photos in ("my latest photos"): one of the query's orders. */
export type SpokenOrder = NonNullable<PhotoQueryInput['order']>;

/**
 * Who wins when one word names several things: a person first; a label before an album, since folder albums are
 * often named after what is in them (Beach) and the label also finds the beach photos filed elsewhere.
 */
const KIND_ORDER: readonly VocabularyMatch['kind'][] = [
  'person',
  'label',
  'album',
  'place',
  'favorites',
  'video',
  'order',
];

const FAVORITE_WORDS = [
  'favorites',
  'favourites',
  'favorite',
  'favourite',
  'faves',
  'fave',
  'best',
  'starred',
  // German
  'favoriten',
  'lieblingsfotos',
  'lieblingsbilder',
  'lieblingsfoto',
];
const VIDEO_WORDS = ['video', 'videos', 'clip', 'clips', 'movie', 'movies', 'film', 'films', 'filme'];
/**
 * Words that say in which order, not which photos ("my latest photos", "zufällige Bilder"): no filter, so
 * "recent photos" is every photo, newest first, rather than an unknown word that finds none. "last" and "new" are
 * not among them: "last summer", "new year's eve".
 */
const ORDER_WORDS: Readonly<Record<SpokenOrder, readonly string[]>> = {
  newest: ['latest', 'newest', 'recent', 'most recent', 'neueste', 'neuesten', 'aktuelle', 'aktuellen'],
  // "my old photos" are the ones from long ago: oldest first, like "my latest photos" newest first.
  oldest: ['oldest', 'earliest', 'old', 'älteste', 'ältesten', 'aelteste', 'aeltesten', 'alte', 'alten'],
  shuffle: ['random', 'shuffled', 'randomly', 'zufällige', 'zufälligen', 'zufaellige', 'zufaelligen'],
};

/**
 * What people call a country besides its English name, by ISO code. A bare "us" is not here: in "photos of us" it
 * is a pronoun; "the us" and "in the US" still work.
 */
const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['usa', 'u s a', 'u s', 'the us', 'the usa', 'the states', 'united states of america', 'america'],
  GB: ['uk', 'u k', 'the uk', 'britain', 'great britain', 'england', 'scotland', 'wales'],
  NL: ['holland'],
  AE: ['uae', 'the uae', 'emirates'],
  KR: ['korea', 'south korea'],
  CZ: ['czech republic', 'czechia'],
  CH: ['switzerland'],
};

let countryCodesByName: Map<string, string> | undefined;

/** English country name → ISO code, from the same Intl names the gazetteer stores. */
function countryCodeOf(name: string): string | undefined {
  if (!countryCodesByName) {
    countryCodesByName = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const english = names.of(code);
        // Deprecated codes share a name with the current one ("UK" and "GB"): the first, current one wins.
        const key = english && english !== code ? phraseKey(english) : undefined;
        if (key && !countryCodesByName.has(key)) countryCodesByName.set(key, code);
      }
    }
  }
  return countryCodesByName.get(phraseKey(name));
}

/** Normalized and accent-folded: "São Paulo", "sao paulo" and "SAO-PAULO" are one key. */
export function phraseKey(text: string): string {
  return normalizeWords(text).normalize('NFKD').replace(/\p{M}/gu, '');
}

/** The owner's names (people, albums, places, labels in use) plus the canonical labels and a few fixed words. */
export class VocabularyIndex {
  private readonly entries = new Map<string, VocabularyMatch[]>();
  private readonly placesInUse: ReadonlySet<string>;

  constructor(
    vocabulary: ParseVocabulary,
    private readonly findPlaces?: (name: string) => readonly VocabularyPlace[],
  ) {
    this.placesInUse = new Set(vocabulary.places.map(placeKey));
    for (const person of vocabulary.people) {
      const value = { id: person.id, name: person.name };
      for (const name of [person.name, ...person.synonyms]) this.add(name, { kind: 'person', value });
    }
    // Albums only by their whole name (or without a trailing year when the rest is distinctive): the vocabulary's
    // other spoken variants of an album ("photos from" for "Photos from 2026") would swallow ordinary words.
    for (const album of vocabulary.albums) {
      const value = { id: album.id, name: album.name };
      for (const phrase of this.albumPhrases(album.name, vocabulary.labels)) {
        this.add(phrase, { kind: 'album', value });
      }
      // Said with the word "album", the name without its year is the album however common its words: "my winter
      // album", "the beach album" (these phrases are read before dates and labels take their words).
      // With and without the year: "the album Yellowstone 2021" is that album, not "album Yellowstone" and a year.
      const words = nameWords(album.name);
      const short = words.slice(0, -1);
      if (short.length > 0 && isYear(words.at(-1) ?? '') && !short.every(isFiller)) {
        for (const name of [short.join(' '), normalizeWords(album.name)]) {
          this.add(`${name} album`, { kind: 'album', value });
          this.add(`album ${name}`, { kind: 'album', value });
        }
      }
    }
    for (const place of vocabulary.places) {
      const match: VocabularyMatch = { kind: 'place', value: { name: place.name, level: place.level } };
      this.add(place.name, match);
      const code = place.level === 'country' ? countryCodeOf(place.name) : undefined;
      for (const alias of (code && COUNTRY_ALIASES[code]) ?? []) this.add(alias, match);
    }
    for (const label of vocabulary.labels) this.add(label, { kind: 'label', value: label });
    for (const word of FAVORITE_WORDS) this.add(word, { kind: 'favorites', value: true });
    for (const word of VIDEO_WORDS) this.add(word, { kind: 'video', value: 'video' });
    for (const [order, words] of Object.entries(ORDER_WORDS) as [SpokenOrder, readonly string[]][]) {
      for (const word of words) this.add(word, { kind: 'order', value: order });
    }
  }

  /**
   * The whole name, and the name without a trailing year ("Hawaii 2019" → "hawaii") when what is left is
   * distinctive: more than one content word, or one that is no label, place or other common word. A name made only
   * of filler and date words ("Photos from 2026", "My Pictures") is never matched at all.
   */
  private albumPhrases(name: string, labelsInUse: readonly string[]): string[] {
    const written = normalizeWords(name)
      .split(' ')
      .filter((w) => w.length > 0);
    if (written.length === 0 || isOnlyFillerOrDate(written.join(' '))) return [];
    const phrases = [written.join(' ')];
    // A season's year span ("Winter 2025-26") is one trailing year.
    const words = withYearSpansJoined(written);
    const rest = words.slice(0, isYear(words.at(-1) ?? '') ? -1 : undefined);
    if (rest.length === words.length) return phrases;
    const content = rest.filter((w) => !isFiller(w) && !isDateWord(w));
    const [single] = content;
    const common = (word: string): boolean =>
      searchLabelFor(word) !== undefined ||
      labelsInUse.some((label) => phraseKey(label) === phraseKey(word)) ||
      (this.findPlaces?.(word).length ?? 0) > 0;
    if (content.length >= 2 || (content.length === 1 && single !== undefined && !common(single))) {
      phrases.push(rest.join(' '));
    }
    return phrases;
  }

  private add(phrase: string, match: VocabularyMatch): void {
    const key = phraseKey(phrase);
    if (key.length === 0) return;
    const list = this.entries.get(key) ?? [];
    if (!list.some((m) => sameMatch(m, match))) list.push(match);
    this.entries.set(key, list);
  }

  /**
   * Everything a phrase can name, best first. `preferPlace` after "in"/"at": "in Paris" is the city even when a
   * friend is called Paris. Plurals and possessives ("moms", "mom's") fall back to the singular. `anyPlace`: any
   * place of the gazetteer, with or without photos ("Italy"), once dates have had their words; before that only
   * places the library has or that follow "in"/"at", so no town named like a date word takes it.
   * A phrase made only of filler ("photos from") is never taken for a place.
   */
  lookup(
    phrase: string,
    preferPlace: boolean,
    anyPlace = false,
    language?: VocabularyLanguage,
  ): VocabularyMatch[] {
    const key = phraseKey(phrase);
    let matches = [...(this.entries.get(key) ?? [])];
    // Text said to be German reads a German word as German first: "Strand" is the beach, not a rope's strand.
    const label = (language === 'de' ? germanLabel(key) : undefined) ?? searchLabelFor(key);
    if (label && !matches.some((m) => m.kind === 'label')) matches.push({ kind: 'label', value: label });
    if (matches.length === 0) {
      for (const form of singularForms(key)) {
        matches = [...(this.entries.get(form) ?? [])];
        if (matches.length > 0) break;
      }
    }
    const places =
      matches.length === 0 && this.findPlaces && !key.split(' ').every(isFiller)
        ? this.findPlaces(phrase)
        : [];
    // The gazetteer knows every town, including ones named like words ("Beach", North Dakota): a place the library
    // has, or any place when the words before it say a place follows.
    const placeInUse =
      places.find((p) => this.placesInUse.has(placeKey(p))) ?? (preferPlace ? places[0] : undefined);
    if (placeInUse) matches = [{ kind: 'place', value: { name: placeInUse.name, level: placeInUse.level } }];
    // Free text states no language: a German label word ("Hunden") after English and the library's own places,
    // before a gazetteer town that merely shares the word. Umlauts kept: the German words are written with them.
    const german =
      matches.length === 0
        ? language === 'de'
          ? germanLabel(phrase)
          : germanLabelInAnyText(phrase)
        : undefined;
    if (german) matches = [{ kind: 'label', value: german }];
    const anyTown =
      matches.length === 0 && anyPlace ? places.find((p) => p.standsAlone !== false) : undefined;
    if (anyTown) matches = [{ kind: 'place', value: { name: anyTown.name, level: anyTown.level } }];
    const rank = (m: VocabularyMatch): number =>
      preferPlace && m.kind === 'place' ? -1 : KIND_ORDER.indexOf(m.kind);
    return matches.sort((a, b) => rank(a) - rank(b));
  }
}

function placeKey(place: VocabularyPlace): string {
  return `${place.level}:${phraseKey(place.name)}`;
}

function sameMatch(a: VocabularyMatch, b: VocabularyMatch): boolean {
  return a.kind === b.kind && JSON.stringify(a.value) === JSON.stringify(b.value);
}

/** A name's words, a season's year span ("2025-26") as one year. */
function nameWords(name: string): string[] {
  return withYearSpansJoined(
    normalizeWords(name)
      .split(' ')
      .filter((w) => w.length > 0),
  );
}
