import { localDateTime, type CalendarDate } from './calendar-date';

/** A capture-local [from, to) window as PhotoQuery takes it (`YYYY-MM-DDTHH:mm:ss`). */
export interface LocalRange {
  from: string;
  to: string;
}

/** From the start of one day to the start of another (exclusive). */
export function dayRange(from: CalendarDate, toExclusive: CalendarDate): LocalRange {
  return { from: localDateTime(from), to: localDateTime(toExclusive) };
}

/** Local date-times compare as strings: the format is fixed-width. */
export function rangesOverlap(a: LocalRange, b: LocalRange): boolean {
  return a.from < b.to && b.from < a.to;
}
