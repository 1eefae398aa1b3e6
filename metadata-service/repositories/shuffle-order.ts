import { createHash } from 'node:crypto';

/**
 * A seeded shuffle that both engines compute the same way, in SQL, from a per-photo integer:
 * `(shuffle_key * multiplier + increment) % SHUFFLE_MODULUS`. The modulus is the prime 2^31 - 1, so for a fixed seed
 * the map is a bijection over shuffle keys (a different permutation per multiplier, not just a rotation), and every
 * intermediate value stays below 2^63: it fits SQLite's and PostgreSQL's 64-bit integers.
 */
export const SHUFFLE_MODULUS = 2_147_483_647;

export interface ShuffleParameters {
  /** 1 .. SHUFFLE_MODULUS - 1 */
  multiplier: number;
  /** 0 .. SHUFFLE_MODULUS - 1 */
  increment: number;
}

/** The photo's stable shuffle key, 0 .. 2^31 - 2: a hash of its id, so it never changes and needs no counter. */
export function shuffleKeyFor(photoId: string): number {
  return createHash('sha256').update(photoId).digest().readUInt32BE(0) % SHUFFLE_MODULUS;
}

/** The same seed gives the same order on every page and every instance; no seed means a fixed default order. */
export function shuffleParametersFor(seed: string | undefined): ShuffleParameters {
  const digest = createHash('sha256')
    .update(`shuffle\n${seed ?? ''}`)
    .digest();
  return {
    multiplier: 1 + (digest.readUInt32BE(0) % (SHUFFLE_MODULUS - 1)),
    increment: digest.readUInt32BE(4) % SHUFFLE_MODULUS,
  };
}

/** The value SQL computes for a photo (used by tests and by cursors to check the SQL arithmetic). */
export function shufflePosition(shuffleKey: number, parameters: ShuffleParameters): number {
  return Number(
    (BigInt(shuffleKey) * BigInt(parameters.multiplier) + BigInt(parameters.increment)) %
      BigInt(SHUFFLE_MODULUS),
  );
}
