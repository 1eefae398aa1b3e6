import type { NothingFound, NothingFoundAlternative } from '../contracts';

/** A part of a request as the person said it: the free-text answer's `understood` items, or failed constraints. */
export interface RequestPart {
  kind: string;
  text: string;
}

export interface NothingFoundAnswer {
  /** What found nothing: "No beach photos from 2019." */
  said: string;
  /** The alternative as an offer, without its full stop: "Your most recent beach photos are from July 2026 (12)". */
  offer?: string;
  /** Free text asking for the alternative ("beach photos"), for a client to print as a command or a link. */
  offerText?: string;
}

/** Words that already say how a date relates ("in July", "on this day"): no "from" in front of them. */
const DATE_PREPOSITIONS = new Set([
  'from',
  'in',
  'on',
  'at',
  'during',
  'since',
  'between',
  'before',
  'after',
  'around',
]);
/** Words that tie a dropped part to the rest ("in Italy", "from 2019"): dropped with it from the offer's text. */
const LINKING_WORDS = new Set([...DATE_PREPOSITIONS, 'of', 'near', 'with', 'and']);

/**
 * The one English phrasing of an empty search, for `npm run search` and the web frame (the skill speaks its own
 * locales from the same nothingFound). Says what found nothing and offers the alternative, never shows it.
 * `text` is the free text asked, `understood` how the library read it; both only make the offer's wording closer
 * to the person's own.
 */
export function answerNothingFound(
  nothingFound: NothingFound,
  context: { text?: string; understood?: readonly RequestPart[] } = {},
): NothingFoundAnswer {
  const said = saidOf(nothingFound);
  const alternative = nothingFound.alternative;
  if (!alternative) return { said };
  const kept = keptParts(nothingFound, alternative, context.understood);
  return {
    said,
    offer: offerOf(alternative, kept),
    offerText: offerTextOf(alternative, context.text, kept),
  };
}

/** The answer as one or two sentences, the way the web frame shows it. */
export function nothingFoundSentence(answer: NothingFoundAnswer): string {
  return answer.offer ? `${answer.said} ${answer.offer}.` : answer.said;
}

function saidOf({ failed }: NothingFound): string {
  const sentences: string[] = [];
  const unknown = failed.filter((f) => f.reason === 'unknown');
  if (unknown.length > 0) {
    sentences.push(`I don't know ${unknown.map((f) => `“${f.text}”`).join(' or ')}, so no photos match.`);
  }
  for (const future of failed.filter((f) => f.reason === 'future')) {
    const when = `${future.text.charAt(0).toUpperCase()}${future.text.slice(1)}`;
    sentences.push(`${when} is still to come, so there are no photos from it yet.`);
  }
  const none = failed.filter((f) => f.reason === 'no-photos');
  if (none.some((f) => f.kind === 'word')) sentences.push('There are no photos in your library yet.');
  const known = none.filter((f) => f.kind !== 'word');
  if (known.length > 0) sentences.push(`No ${known.map((f) => describe([f], 2)).join(', and no ')}.`);
  const together = failed.filter((f) => f.reason === 'combination');
  if (together.length > 0) sentences.push(`No ${describe(together, 2)}.`);
  return sentences.join(' ');
}

function offerOf(alternative: NothingFoundAlternative, kept: readonly RequestPart[]): string {
  const { total, replacement } = alternative;
  if (replacement) {
    const parts = [...kept, { kind: 'date', text: replacement.text }];
    return `There ${total === 1 ? 'is' : 'are'} ${total} ${describe(parts, total)}`;
  }
  const when = monthYear(alternative.span.last);
  return total === 1
    ? `Your only ${describe(kept, 1)} is from ${when}`
    : `Your most recent ${describe(kept, total)} are from ${when} (${total})`;
}

/** The person's text without the dropped words (and the word tying them in), or the replacement in their place. */
function offerTextOf(
  alternative: NothingFoundAlternative,
  text: string | undefined,
  kept: readonly RequestPart[],
): string {
  const { dropped, replacement } = alternative;
  const fallback = [...kept.map((part) => part.text), ...(replacement ? [replacement.text] : [])].join(' ');
  if (text === undefined) return fallback;
  // Whole words only: dropping "art" must not cut it out of "party".
  const escaped = dropped.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(text);
  const at = found?.index ?? -1;
  if (dropped.text.length === 0 || at < 0) return fallback;
  const before = text.slice(0, at).trimEnd();
  const after = text.slice(at + dropped.text.length);
  if (replacement) return tidy(`${before} ${replacement.text}${after}`);
  const words = before.split(/\s+/);
  const lastWord = words.at(-1)?.toLowerCase() ?? '';
  const head = LINKING_WORDS.has(lastWord) ? words.slice(0, -1).join(' ') : before;
  const result = tidy(`${head}${after}`);
  return result.length > 0 ? result : fallback;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The parts of the request the alternative keeps, in the person's words when known. */
function keptParts(
  nothingFound: NothingFound,
  alternative: NothingFoundAlternative,
  understood: readonly RequestPart[] | undefined,
): RequestPart[] {
  const { dropped } = alternative;
  const isDropped = (part: RequestPart): boolean =>
    sameKind(part.kind, dropped.kind) && dropped.text.includes(part.text);
  if (understood) return understood.filter((part) => dropped.kind === 'word' || !isDropped(part));
  return nothingFound.failed.filter((f) => f.reason === 'combination' && !isDropped(f));
}

function sameKind(understoodKind: string, kind: string): boolean {
  return understoodKind === kind || (kind === 'date' && understoodKind === 'on-this-day');
}

/** "favourite beach photos of Mom in Italy from 2019": the parts of a request in one phrase. */
function describe(parts: readonly RequestPart[], count: number): string {
  const of = (kind: string): string[] => parts.filter((p) => sameKind(p.kind, kind)).map((p) => p.text);
  const video = of('video').length > 0;
  const noun = video ? (count === 1 ? 'video' : 'videos') : count === 1 ? 'photo' : 'photos';
  const labels = of('label');
  // "beach photos", but "photos of dogs": a plural subject reads better after the noun.
  const before = labels.filter((label) => !/[^s]s$/i.test(label));
  const after = labels.filter((label) => /[^s]s$/i.test(label));
  const words = [
    ...(of('favorites').length > 0 ? ['favourite'] : []),
    ...(before.length > 0 ? [before.join(' and ')] : []),
    noun,
  ];
  const people = [...after, ...of('person')];
  if (people.length > 0) words.push(`of ${people.join(' and ')}`);
  for (const album of of('album')) words.push(`in the album “${album}”`);
  const places = of('place');
  if (places.length > 0) words.push(`in ${places.join(' or ')}`);
  for (const date of of('date')) {
    const first = date.split(/\s+/)[0]?.toLowerCase() ?? '';
    words.push(DATE_PREPOSITIONS.has(first) ? date : `from ${date}`);
  }
  return words.join(' ');
}

/** "July 2026" from a capture-local `YYYY-MM-DDTHH:mm:ss`. */
function monthYear(localDateTime: string): string {
  const year = Number(localDateTime.slice(0, 4));
  const month = Number(localDateTime.slice(5, 7));
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
