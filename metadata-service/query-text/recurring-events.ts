import type { LocalRange } from './types';

/** Something that happens once a year: a season or a holiday. */
export interface RecurringEvent {
  /** How it is said back: "summer", "christmas". */
  name: string;
  /** The occurrence that belongs to a year; a season that crosses New Year belongs to the year it starts in. */
  inYear(year: number): LocalRange;
}

/** Local date-times compare as strings: the format is fixed-width. */
const contains = (range: LocalRange, instant: string): boolean => range.from <= instant && instant < range.to;

function around(event: RecurringEvent, year: number): LocalRange[] {
  return [year - 2, year - 1, year, year + 1].map((y) => event.inYear(y));
}

/** "last christmas": the latest occurrence that is over by `today` (local midnight). */
export function lastOccurrence(event: RecurringEvent, today: string, year: number): LocalRange {
  const over = around(event, year).filter((r) => r.to <= today);
  return over[over.length - 1] ?? event.inYear(year - 2);
}

/** "this summer": the one happening now, else the one just over (photos are always of the past). */
export function currentOccurrence(event: RecurringEvent, today: string, year: number): LocalRange {
  return around(event, year).find((r) => contains(r, today)) ?? lastOccurrence(event, today, year);
}

/** "next summer": the first one that has not started. */
export function nextOccurrence(event: RecurringEvent, today: string, year: number): LocalRange {
  return around(event, year).find((r) => r.from > today) ?? event.inYear(year + 1);
}

/** Occurrences of the years in [firstYear, lastYear] that have started by `now`, oldest first. */
export function occurrencesBetween(
  event: RecurringEvent,
  firstYear: number,
  lastYear: number,
  now: string,
): LocalRange[] {
  const ranges: LocalRange[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const range = event.inYear(year);
    if (range.from <= now) ranges.push(range);
  }
  return ranges;
}
