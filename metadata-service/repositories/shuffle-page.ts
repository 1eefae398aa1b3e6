import { sql } from 'kysely';
import type { SearchPosition } from './search-cursor';
import type { MatchSource } from './search-driver';
import { unionAllOf } from './union-all';
import {
  SHUFFLE_BUCKET_WIDTH,
  SHUFFLE_MODULUS,
  bucketRanks,
  shuffleBucketOrder,
  shuffleOrderKey,
  shuffleParametersFor,
} from './shuffle-order';

export interface ShuffledRow {
  id: string;
  /** shuffleOrderKey: the cursor's key. */
  sort_key: number;
}

/** Up to this many matches are simply all read and ordered here; beyond, the walk reads buckets. */
export const SHUFFLE_READ_ALL_LIMIT = 4000;
/** Buckets counted per round trip while looking for the bucket an offset falls in. */
const COUNT_BATCH = 32;
/** The most buckets the first, sized round counts in one statement (a deep offset into a small result set). */
const MAX_FIRST_ROUND = 256;
/** The most buckets a page reads in one statement (a small result set has few rows per bucket). */
const MAX_BUCKETS_READ = 16;

/**
 * One page of the seeded shuffle (see shuffle-order.ts). Small result sets are read whole and ordered in memory;
 * large ones are walked bucket by bucket in the seed's bucket order through the source's (…, shuffle_key) index:
 * an offset is found by counting buckets (a few hundred index entries each), a cursor names its bucket directly.
 * Either way the order is the same, so a result set growing past the limit does not reshuffle its pages.
 */
