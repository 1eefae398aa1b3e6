import { randomUUID } from 'node:crypto';
import { photoQuerySchema, type PhotoQuery, type PhotoQueryInput } from '../../common/contracts';
import { parseInput } from '../../common/validation';

/** A fresh shuffle seed: each shuffled slideshow gets its own order. */
export function newShuffleSeed(): string {
  return randomUUID();
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
