import type { VocabularyLanguage } from '../../common/vocabulary';
import type { PhotoQueryInput } from '../../common/contracts';
import { badRequest } from '../../common/errors';
import { germanLabel } from '../../common/vocabulary';
import { findChronoDates } from './chrono-dates';
import { dateContextOf } from './date-context';
import { DATE_PATTERNS, type DatePattern } from './date-expressions';
import { combineDates, type Placed, type PlacedDate } from './combine-dates';
import { isAlbumWord, isFiller, isSelfReference } from './filler-words';
import { carryGermanDateWords, joinedWords } from './german-date-words';
import { findSpans, markUsed, spanText, tokenize, type Token } from './tokens';
import type { ParseContext, ParsedQuery, Understood } from './types';
import { VocabularyIndex, type VocabularyMatch } from './vocabulary-index';

/** Longest phrase looked up: album names run to several words ("Anna and Tom's wedding in Rome"). */
const MAX_PHRASE_WORDS = 8;
/**
 * Words after which a name is a place first, even a small town ("in Hope", "bei Rain"). Not "from": "photos from
 * Atlantis" is a made-up place, not Atlantis, Western Cape — a bare name is a place only when it is a big one.
 */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'around', 'im', 'bei']);

/**
 * The contract's caps. Labels, people and albums must all be present, so leaving the extra ones out would widen
 * the answer: more is refused. Places are alternatives, so the first ten only narrow it.
 */
const MAX_LABELS = 10;
const MAX_IDS = 20;
const MAX_PLACES = 10;

/**
 * Reads free text ("beach photos from last summer in Santa Monica", "Mom at Christmas", "dogs 2019") into a
 * PhotoQuery, saying which words meant what. Passes, each over the words earlier ones left:
 * 1. the owner's multi-word names ("Palm Springs", "Hawaii 2019"), so no date parser takes half of one;
 * 2. dates chrono-node does not know (seasons, holidays, "on this day", decades, "two years ago");
 * 3. chrono-node's ordinary dates ("july 2019", "from june to august 2024"), then bare years ("dogs 2019");
 * 4. the rest, longest first: people, albums, labels, any place of the gazetteer ("Italy", with or without photos),
 *    "favorites", "videos".
 * What is left and is not filler ("show me", "photos", "from") is unmatched: each such phrase is a constraint that
 * failed, so the search it belongs to finds nothing — it is never dropped to widen the answer.
 */
export function parsePhotoText(text: string, context: ParseContext): ParsedQuery {
  const tokens = tokenize(text);
  const dates = dateContextOf(context.reference, context.timeZone, context.hemisphere, context.language);
  const vocabulary = context.vocabularyIndex ?? new VocabularyIndex(context.vocabulary, context.findPlaces);

  const read = { vocabulary, language: context.language };
  const matches: Placed<VocabularyMatch>[] = matchVocabulary(text, tokens, read, 2, false);
  const dateFindings: PlacedDate[] = [];
  const findDates = (patterns: readonly DatePattern[]): void => {
    for (const { pattern, read } of patterns) {
      for (const span of findSpans(tokens, pattern)) {
        const finding = read(span.groups, dates);
        if (!finding) continue;
        markUsed(tokens, span.first, span.last);
        dateFindings.push({
          first: span.first,
          text: spanText(text, tokens, span.first, span.last),
          item: finding,
        });
      }
    }
  };
  const german = carryGermanDateWords(tokens, text);
  findDates(DATE_PATTERNS.filter((p) => !p.afterChrono));
  const chronoOver = (words: string, placed: Token[]): void => {
    for (const { first, last, finding } of findChronoDates(words, placed, dates)) {
      markUsed(tokens, first, last);
      markUsed(placed, first, last);
      dateFindings.push({ first, text: spanText(text, tokens, first, last), item: finding });
    }
  };
  // German dates first, in their English words ("juli 2025" → "july 2025"); then the text as written, which keeps
  // the punctuation chrono reads ("7/4/2021").
  if (german.carried) {
    const joined = joinedWords(tokens);
    chronoOver(joined.text, joined.tokens);
  }
  chronoOver(text, tokens);
  findDates(DATE_PATTERNS.filter((p) => p.afterChrono));
  german.restore();
  matches.push(...matchVocabulary(text, tokens, read, 1, true));

  const combined = combineDates(dateFindings, context, dates);
  const understood: Placed<Understood>[] = [
    ...matches.map(({ first, text: words, item }) => ({
      first,
      text: words,
      item: understoodOf(words, item),
    })),
    ...combined.understood,
  ].sort((a, b) => a.first - b.first);

  return {
    query: buildQuery(
      matches.map((m) => m.item),
      combined.query,
    ),
    understood: understood.map((u) => u.item),
    unmatched: unmatchedPhrases(text, tokens),
  };
}

