import { randomUUID } from 'node:crypto';
import { photoQuerySchema, type PhotoQuery, type PhotoQueryInput } from '../../common/contracts';
import { parseInput } from '../../common/validation';

/** A fresh shuffle seed: each shuffled slideshow gets its own order. */
export function newShuffleSeed(): string {
  return randomUUID();
}

/** An order the person said ("my latest photos", "random photos"): it wins over the shuffle setting. */
export type SpokenOrder = PhotoQuery['order'];

/** The query in the order the person said, else as the shuffle setting plays it. */
export function inSpokenOrder(
  query: PhotoQueryInput,
  spoken: SpokenOrder | undefined,
  shuffleSetting: boolean,
): PhotoQuery {
  if (spoken === 'newest')
    return parseInput(photoQuerySchema, { ...query, seed: undefined, order: 'newest' });
  return inPlayOrder(query, spoken === undefined ? shuffleSetting : spoken === 'shuffle');
}

/**
 * The query as a slideshow plays it: shuffled with a fresh seed, or in date order (oldest first, no seed).
 * Validated here, so a query that reaches the display service is always a valid one.
 */
export function inPlayOrder(query: PhotoQueryInput, shuffle: boolean, seed = newShuffleSeed()): PhotoQuery {
  const rest = { ...query };
  // A seed belongs to the order it was drawn for: a new shuffle gets a new one, date order none.
  delete rest.seed;
  return parseInput(
    photoQuerySchema,
    shuffle ? { ...rest, order: 'shuffle', seed } : { ...rest, order: 'oldest' },
  );
}
