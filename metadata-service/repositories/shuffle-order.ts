import { createHash } from 'node:crypto';

/**
 * A seeded shuffle over a per-photo integer (shuffle_key, a hash of the id), designed to be walked from an index:
 * the key range is cut into SHUFFLE_BUCKETS equal buckets; the seed orders the buckets (a seeded permutation), and
 * within a bucket orders photos by `(shuffle_key * multiplier + increment) % SHUFFLE_MODULUS` (a bijection, since
 * the modulus is the prime 2^31 - 1). A page therefore reads one or two buckets through the (…, shuffle_key) index
 * instead of sorting every match, and each seed still gives its own order. Photos sharing a bucket (1/1024 of the
 * matches) stay in one stretch of every order; inside it their order changes with the seed.
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

/** Number of shuffle_key buckets (a power of two, so a bucket is a key range). */
export const SHUFFLE_BUCKETS = 1024;
/** Keys per bucket: shuffle keys are below 2^31. */
export const SHUFFLE_BUCKET_WIDTH = 2 ** 31 / SHUFFLE_BUCKETS;

export function shuffleBucketOf(shuffleKey: number): number {
  return Math.floor(shuffleKey / SHUFFLE_BUCKET_WIDTH);
}

/** Buckets in the seed's order (index = rank). Seeded Fisher–Yates over a SHA-256-fed xorshift generator. */
export function shuffleBucketOrder(seed: string | undefined): number[] {
  const digest = createHash('sha256')
    .update(`shuffle-buckets\n${seed ?? ''}`)
    .digest();
  let state = digest.readUInt32BE(0) || 0x9e3779b9;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  const order = Array.from({ length: SHUFFLE_BUCKETS }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
  }
  return order;
}

/**
 * A photo's place in the seed's order as one safe integer: bucket rank * SHUFFLE_MODULUS + position in the bucket.
 * Cursors carry it, so a page continues exactly after the previous one.
 */
export function shuffleOrderKey(
  shuffleKey: number,
  rankOfBucket: readonly number[],
  parameters: ShuffleParameters,
): number {
  const rank = rankOfBucket[shuffleBucketOf(shuffleKey)] ?? 0;
  return rank * SHUFFLE_MODULUS + shufflePosition(shuffleKey, parameters);
}

/** rank by bucket, from the bucket order. */
export function bucketRanks(order: readonly number[]): number[] {
  const ranks = new Array<number>(order.length).fill(0);
  order.forEach((bucket, rank) => {
    ranks[bucket] = rank;
  });
  return ranks;
}
