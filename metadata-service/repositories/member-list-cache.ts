import { LRUCache } from 'lru-cache';

/** One search_key_months row's list, decoded: a capture month ('' undated) and its photo numbers, ascending. */
export interface ListedMonth {
  month: string;
  numbers: Uint32Array;
}

/** Decoded numbers kept, in bytes: 8 M numbers, some forty keys of 200,000 photos. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** What a kept row costs beyond its numbers (the month string, the array object): a guess, kept conservative. */
const ROW_OVERHEAD_BYTES = 96;

interface KeptLists {
  generation: number;
  rows: readonly ListedMonth[];
}

/**
 * The decoded member lists (key-members.ts) of the keys recent intersections read, per owner, reused while the
 * owner's library generation (migration 0018) is the one they were read at. Every write to search_key_months (where
 * the lists live) bumps it in the writing transaction, whichever process writes, so a kept list is never older
 * than the generation it is kept under. The caller reads the generation before the lists: a write landing in
 * between leaves lists newer than their generation, which the next request then reads again.
 *
 * Measured reason: reading the lists was a large part of a warm intersection on PostgreSQL. Two big labels are 482
 * rows and 1.1 MB of lists (0.54 MB since migration 0023): 4-10 ms through node-pg (bytea as hex text) of a 15-20 ms
 * search, where the generation is one primary-key read. A slideshow pages through one search, and a household asks
 * for the same people and places again and again. Rows are shared between searches and never changed (every set
 * operation on them makes a new array).
 */
export class MemberListCache {
  private readonly kept: LRUCache<string, KeptLists>;

  constructor(options: { maxBytes?: number } = {}) {
    this.kept = new LRUCache<string, KeptLists>({
      maxSize: options.maxBytes ?? DEFAULT_MAX_BYTES,
      sizeCalculation: (entry) =>
        Math.max(
          1,
          entry.rows.reduce((bytes, row) => bytes + row.numbers.byteLength + ROW_OVERHEAD_BYTES, 0),
        ),
    });
  }

  /** The rows one read (`read`: its key, left-out values and months) returned at `generation`, if kept. */
  get(ownerId: string, generation: number, read: string): readonly ListedMonth[] | undefined {
    const kept = this.kept.get(entryKey(ownerId, read));
    return kept !== undefined && kept.generation === generation ? kept.rows : undefined;
  }

  set(ownerId: string, generation: number, read: string, rows: readonly ListedMonth[]): void {
    const key = entryKey(ownerId, read);
    // A slower search that read an older generation never replaces a newer entry.
    const kept = this.kept.peek(key);
    if (kept !== undefined && kept.generation > generation) return;
    this.kept.set(key, { generation, rows });
  }

  /** Bytes of numbers (and row overhead) kept, for tests. */
  get keptBytes(): number {
    return this.kept.calculatedSize;
  }
}

/** The kept lists as one search sees them: valid at the owner's generation, read when the search began. */
export interface MemberListsAt {
  cache: MemberListCache;
  generation: number;
}

function entryKey(ownerId: string, read: string): string {
  return `${ownerId}\u0000${read}`;
}