/** Longest phrases first, each starting at a word no pass has used yet. */
function matchVocabulary(
  text: string,
  tokens: Token[],
  { vocabulary, language }: { vocabulary: VocabularyIndex; language: VocabularyLanguage | undefined },
  minWords: number,
  anyPlace: boolean,
): Placed<VocabularyMatch>[] {
  const found: Placed<VocabularyMatch>[] = [];
  for (let first = 0; first < tokens.length; first++) {
    for (let words = Math.min(MAX_PHRASE_WORDS, tokens.length - first); words >= minWords; words--) {
      const span = tokens.slice(first, first + words);
      if (span.some((t) => t.used)) continue;
      const previous = tokens[first - 1]?.norm ?? '';
      const word = span[0]?.norm ?? '';
      if (words === 1 && isFillerIn(word, language) && !isSelfReference(word, previous)) continue;
      const last = first + words - 1;
      const readings = vocabulary.lookup(
        span.map((t) => t.norm).join(' '),
        PLACE_PREPOSITIONS.has(previous),
        anyPlace,
        language,
      );
      // "Beach album": the word "album" says which of the things the name means was meant.
      const [from, to] = withAlbumWord(tokens, first, last);
      const saysAlbum = from !== first || to !== last;
      const best = (saysAlbum ? readings.find((m) => m.kind === 'album') : undefined) ?? readings[0];
      if (!best) continue;
      found.push({ first, text: spanText(text, tokens, first, last), item: best });
      const [usedFrom, usedTo] = best.kind === 'album' ? [from, to] : [first, last];
      markUsed(tokens, usedFrom, usedTo);
      first = usedTo;
      break;
    }
  }
  return found;
}

/** English filler that German names something is no filler in German text: "Anna am See" is at a lake. */
function isFillerIn(word: string, language: VocabularyLanguage | undefined): boolean {
  return isFiller(word) && !(language === 'de' && germanLabel(word) !== undefined);
}

/**
 * The span widened by one unused "album" next to it, on either side: beside an album's name ("Yellowstone 2021
 * album", "the album Beach day") the word says what the name is, so it belongs to the match. Anywhere else it is
 * no filter of its own and stays unmatched.
 */
function withAlbumWord(tokens: readonly Token[], first: number, last: number): [number, number] {
  const free = (token: Token | undefined): boolean =>
    token !== undefined && !token.used && isAlbumWord(token.norm);
  if (free(tokens[last + 1])) return [first, last + 1];
  if (free(tokens[first - 1])) return [first - 1, last];
  return [first, last];
}

function understoodOf(text: string, match: VocabularyMatch): Understood {
  switch (match.kind) {
    case 'person':
      return { kind: 'person', text, value: match.value };
    case 'album':
      return { kind: 'album', text, value: match.value };
    case 'place':
      return { kind: 'place', text, value: match.value };
    case 'label':
      return { kind: 'label', text, value: match.value };
    case 'favorites':
      return { kind: 'favorites', text, value: true };
    case 'video':
      return { kind: 'video', text, value: 'video' };
    case 'order':
      return { kind: 'order', text, value: match.value };
  }
}

function atMost<T>(max: number, what: string, values: T[]): T[] {
  if (values.length > max) {
    throw badRequest(
      'TEXT_TOO_MANY_PARTS',
      `Free text may name at most ${max} ${what}; it named ${values.length}`,
    );
  }
  return values;
}

function buildQuery(
  matches: readonly VocabularyMatch[],
  dateQuery: Pick<PhotoQueryInput, 'takenFrom' | 'takenTo' | 'dateRanges' | 'monthDays'>,
): PhotoQueryInput {
  const unique = <T>(values: T[], key: (value: T) => string = String): T[] => {
    const seen = new Set<string>();
    return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
  };
  const labels = atMost(
    MAX_LABELS,
    'subjects',
    unique(matches.flatMap((m) => (m.kind === 'label' ? [m.value] : []))),
  );
  const people = atMost(
    MAX_IDS,
    'people',
    unique(matches.flatMap((m) => (m.kind === 'person' ? [m.value.id] : []))),
  );
  const albums = atMost(
    MAX_IDS,
    'albums',
    unique(matches.flatMap((m) => (m.kind === 'album' ? [m.value.id] : []))),
  );
  const places = unique(
    matches.flatMap((m) => (m.kind === 'place' ? [m.value] : [])),
    (p) => `${p.level}:${p.name}`,
  ).slice(0, MAX_PLACES);

  const query: PhotoQueryInput = { ...dateQuery };
  if (labels.length > 0) query.labels = labels;
  if (people.length > 0) query.people = people;
  if (albums.length > 0) query.albums = albums;
  if (places.length > 0) query.places = places;
  if (matches.some((m) => m.kind === 'favorites')) query.favoritesOnly = true;
  if (matches.some((m) => m.kind === 'video')) query.mediaKinds = ['video'];
  // The first order said: "latest and oldest" asks two orders, and one list can only play in one.
  const order = matches.find((m) => m.kind === 'order');
  if (order) query.order = order.value;
  return query;
}

/** Unused words that are not filler, neighbours kept together: "zebra crossing", not "zebra" and "crossing". */
function unmatchedPhrases(text: string, tokens: readonly Token[]): string[] {
  const phrases: string[] = [];
  let runStart: number | undefined;
  const close = (end: number): void => {
    if (runStart !== undefined) phrases.push(spanText(text, tokens, runStart, end));
    runStart = undefined;
  };
  tokens.forEach((token, index) => {
    const filler = isFiller(token.norm) && !isSelfReference(token.norm, tokens[index - 1]?.norm);
    if (token.used || filler) close(index - 1);
    else runStart ??= index;
  });
  close(tokens.length - 1);
  return phrases;
}
