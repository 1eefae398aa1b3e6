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
 * reads a list back. That needs a format whose concatenation is still a valid list. A list is one or more
 * segments; a segment is a 0 byte, its first number, then the gaps to each next number (always ≥ 1), all as
 * LEB128 varints (7 bits a byte, least significant first, the top bit set on every byte but a number's last).
 * A gap's first byte is never 0, so a 0 byte always starts a segment, and appending a segment appends numbers.
 * Migration 0023 moved from 4 bytes a number to this: half the bytes on the bench's library, whose photos are
 * numbered in no relation to their months (gaps of ~1,000), and a quarter on a library numbered as it was shot,
 * where a month's photos have neighbouring numbers (a byte each, member-counts.test.ts). The bytes are what an
 * intersection reads from PostgreSQL's TOAST pages when cold, and what node-pg carries as hex.
 */

/** The kinds whose rows carry member lists ('all' and 'day' never take part in an intersection). */
export function hasMembers(kind: SearchKeyKind): boolean {
  return kind !== 'all' && kind !== 'day';
}

const SEGMENT_START = 0;
/** The largest photo number a list holds (photos.photo_number is a 32-bit integer). */
const MAX_NUMBER = 0xffff_ffff;

/** A list of photo numbers as stored: one segment, ascending, each number once. */
export function encodeMembers(numbers: readonly number[]): Buffer {
  const sorted = Uint32Array.from(numbers).sort();
  const bytes = Buffer.allocUnsafe(1 + 5 * sorted.length);
  let at = 0;
  bytes[at++] = SEGMENT_START;
  let previous = -1;
  for (const number of sorted) {
    if (number === previous) continue;
    at = writeVarint(bytes, at, previous < 0 ? number : number - previous);
    previous = number;
  }
  return previous < 0 ? Buffer.alloc(0) : bytes.subarray(0, at);
}

function writeVarint(bytes: Buffer, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    bytes[at++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  bytes[at++] = rest;
  return at;
}

/**
 * A stored list, ascending. Sorted only when it is not already: an owner's numbers grow, so appends keep lists in
 * order, but a list is never trusted to be. A list cut short ends at its last whole number; a number past 32 bits
 * ends it too (neither is ever written).
 */
export function decodeMembers(stored: Uint8Array): Uint32Array {
  // At least one byte a number, so the byte count bounds the count.
  const numbers = new Uint32Array(stored.length);
  let count = 0;
  let previous = 0;
  let ordered = true;
  let at = 0;
  while (at < stored.length) {
    const segment = stored[at] === SEGMENT_START;
    if (segment) at += 1;
    // The number's varint, read in place.
    let value = 0;
    let scale = 1;
    let byte = 0x80;
    while (byte >= 0x80 && at < stored.length) {
      byte = stored[at++] ?? 0;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    }
    if (byte >= 0x80) break;
    const number = segment ? value : previous + value;
    if (number > MAX_NUMBER) break;
    if (count > 0 && number <= previous) ordered = false;
    numbers[count++] = number;
    previous = number;
  }
  const decoded = numbers.subarray(0, count);
  return ordered ? decoded : distinct(decoded.sort());
}

/** A sorted list with repeats dropped (segments appended twice would repeat numbers). */
function distinct(sorted: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i] ?? 0;
  }
  return sorted.subarray(0, n);
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
 * The SQL aggregate that builds a group's member list from its rows' photo numbers, as encodeMembers would: each
 * number's bytes as hex (`gap`: the number less the group's previous one, null for its first, from lag() in the
 * query the aggregate reads), concatenated in ascending order and decoded to bytes.
 */
export function membersAggregate(
  db: QueryExecutorProvider,
  number: RawBuilder<number>,
  gap: RawBuilder<number | null>,
): RawBuilder<Buffer> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const hexByte = (value: RawBuilder<number>) =>
    postgres ? sql`lpad(to_hex(${value}), 2, '0')` : sql`printf('%02X', ${value})`;
  const varintHex = (value: RawBuilder<number>) => {
    // One CASE arm per length (photo numbers are below 2^32: at most 5 bytes).
    const arms = [1, 2, 3, 4, 5].map((length) => {
      const bytes = Array.from({ length }, (_, i) => {
        const shifted = i === 0 ? value : sql<number>`(${value} >> ${sql.lit(7 * i)})`;
        return i === length - 1 ? hexByte(shifted) : hexByte(sql<number>`((${shifted} & 127) | 128)`);
      });
      const joined = sql.join(bytes, sql` || `);
      return length === 5
        ? sql`else ${joined}`
        : sql`when ${value} < ${sql.lit(2 ** (7 * length))} then ${joined}`;
    });
    return sql`(case ${sql.join(arms, sql` `)} end)`;
  };
  // A repeated number (gap 0) adds nothing: a 0 byte there would start a segment.
  const piece = sql`(case when ${gap} is null then '00' || ${varintHex(number)} when ${gap} = 0 then ''
    else ${varintHex(sql<number>`${gap}`)} end)`;
  return postgres
    ? sql<Buffer>`decode(string_agg(${piece}, '' order by ${number}), 'hex')`
    : sql<Buffer>`unhex(group_concat(${piece}, '' order by ${number}))`;
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
