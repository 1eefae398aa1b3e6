import type {
  FailedConstraint,
  NothingFound,
  NothingFoundAlternative,
  PhotoQuery,
} from '../../common/contracts';
import { normalizeWords } from '../../common/vocabulary';
import { isAlbumWord } from '../query-text/filler-words';
import type { LocalRange } from '../query-text/types';
import {
  constraintsOf,
  hasConstraint,
  onlyConstraint,
  withDates,
  withoutConstraint,
  type ConstraintKind,
  type QueryConstraint,
} from './query-constraints';

/** Total and span of a query, for one owner: the only thing the explanation asks the library. */
export type CountPhotos = (
  query: PhotoQuery,
) => Promise<{ total: number; span: { first: string; last: string } | null }>;

export interface EmptyAnswer {
  /** What the request asked for that the library could read (for free text: the words it understood). */
  query: PhotoQuery;
  /** Free-text words nothing matched; each alone makes the answer empty. */
  unmatched: readonly string[];
  /** How to name a constraint to the person: their own words when they typed them, else its display name. */
  textOf: (constraint: QueryConstraint) => string | Promise<string>;
  /** The dates lie ahead ("this weekend" asked on a Wednesday), with their previous occurrence when known. */
  futureDate?: { previous?: { text: string; ranges: LocalRange[] } };
}

/** Who may be left out to offer an alternative, in this order; people and albums never are. */
const DROP_ORDER: readonly ConstraintKind[] = ['date', 'place', 'label', 'favorites', 'video'];

/**
 * Why a search found nothing, and at most one alternative that keeps every other constraint. A constraint that
 * alone finds nothing is 'no-photos' (a future date: 'future'); an unmatched word 'unknown'; when each finds photos
 * alone, all are a 'combination'. The alternative leaves out (or, for a future date, replaces) one constraint: the
 * one that failed when only one did, else the first of date, place, subject, favourites, media that leaves photos —
 * never a person or an album, never a query with nothing left to ask. Costs one count per constraint and one per
 * alternative tried, each owner-scoped by `count`.
 */
export async function explainNothingFound(answer: EmptyAnswer, count: CountPhotos): Promise<NothingFound> {
  const counted = memoized(count);
  const constraints = constraintsOf(answer.query);
  const failed: { constraint?: QueryConstraint; entry: FailedConstraint }[] = answer.unmatched.map(
    (text) => ({ entry: unknownEntry(text) }),
  );
  const alone = async (constraint: QueryConstraint): Promise<number> =>
    // A query of one constraint and no unknown word is its own "alone": it just found nothing.
    constraints.length === 1 && answer.unmatched.length === 0
      ? 0
      : (await counted(onlyConstraint(answer.query, constraint))).total;
  const isFutureDate = (constraint: QueryConstraint): boolean =>
    constraint.kind === 'date' && answer.futureDate !== undefined;
  // Every count at once (each on a connection of its own on PostgreSQL), then read in the constraints' order.
  const aloneCounts = await Promise.all(
    constraints.map((constraint) =>
      isFutureDate(constraint) ? Promise.resolve(undefined) : alone(constraint),
    ),
  );
  for (const [at, constraint] of constraints.entries()) {
    const future = isFutureDate(constraint);
    if (future || aloneCounts[at] === 0) {
      const text = await answer.textOf(constraint);
      failed.push({
        constraint,
        entry: { kind: constraint.kind, text, reason: future ? 'future' : 'no-photos' },
      });
    }
  }

  if (failed.length === 0 && constraints.length === 0) {
    // Nothing asked for and still nothing: the library has no photos this owner may see.
    return { failed: [{ kind: 'word', text: '', reason: 'no-photos' }] };
  }
  if (failed.length === 0) {
    const entries = await Promise.all(
      constraints.map(async (constraint) => ({
        kind: constraint.kind,
        text: await answer.textOf(constraint),
        reason: 'combination' as const,
      })),
    );
    const alternative = await firstAlternative(answer, constraints, counted);
    const [first, ...rest] = entries;
    if (!first) throw new Error('unreachable: a combination has constraints');
    return { failed: [first, ...rest], ...(alternative ? { alternative } : {}) };
  }

  const [only] = failed;
  const alternative = failed.length === 1 && only ? await alternativeFor(answer, only, counted) : undefined;
  const [first, ...rest] = failed.map((f) => f.entry);
  if (!first) throw new Error('unreachable: failed is not empty');
  return { failed: [first, ...rest], ...(alternative ? { alternative } : {}) };
}

/** The single thing that failed, left out (or a future date replaced by its previous occurrence). */
async function alternativeFor(
  answer: EmptyAnswer,
  failed: { constraint?: QueryConstraint; entry: FailedConstraint },
  count: CountPhotos,
): Promise<NothingFoundAlternative | undefined> {
  const dropped = { kind: failed.entry.kind, text: failed.entry.text };
  const { constraint } = failed;
  // An album the owner does not have is like one with no photos: never dropped to show something else.
  if (!constraint) return dropped.kind === 'album' ? undefined : offer(answer.query, dropped, count);
  if (constraint.kind === 'person' || constraint.kind === 'album') return undefined;
  const previous = answer.futureDate?.previous;
  if (constraint.kind === 'date' && previous) {
    const replaced = await offer(withDates(answer.query, previous.ranges), dropped, count);
    if (replaced) return { ...replaced, replacement: { text: previous.text } };
  }
  return offer(withoutConstraint(answer.query, constraint), dropped, count);
}

/** Each constraint matched alone: the first, in drop order, whose absence leaves photos. */
async function firstAlternative(
  answer: EmptyAnswer,
  constraints: readonly QueryConstraint[],
  count: CountPhotos,
): Promise<NothingFoundAlternative | undefined> {
  for (const kind of DROP_ORDER) {
    for (const constraint of constraints.filter((c) => c.kind === kind)) {
      const dropped = { kind: constraint.kind, text: await answer.textOf(constraint) };
      const found = await offer(withoutConstraint(answer.query, constraint), dropped, count);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * An unmatched phrase is an unknown word, or an unknown album when the word "album" stands at either end of it
 * ("honeymoon album", "Album Hochzeit"): then the name is what the user asked for, without that word.
 */
function unknownEntry(text: string): FailedConstraint {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  if (words.length >= 2) {
    const first = words[0] ?? '';
    const last = words.at(-1) ?? '';
    if (isAlbumWord(normalizeWords(last)))
      return { kind: 'album', text: words.slice(0, -1).join(' '), reason: 'unknown' };
    if (isAlbumWord(normalizeWords(first)))
      return { kind: 'album', text: words.slice(1).join(' '), reason: 'unknown' };
  }
  return { kind: 'word', text, reason: 'unknown' };
}

async function offer(
  query: PhotoQuery,
  dropped: NothingFoundAlternative['dropped'],
  count: CountPhotos,
): Promise<NothingFoundAlternative | undefined> {
  if (!hasConstraint(query)) return undefined;
  const { total, span } = await count(query);
  // Undated photos have no span to speak of; an offer needs one ("the most recent are from July").
  if (total === 0 || !span) return undefined;
  return { dropped, query, total, span };
}

function memoized(count: CountPhotos): CountPhotos {
  const seen = new Map<string, ReturnType<CountPhotos>>();
  return (query) => {
    const key = JSON.stringify(query);
    let result = seen.get(key);
    if (!result) {
      result = count(query);
      seen.set(key, result);
    }
    return result;
  };
}
