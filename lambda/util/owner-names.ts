import type { LibraryApi } from '../../common/clients/library-client';
import type { Vocabulary } from '../../common/contracts';
import type { ResolvedEntity } from './slot-resolution';
import { languageOf } from './text-language';
import { TtlCache } from './ttl-cache';

/** Which of the owner's names a slot asks for. */
export type OwnerNameKind = 'person' | 'album';

/** One of the owner's people or albums as the library's vocabulary lists it. */
type NamedEntry = Vocabulary['people'][number];

/**
 * Words around a name that are not part of it: "my dad", "the Smiths", "meinem Vater", "unserer Oma". Only whole
 * leading words are removed, and only when something is left.
 */
const LEADING_WORDS: Readonly<Record<'en' | 'de', readonly string[]>> = {
  en: ['my', 'our', 'the', 'of', 'with', 'from'],
  de: [
    'mein',
    'meine',
    'meinem',
    'meinen',
    'meiner',
    'meines',
    'unser',
    'unsere',
    'unserem',
    'unseren',
    'unserer',
    'unseres',
    'der',
    'die',
    'das',
    'dem',
    'den',
    'des',
    'von',
    'mit',
  ],
};

/**
 * Family words that name the same person ("my father" for someone the owner calls "Dad"). They only ever pick
 * among the owner's own names: "meinem Vater" finds a person named "Papa", never someone the owner did not name.
 */
const KIN_GROUPS: readonly (readonly string[])[] = [
  ['dad', 'daddy', 'father', 'papa', 'pa', 'pop', 'vater', 'vati', 'papi'],
  ['mom', 'mommy', 'mum', 'mummy', 'mother', 'mama', 'ma', 'mami', 'mutter', 'mutti'],
  ['grandma', 'granny', 'nana', 'nan', 'grandmother', 'oma', 'omi', 'großmutter'],
  ['grandpa', 'grandad', 'granddad', 'grandfather', 'opa', 'opi', 'großvater'],
  ['brother', 'bruder'],
  ['sister', 'schwester'],
  ['son', 'sohn'],
  ['daughter', 'tochter'],
  ['wife', 'frau', 'ehefrau'],
  ['husband', 'mann', 'ehemann'],
];

/** Lower-case, accents kept (German names differ by them), punctuation other than apostrophes gone. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The same name with accents folded away, for a second, looser comparison ("Zoe" heard for "Zoë"). */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * The forms a heard name may stand for, closest first: as heard; without "my"/"the"/"meinem"…; without a possessive
 * or plural ending ("Dad's", "the Smiths'", "Papas").
 */
export function heardForms(heard: string, locale: string): string[] {
  const language = languageOf(locale);
  const forms: string[] = [];
  const add = (form: string) => {
    const trimmed = form.trim();
    if (trimmed.length > 0 && !forms.includes(trimmed)) forms.push(trimmed);
  };
  const whole = normalizeName(heard);
  add(whole);
  const bare = withoutLeadingWords(whole, language);
  add(bare);
  for (const ending of ["'s", "s'", "'", 's']) {
    if (bare.length > ending.length + 1 && bare.endsWith(ending)) add(bare.slice(0, -ending.length));
  }
  return forms;
}

/**
 * `text` without the whole words in front of it that are not part of a name or a subject ("my dad", "the beach",
 * "meine Hunde"; LEADING_WORDS), as long as a word is left.
 */
export function withoutLeadingWords(text: string, language: 'en' | 'de'): string {
  let words = text.trim().split(/\s+/);
  while (words.length > 1 && LEADING_WORDS[language].includes(words[0]?.toLowerCase() ?? '')) {
    words = words.slice(1);
  }
  return words.join(' ');
}

/** Every way the owner's vocabulary says one entry, normalized. */
function spokenFormsOf(entry: NamedEntry): string[] {
  return [...new Set([entry.name, ...entry.synonyms].map(normalizeName).filter((form) => form.length > 0))];
}

const kinGroupOf = (word: string): readonly string[] | undefined =>
  KIN_GROUPS.find((group) => group.includes(word));

type Candidate = { entry: NamedEntry; forms: string[] };
type Tier = (candidate: Candidate, heard: readonly string[]) => boolean;

const exactly: Tier = (candidate, heard) => candidate.forms.some((form) => heard.includes(form));
const withoutAccents: Tier = (candidate, heard) =>
  candidate.forms.some((form) => heard.map(folded).includes(folded(form)));
