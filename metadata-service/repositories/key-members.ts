import { endianness } from 'node:os';
import { PostgresAdapter, sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type { SearchKeyKind } from '../database/schema';

/**
 * Member lists (migration 0021): each search_key_months row of a label, person, album or place also holds the
 * photo numbers (photos.photo_number, per owner) it counts, so an exact count of photos under two or more keys is
 * an intersection of short sorted lists per month instead of a merge of every index entry of every key (two labels
 * of 144,000 and 65,000 photos at a million: 35-50 ms warm on PostgreSQL, 80-100 ms on SQLite, far more cold).
 *
 * The format is hand-written, not a roaring bitmap library's, for one measured reason: a new photo is appended to
 * its rows by the same upsert that counts it (`members || excluded.members`, on both engines), so ingest never
 * reads a list back. That needs a format whose concatenation is still a valid list: 4-byte big-endian unsigned
 * integers, ascending because an owner's numbers only grow (photo-numbers.ts). Big-endian because both engines
 * build it in SQL from hex text (rebuilds and recounts), and hex reads most significant byte first.
 */

/** The kinds whose rows carry member lists ('all' and 'day' never take part in an intersection). */
export function hasMembers(kind: SearchKeyKind): boolean {
  return kind !== 'all' && kind !== 'day';
}

const BYTES_PER_MEMBER = 4;
const LITTLE_ENDIAN = endianness() === 'LE';

/** A list of photo numbers as stored. */
export function encodeMembers(numbers: readonly number[]): Buffer {
  const buffer = Buffer.allocUnsafe(numbers.length * BYTES_PER_MEMBER);
  numbers.forEach((number, i) => buffer.writeUInt32BE(number, i * BYTES_PER_MEMBER));
  return buffer;
}

/**
 * A stored list, ascending. Sorted only when it is not already: an owner's numbers grow, so appends keep lists in
 * order, but a list is never trusted to be.
 */
export function decodeMembers(stored: Uint8Array): Uint32Array {
  const count = Math.floor(stored.byteLength / BYTES_PER_MEMBER);
  // A copy into fresh (so aligned) memory, byte-swapped natively: a DataView read per number cost ~1.5 ms for the
  // 209,000 numbers of two big labels; the swap costs a tenth of that.
  const numbers = new Uint32Array(count);
  const bytes = Buffer.from(numbers.buffer);
  bytes.set(stored.subarray(0, count * BYTES_PER_MEMBER));
  if (LITTLE_ENDIAN) bytes.swap32();
  for (let i = 1; i < count; i += 1) {
    if ((numbers[i] ?? 0) < (numbers[i - 1] ?? 0)) return numbers.sort();
  }
  return numbers;
}

/** The numbers in either list, each once. */
export function unionOf(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x < y) {
      out[n++] = x;
      i += 1;
    } else if (y < x) {
      out[n++] = y;
      j += 1;
    } else {
      out[n++] = x;
      i += 1;
      j += 1;
    }
  }
  while (i < a.length) out[n++] = a[i++] ?? 0;
  while (j < b.length) out[n++] = b[j++] ?? 0;
  return out.subarray(0, n);
}

/** The numbers in both lists. Galloping would win on very uneven lists; a month's lists are a few hundred long. */
export function intersectionOf(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x < y) i += 1;
    else if (y < x) j += 1;
    else {
      out[n++] = x;
      i += 1;
      j += 1;
    }
  }
  return out.subarray(0, n);
}

/** The numbers in `a` and not in `b`. */
export function differenceOf(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  let j = 0;
  let n = 0;
  for (const x of a) {
    while (j < b.length && (b[j] ?? 0) < x) j += 1;
    if (j < b.length && b[j] === x) continue;
    out[n++] = x;
  }
  return out.subarray(0, n);
}

/**
 * The SQL aggregate that builds a group's member list from its rows' photo numbers, as encodeMembers would: the
 * hex of each number, concatenated in ascending order and decoded to bytes.
 */
export function membersAggregate(db: QueryExecutorProvider, number: RawBuilder<number>): RawBuilder<Buffer> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<Buffer>`decode(string_agg(lpad(to_hex(${number}), 8, '0'), '' order by ${number}), 'hex')`
    : sql<Buffer>`unhex(group_concat(printf('%08X', ${number}), '' order by ${number}))`;
}

/** `stored || added` as a list: SQLite's || yields text, cast back to bytes. */
export function appendedMembers(
  db: QueryExecutorProvider,
  stored: RawBuilder<unknown>,
  added: RawBuilder<unknown>,
): RawBuilder<Buffer | null> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<Buffer | null>`${stored} || ${added}`
    : sql<Buffer | null>`cast(${stored} || ${added} as blob)`;
}
