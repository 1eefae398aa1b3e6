import { searchLabelFor } from '../../common/vocabulary';
import { normalizeWords, singularForms } from '../../common/vocabulary';
import type { ParseVocabulary, PlaceLevel, VocabularyPlace } from './types';

export type VocabularyMatch =
  | { kind: 'person'; value: { id: string; name: string } }
  | { kind: 'album'; value: { id: string; name: string } }
  | { kind: 'place'; value: { name: string; level: PlaceLevel } }
  | { kind: 'label'; value: string }
  | { kind: 'favorites'; value: true }
  | { kind: 'video'; value: 'video' };

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
];
const VIDEO_WORDS = ['video', 'videos', 'clip', 'clips', 'movie', 'movies', 'film', 'films'];

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
    for (const album of vocabulary.albums) {
      const value = { id: album.id, name: album.name };
      for (const name of [album.name, ...(album.synonyms ?? [])]) this.add(name, { kind: 'album', value });
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
   * friend is called Paris. Plurals and possessives ("moms", "mom's") fall back to the singular.
   */
  lookup(phrase: string, preferPlace: boolean): VocabularyMatch[] {
    const key = phraseKey(phrase);
    let matches = [...(this.entries.get(key) ?? [])];
    const label = searchLabelFor(key);
    if (label && !matches.some((m) => m.kind === 'label')) matches.push({ kind: 'label', value: label });
    if (matches.length === 0) {
      for (const form of singularForms(key)) {
        matches = [...(this.entries.get(form) ?? [])];
        if (matches.length > 0) break;
      }
    }
    if (matches.length === 0 && this.findPlaces) {
      // The gazetteer knows every town, including ones named like words ("Beach", North Dakota): a place the
      // library has, or any place when the words before it say a place follows.
      const places = this.findPlaces(phrase);
      const place =
        places.find((p) => this.placesInUse.has(placeKey(p))) ?? (preferPlace ? places[0] : undefined);
      if (place) matches = [{ kind: 'place', value: { name: place.name, level: place.level } }];
    }
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
