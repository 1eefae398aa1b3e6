import { AMBIGUOUS_IN_PROSE, CONCEPTS, type Concept, type GermanPhotoNoun, type PhotoNoun } from './concepts';
import { normalizeWords, regularPlural, singularForms } from './normalize';

export type VocabularyLanguage = 'en' | 'de';

/** The English words for a concept: the label, its plural, its synonyms. */
export function englishWordsOf(concept: Concept): string[] {
  const plural = concept.plural === false ? undefined : (concept.plural ?? regularPlural(concept.label));
  return unique([concept.label, ...(plural ? [plural] : []), ...(concept.synonyms ?? [])]);
}

/** The German words for a concept, lower-case: the name, its other forms, and "<stem>fotos"/"<stem>bilder". */
export function germanWordsOf(concept: Concept): string[] {
  const { name, forms = [], stem } = concept.de;
  const compounds = stem ? [`${stem}fotos`, `${stem}bilder`] : [];
  return unique([name, ...forms, ...compounds].map((word) => word.toLowerCase()));
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

function indexBy(wordsOf: (concept: Concept) => string[]): ReadonlyMap<string, string> {
  const byWord = new Map<string, string>();
  for (const concept of CONCEPTS) {
    for (const word of wordsOf(concept)) {
      const key = normalizeWords(word);
      const claimed = byWord.get(key);
      if (claimed !== undefined && claimed !== concept.label) {
        throw new Error(`vocabulary: "${word}" names both ${claimed} and ${concept.label}`);
      }
      byWord.set(key, concept.label);
    }
  }
  return byWord;
}

const ENGLISH: ReadonlyMap<string, string> = indexBy(englishWordsOf);
const GERMAN: ReadonlyMap<string, string> = indexBy(germanWordsOf);

/**
 * The label an English word or phrase names (case-, plural- and punctuation-insensitive), if the vocabulary has
 * it: "Seaside" → beach, "puppies" → dog, "horses" → horse. Never a broader or merely related label.
 */
export function canonicalLabel(word: string): string | undefined {
  return lookUp(ENGLISH, word, singularForms);
}

const AMBIGUOUS: ReadonlySet<string> = new Set(AMBIGUOUS_IN_PROSE);

/**
 * The label a word or phrase names where it stands in running text or a folder name rather than a keyword list:
 * like canonicalLabel, except for words prose uses for something else ("orange sky", "Orange County").
 */
export function labelInProse(phrase: string): string | undefined {
  const normalized = normalizeWords(phrase);
  if (AMBIGUOUS.has(normalized)) return undefined;
  return canonicalLabel(normalized);
}

/** The label a German word names ("Hunde" → dog, "Strandfotos" → beach), if the vocabulary has it. */
export function germanLabel(word: string): string | undefined {
  return lookUp(GERMAN, word, () => []);
}

/**
 * German vocabulary words that English text uses for something else ("see" the photos, a "boot", a "handy" tool, a
 * "bank"): text with no language (the search box) reads them as English, never as the German label.
 */
const ENGLISH_READS_OTHERWISE: ReadonlySet<string> = new Set([
  'see',
  'bank',
  'boot',
  'handy',
  'rind',
  'tier',
  'strand',
  'rad',
  'fest',
  'laster',
  'wagen',
  'kater',
  'bach',
  'mensch',
]);

/**
 * The label a German word names in text of no stated language, after English has had its reading: "Hunden" → dog,
 * but "see" stays English (and so no label).
 */
export function germanLabelInAnyText(word: string): string | undefined {
  if (ENGLISH_READS_OTHERWISE.has(normalizeWords(word))) return undefined;
  return germanLabel(word);
}

/** The label a word names in a language; German also understands the English words (people say "Party", "Pizza"). */
export function labelForWord(word: string, language: VocabularyLanguage): string | undefined {
  if (language === 'de') return germanLabel(word) ?? canonicalLabel(word);
  return canonicalLabel(word);
}

function lookUp(
  index: ReadonlyMap<string, string>,
  word: string,
  otherForms: (normalized: string) => string[],
): string | undefined {
  const normalized = normalizeWords(word);
  if (normalized.length === 0) return undefined;
  const direct = index.get(normalized);
  if (direct) return direct;
  for (const form of otherForms(normalized)) {
    const label = index.get(form);
    if (label) return label;
  }
  return undefined;
}

const BY_LABEL: ReadonlyMap<string, Concept> = new Map(CONCEPTS.map((concept) => [concept.label, concept]));

/** The vocabulary's entry for a label, if it is one. */
export function conceptOf(label: string): Concept | undefined {
  return BY_LABEL.get(label);
}

/** A label's German name ("dog" → "Hund"); a label outside the vocabulary is said as it is. */
export function germanNameOf(label: string): string {
  return BY_LABEL.get(label)?.de.name ?? label;
}

/** A label as English says it before "photos" ("flowers" → "flower photos"); any other label as it is. */
export function englishBeforePhotos(label: string): string {
  return BY_LABEL.get(label)?.beforePhotos ?? label;
}

/**
 * The noun a kind of photo is said by in place of "photo" ("selfie" → selfie / selfies; in German Selfie / Selfies,
 * with its article), undefined for every other label.
 */
export function photoNounOf(label: string, language: 'en'): PhotoNoun | undefined;
export function photoNounOf(label: string, language: 'de'): GermanPhotoNoun | undefined;
export function photoNounOf(label: string, language: VocabularyLanguage): PhotoNoun | undefined {
  return BY_LABEL.get(label)?.noun?.[language];
}
