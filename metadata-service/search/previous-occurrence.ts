import type { PhotoQuery } from '../../common/contracts';
import { describeRange } from '../query-text/describe-range';
import type { LocalRange } from '../query-text/types';

const DAY_MS = 86_400_000;
/** A range this short (a day, a weekend, a week) comes round again every week; longer ones every year. */
const WEEKLY_UP_TO_DAYS = 7;

/** The structured query's dates as ranges, when they are plain ranges (month-day windows never lie ahead). */
export function dateRangesOf(query: PhotoQuery): LocalRange[] | undefined {
  if (query.monthDays.length > 0) return undefined;
  if (query.dateRanges.length > 0) return query.dateRanges;
  if (query.takenFrom !== undefined && query.takenTo !== undefined) {
    return [{ from: query.takenFrom, to: query.takenTo }];
  }
  return undefined;
}

/** True when every range begins after `now` (a capture-local `YYYY-MM-DDTHH:mm:ss`): no photo can be in it yet. */
export function isFuture(ranges: readonly LocalRange[], now: string): boolean {
  return ranges.length > 0 && ranges.every((range) => range.from > now);
}

/**
 * The last occurrence of a future date that has begun by `now`: a day, weekend or week a week earlier at a time,
 * anything longer (a month, a season, a year) a year earlier at a time. Structured queries carry no words, so this
 * is the library's own reading of "the previous one"; free text has the calendar's, by name.
 */
export function previousOccurrence(
  ranges: readonly LocalRange[],
  now: string,
): { text: string; ranges: LocalRange[] } | undefined {
  if (!isFuture(ranges, now)) return undefined;
  const first = ranges[0];
  if (!first) return undefined;
  const days = (toMs(first.to) - toMs(first.from)) / DAY_MS;
  const shift = (range: LocalRange, steps: number): LocalRange =>
    days <= WEEKLY_UP_TO_DAYS
      ? { from: addDays(range.from, -7 * steps), to: addDays(range.to, -7 * steps) }
      : { from: addYears(range.from, -steps), to: addYears(range.to, -steps) };
  for (let steps = 1; steps <= 200; steps++) {
    const shifted = ranges.map((range) => shift(range, steps));
    if (shifted.some((range) => range.from <= now)) {
      const [single] = shifted;
      const text =
        shifted.length === 1 && single ? describeRange(single) : shifted.map(describeRange).join(', ');
      return { text, ranges: shifted };
    }
  }
  return undefined;
}

/** Wall-clock arithmetic: local date-times are read as if UTC, so no zone's DST moves a day. */
function toMs(local: string): number {
  return Date.parse(`${local}Z`);
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

function addDays(local: string, days: number): string {
  return fromMs(toMs(local) + days * DAY_MS);
}

function addYears(local: string, years: number): string {
  const date = new Date(toMs(local));
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return fromMs(date.getTime());
}