/** "opa joe" for "Grandpa Joe", "my father" for "Dad": word for word, where they differ a family word of one group. */
const sameFamilyWord: Tier = (candidate, heard) =>
  candidate.forms.some((form) => heard.some((heardForm) => sameButFamilyWords(form, heardForm)));

function sameButFamilyWords(form: string, heardForm: string): boolean {
  const named = form.split(' ');
  const said = heardForm.split(' ');
  if (named.length !== said.length) return false;
  return named.every((word, i) => {
    const other = said[i] ?? '';
    return word === other || (kinGroupOf(word)?.includes(other) ?? false);
  });
}
const oneWordOfTheName: Tier = (candidate, heard) =>
  heard.some(
    (heardForm) =>
      !heardForm.includes(' ') &&
      candidate.forms.some((form) => form.includes(' ') && form.split(' ').includes(heardForm)),
  );
/** "Summer trip" for the album "Summer Trip 2019": a trailing year left off, when more than one word is left. */
const withoutTrailingYear: Tier = (candidate, heard) =>
  candidate.forms.some((form) => {
    const rest = form.replace(/ (19|20)\d\d$/, '');
    return rest !== form && rest.includes(' ') && heard.includes(rest);
  });

/**
 * How a heard name may match, best first; the first tier with any match wins, so "Anna" is ambiguous only among
 * equally good matches:
 * - people: the name or a synonym (case-insensitively), then with accents folded, then a family word in the same
 *   group ("my father" → "Dad", "meinem Vater" → "Papa"), then one word of a longer name ("the Smiths" → "Anna
 *   Smith" and "John Smith");
 * - albums: only their whole name (or synonym), with accents folded, or without a trailing year when the rest is
 *   more than one word: one word of an album's name is not that album.
 */
const TIERS: Readonly<Record<OwnerNameKind, readonly Tier[]>> = {
  person: [exactly, withoutAccents, sameFamilyWord, oneWordOfTheName],
  album: [exactly, withoutAccents, withoutTrailingYear],
};

/** The owner's people or albums a heard name stands for (several when it is ambiguous, none when unknown). */
export function matchOwnerNames(
  kind: OwnerNameKind,
  heard: string,
  locale: string,
  entries: readonly NamedEntry[],
): NamedEntry[] {
  const forms = heardForms(heard, locale);
  const candidates = entries
    .filter((entry) => entry.name.trim().length > 0)
    .map((entry) => ({ entry, forms: spokenFormsOf(entry) }));
  for (const tier of TIERS[kind]) {
    const matched = candidates
      .filter((candidate) => tier(candidate, forms))
      .map((candidate) => candidate.entry);
    if (matched.length > 0) return matched;
  }
  return [];
}

/** How long the owner's names are trusted: long enough for a session, short enough that a new name shows up. */
export const OWNER_NAMES_TTL_MS = 60_000;
const MAX_CACHED_OWNERS = 500;

export interface OwnerNames {
  /** The owner's people or albums a heard name stands for (several: ask which one), as slot entities. */
  resolve(ownerId: string, kind: OwnerNameKind, heard: string, locale: string): Promise<ResolvedEntity[]>;
}

/**
 * Resolves people and albums against the owner's own names when Alexa could not (a one-shot request arrives before
 * the skill has taught Alexa the owner's names with dynamic entities). The vocabulary is cached per owner briefly,
 * so a session's requests ask the library once.
 */
export function createOwnerNames(
  library: Pick<LibraryApi, 'vocabulary'>,
  now: () => number = Date.now,
): OwnerNames {
  const cache = new TtlCache<Promise<Vocabulary>>(MAX_CACHED_OWNERS, now);
  const vocabularyOf = (ownerId: string): Promise<Vocabulary> => {
    const cached = cache.get(ownerId);
    if (cached) return cached;
    const loading = library.vocabulary(ownerId);
    cache.set(ownerId, loading, OWNER_NAMES_TTL_MS);
    // A failed load is not remembered: the next request asks again.
    loading.catch(() => {
      if (cache.get(ownerId) === loading) cache.delete(ownerId);
    });
    return loading;
  };
  return {
    async resolve(ownerId, kind, heard, locale) {
      const vocabulary = await vocabularyOf(ownerId);
      const entries = kind === 'person' ? vocabulary.people : vocabulary.albums;
      return matchOwnerNames(kind, heard, locale, entries).map((entry) => ({
        id: entry.id,
        name: entry.name,
        dynamic: true,
      }));
    },
  };
}