export async function shufflePage(
  source: MatchSource,
  seed: string | undefined,
  total: number,
  wanted: number,
  offset: number,
  position: SearchPosition | undefined,
  readAllLimit = SHUFFLE_READ_ALL_LIMIT,
): Promise<ShuffledRow[]> {
  if (position !== undefined && typeof position.key !== 'number') return [];
  const parameters = shuffleParametersFor(seed);
  const bucketOrder = shuffleBucketOrder(seed);
  const ranks = bucketRanks(bucketOrder);
  const ordered = (rows: readonly { id: string; shuffle_key: number | string }[]): ShuffledRow[] =>
    rows
      .map((row) => ({ id: row.id, sort_key: shuffleOrderKey(Number(row.shuffle_key), ranks, parameters) }))
      .sort((a, b) => a.sort_key - b.sort_key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const after = (row: ShuffledRow): boolean =>
    position === undefined ||
    row.sort_key > Number(position.key) ||
    (row.sort_key === Number(position.key) && row.id > position.id);

  if (total <= readAllLimit) {
    const all = ordered(await selectKeys(source, source.rows).execute()).filter(after);
    return all.slice(position === undefined ? offset : 0, (position === undefined ? offset : 0) + wanted);
  }

  let rank: number;
  let skip: number;
  if (position !== undefined) {
    rank = Math.floor(Number(position.key) / SHUFFLE_MODULUS);
    skip = 0;
  } else {
    ({ rank, skip } = await locateOffset(source, bucketOrder, offset, total));
  }
  // From an offset the count says how many rows are left, so the walk stops at the last one, not the last bucket.
  const limit = position === undefined ? Math.min(wanted, Math.max(0, total - offset)) : wanted;
  const page: ShuffledRow[] = [];
  const perBucket = rowsPerBucket(total, bucketOrder);
  while (rank < bucketOrder.length && page.length < limit) {
    // The buckets the rest of the page should take (keys spread evenly), plus one, read in one statement: a page
    // 50 deep into a label of 144,000 needs two, which were two round trips.
    const needed = skip + limit - page.length;
    const batch = bucketOrder.slice(
      rank,
      rank + Math.min(MAX_BUCKETS_READ, Math.ceil(needed / perBucket) + 1),
    );
    const rowsOf = await readBuckets(source, batch);
    for (const bucket of batch) {
      rank++;
      const rows = ordered(rowsOf.get(bucket) ?? []).filter(after);
      page.push(...rows.slice(skip, skip + limit - page.length));
      skip = 0;
      if (page.length >= limit) break;
    }
  }
  return page;
}

/** Rows to expect in a bucket: shuffle keys are a hash, so the matches spread evenly over the buckets. */
function rowsPerBucket(total: number, bucketOrder: readonly number[]): number {
  return Math.max(1, total / bucketOrder.length);
}

/** Each bucket's (id, shuffle_key) rows, several buckets in one statement. */
async function readBuckets(
  source: MatchSource,
  buckets: readonly number[],
): Promise<Map<number, { id: string; shuffle_key: number | string }[]>> {
  const union = unionAllOf(
    buckets.map((bucket) =>
      selectKeys(source, inBucket(source, bucket)).select(sql<number>`${sql.lit(bucket)}`.as('bucket')),
    ),
  );
  const byBucket = new Map<number, { id: string; shuffle_key: number | string }[]>();
  for (const row of (await union?.execute()) ?? []) {
    const bucket = Number(row.bucket);
    const rows = byBucket.get(bucket);
    if (rows) rows.push(row);
    else byBucket.set(bucket, [row]);
  }
  return byBucket;
}

/**
 * The bucket rank an offset falls in, and how many of that bucket's rows come before it. The first round counts
 * about as many buckets as the offset needs (keys are spread evenly over the buckets, so `total / buckets` each)
 * plus a margin, in one statement: a page 50 deep into a label of 144,000 needs ~18 buckets, where a fixed round of
 * 32 counted 4,500 index entries; a short round is followed by fixed ones, so the result never depends on it.
 */
async function locateOffset(
  source: MatchSource,
  bucketOrder: readonly number[],
  offset: number,
  total: number,
): Promise<{ rank: number; skip: number }> {
  if (offset === 0) return { rank: 0, skip: 0 };
  const perBucket = rowsPerBucket(total, bucketOrder);
  const firstRound = Math.min(MAX_FIRST_ROUND, Math.ceil((offset / perBucket) * 1.2) + 2);
  let before = 0;
  let start = 0;
  while (start < bucketOrder.length) {
    const batch = bucketOrder.slice(start, start + (start === 0 ? firstRound : COUNT_BATCH));
    const counts = await countBuckets(source, batch);
    for (let i = 0; i < batch.length; i++) {
      const count = counts.get(batch[i] ?? -1) ?? 0;
      if (before + count > offset) return { rank: start + i, skip: offset - before };
      before += count;
    }
    start += batch.length;
  }
  return { rank: bucketOrder.length, skip: 0 };
}

async function countBuckets(source: MatchSource, buckets: readonly number[]): Promise<Map<number, number>> {
  const union = unionAllOf(
    buckets.map((bucket) =>
      inBucket(source, bucket).select([
        sql<number>`${sql.lit(bucket)}`.as('bucket'),
        sql<number | string>`count(*)`.as('photos'),
      ]),
    ),
  );
  const rows = (await union?.execute()) ?? [];
  return new Map(rows.map((row) => [Number(row.bucket), Number(row.photos)]));
}

function inBucket(source: MatchSource, bucket: number): MatchSource['rows'] {
  const low = bucket * SHUFFLE_BUCKET_WIDTH;
  const high = low + SHUFFLE_BUCKET_WIDTH;
  // Literals, not parameters: better-sqlite3 binds JS numbers as REAL, which would not use the integer index order.
  return source.rows.where(
    sql<boolean>`${source.shuffleKey} >= ${sql.lit(low)} and ${source.shuffleKey} < ${sql.lit(high)}`,
  );
}

function selectKeys(source: MatchSource, rows: MatchSource['rows']) {
  return rows.select([
    sql<string>`${source.id}`.as('id'),
    sql<number | string>`${source.shuffleKey}`.as('shuffle_key'),
  ]);
}
