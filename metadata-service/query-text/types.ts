import type { PhotoQueryInput } from '../../common/contracts';
import type { VocabularyLanguage } from '../../common/vocabulary';
import type { SpokenOrder, VocabularyIndex } from './vocabulary-index';

export type Hemisphere = 'N' | 'S';
/** The levels the query contract's place filter knows (common/contracts/photo-query.ts), so the two never drift. */
export type PlaceLevel = NonNullable<NonNullable<PhotoQueryInput['places']>[number]['level']>;

export interface VocabularyPerson {
  id: string;
  name: string;
  synonyms: readonly string[];
}

export interface VocabularyAlbum {
  id: string;
  name: string;
  /** Other ways to say it ("hawaii" for "Hawaii 2019"). */
  synonyms?: readonly string[];
}

export interface VocabularyPlace {
  /** Canonical English name as stored ("Santa Monica", "California", "United States"). */
  name: string;
  level: PlaceLevel;
  /**
   * From the gazetteer: whether the name alone, with no "in"/"at"/"from" before it, is taken for this place. A
   * country, region or big city is ("kyoto temples"); a small town named like a word is not ("happy birthday",
   * Happy, Texas). Absent means yes.
   */
  standsAlone?: boolean;
}

/** What the owner's library has words for: only these (and the canonical labels) are understood. */
export interface ParseVocabulary {
  /** Labels in use in the library, e.g. keywords kept as they were ("eiffel tower"). */
  labels: readonly string[];
  people: readonly VocabularyPerson[];
  albums: readonly VocabularyAlbum[];
  places: readonly VocabularyPlace[];
}

export interface ParseContext {
  /** 'de': German label words before English ones ("strand", "see"); unstated or 'en': English first. */
  language?: VocabularyLanguage;
  /** "Now": relative dates ("last summer") are relative to this instant as the user's clock shows it. */
  reference: Date;
  /** IANA zone of the user, e.g. "Australia/Sydney". */
  timeZone: string;
  hemisphere: Hemisphere;
  vocabulary: ParseVocabulary;
  /**
   * Capture-local span of the library, so "every christmas" covers the years it has photos of; without it, the
   * last 20 years.
   */
  librarySpan?: { first: string; last: string };
  /**
   * Every place a name may mean, from the gazetteer (places/findPlacesByName): knows "NYC" and "Deutschland", and
   * places the library has no photos of, so "in Kyoto" finds nothing instead of being ignored and finding everything.
   * Used after "in"/"at"/"near", or when it names a place of the vocabulary.
   */
  findPlaces?: (name: string) => readonly VocabularyPlace[];
  /**
   * `vocabulary` and `findPlaces` already indexed (text-context/ keeps one per owner): building the index is most
   * of a parse's time with a few hundred names (its entries are compared as they are added).
   */
  vocabularyIndex?: VocabularyIndex;
}

/** A capture-local range [from, to), `YYYY-MM-DDTHH:mm:ss`. */
export interface LocalRange {
  from: string;
  to: string;
}

export interface DateReading {
  /** How the words were read, e.g. "summer 2025" or "every christmas (2006–2025)". */
  description: string;
  ranges: LocalRange[];
  /**
   * Set by the calendar when the date has not begun yet ("this weekend" asked on a Wednesday): it can have no
   * photos, and `previous` is its last occurrence (named as a person would, "last weekend") to offer instead —
   * never to swap in silently.
   */
  future?: { previous?: { text: string; ranges: LocalRange[] } };
}

export interface MonthDayReading {
  month: number;
  day: number;
  plusMinusDays: number;
}

export type Understood =
  | { kind: 'label'; text: string; value: string }
  | { kind: 'person'; text: string; value: { id: string; name: string } }
  | { kind: 'album'; text: string; value: { id: string; name: string } }
  | { kind: 'place'; text: string; value: { name: string; level: PlaceLevel } }
  | { kind: 'date'; text: string; value: DateReading }
  | { kind: 'on-this-day'; text: string; value: MonthDayReading }
  | { kind: 'favorites'; text: string; value: true }
  | { kind: 'video'; text: string; value: 'video' }
  | { kind: 'order'; text: string; value: SpokenOrder };

export interface ParsedQuery {
  query: PhotoQueryInput;
  /** In the order the words appear in the text. */
  understood: Understood[];
  /**
   * Words that are not filler and that nothing matched (gibberish, a subject nothing is labelled with), neighbours
   * kept together: each is a failed constraint, so the text as a whole finds nothing.
   */
  unmatched: string[];
}
