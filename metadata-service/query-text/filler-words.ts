import { isSelfWord } from '../../common/vocabulary';

/**
 * Words that carry no filter: how people ask ("show me", "can you play", "zeige mir"), what they ask for ("photos",
 * "pictures", "Fotos"), and the glue between the words that matter ("from", "of", "in", "von"). They never count
 * as a failed constraint and never match anything on their own, nor do phrases made only of them.
 */
const FILLER = withFolded(
  [
    // English
    'a an the and or but also too of from in at on to for by with during around near about between',
    'show me play display find get give open start pull up see look let lets want would like could can please pls',
    'i we us you my our your me it its that this those these there here what where when was were is are be been',
    'had have has went go got taken took some any all only just everything stuff ones one',
    // How many to show is no filter: "a few beach photos", "ein paar Fotos vom Strand".
    'few several many',
    'photos photo pictures picture pics pic images image shots shot snaps snapshots slideshow memories moments',
    // German ("zeige mir meine Fotos von …")
    'zeige zeig zeigen spiele spiel spielen öffne oeffne mir mich uns ich wir du bitte',
    'fotos foto bilder bild aufnahmen meine mein meinen meiner meinem unsere unser unseren',
    'der die das den dem des ein eine einen einem und oder von vom aus im am an bei mit zu zum zur auf alle alles',
    'diese dieser dieses diesen diesem zwischen bis seit während waehrend um',
    'paar einige einigen mehrere mehreren viele',
  ]
    .join(' ')
    .split(' '),
);

/** Words that only say when: years, months, seasons, weekdays and the words around them ("last", "ago"). */
const DATE_WORDS = withFolded(
  [
    'january february march april may june july august september october november december',
    'jan feb mar apr jun jul aug sep sept oct nov dec',
    'januar februar märz maerz juni juli oktober dezember',
    'spring summer fall autumn winter frühling fruehling sommer herbst',
    'monday tuesday wednesday thursday friday saturday sunday weekend weekends',
    'today yesterday tonight last this next ago year years month months week weeks day days',
    'heute gestern letzten letztes letzte diesen dieses diese nächsten jahr jahre monat woche wochenende tag',
  ]
    .join(' ')
    .split(' '),
);

const YEAR = /^(?:18|19|20)\d\d$/;

/**
 * The word that says a name is an album's ("Yellowstone 2021 album", "das Album Urlaub"). No filter of its own: it
 * belongs to the album name beside it, and beside an unknown name it says an unknown album was asked for.
 */
const ALBUM_WORDS: ReadonlySet<string> = new Set(['album', 'albums', 'alben']);

/**
 * Words after which "me" or "uns" names the asker as someone in the photo ("photos of me", "Bilder von uns"): a
 * person the library may not know. Elsewhere it is filler ("show me"); dropped there, it answered with every photo.
 */
const WHO_IS_IN_WORDS: ReadonlySet<string> = new Set([
  'of',
  'with',
  'and',
  'featuring',
  'including',
  'von',
  'mit',
  'und',
]);

/** Whether a word names the asker as someone in the photos: "me" after "of", "with" or "and", German alike. */
export function isSelfReference(word: string, previous: string | undefined): boolean {
  return isSelfWord(word) && previous !== undefined && WHO_IS_IN_WORDS.has(previous);
}

/** Each word as written and accent-folded ("öffne", "offne"): names are compared folded, tokens are not. */
function withFolded(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.flatMap((word) => [word, word.normalize('NFKD').replace(/\p{M}/gu, '')]));
}

export function isFiller(word: string): boolean {
  return FILLER.has(word);
}

export function isAlbumWord(word: string): boolean {
  return ALBUM_WORDS.has(word);
}

export function isDateWord(word: string): boolean {
  return DATE_WORDS.has(word) || YEAR.test(word);
}

/** A trailing year, as album names carry them ("Hawaii 2019"). */
export function isYear(word: string): boolean {
  return YEAR.test(word);
}

/**
 * The words with a season's two-year span said as one year: "Winter 2025-26" normalizes to "winter 2025 26", whose
 * "26" is the span's end, not a word of the name.
 */
export function withYearSpansJoined(words: readonly string[]): string[] {
  return words.filter((word, i) => !(/^\d\d$/.test(word) && isYear(words[i - 1] ?? '')));
}

/** True when every word of a normalized phrase is filler or says only when ("photos from 2026", "my pictures"). */
export function isOnlyFillerOrDate(phrase: string): boolean {
  return phrase.split(' ').every((word) => word.length === 0 || isFiller(word) || isDateWord(word));
}
