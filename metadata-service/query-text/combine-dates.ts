import {
  EARLIEST_PHOTO,
  occurrenceYear,
  rangesOf,
  rangesOverlap,
  resolveOccurrence,
  type FutureDate,
} from '../../common/calendar';
import type { PhotoQueryInput } from '../../common/contracts';
import type { DateContext } from './date-context';
import type { DateFinding } from './date-expressions';
import { occurrencesBetween, type RecurringEvent } from './recurring-events';
import type { DateReading, LocalRange, MonthDayReading, ParseContext, Understood } from './types';

/** Something found at a word position, so everything understood can be listed in the order it was said. */
export interface Placed<T> {
  first: number;
  text: string;
  item: T;
}

export type PlacedDate = Placed<DateFinding>;

type DateQuery = Pick<PhotoQueryInput, 'takenFrom' | 'takenTo' | 'dateRanges' | 'monthDays'>;

/** The contract's cap on dateRanges. */
const MAX_RANGES = 50;
/** "every christmas" without a library span: the last 20 years. */
const DEFAULT_YEARS = 20;

const yearOf = (localDateTime: string): number => Number(localDateTime.slice(0, 4));
const overlaps = rangesOverlap;

/**
 * Turns every date the text named into the query's date fields:
 * - plain dates ("last summer", "2019", "july 2019"): one is [takenFrom, takenTo); several are alternatives
 *   (dateRanges: "2019 and 2021");
 * - a holiday named alone ("Mom at Christmas") is its most recent occurrence that has begun;
 * - a recurring one ("every christmas", a bare "summer") becomes one range per year; a plain date beside it only
 *   chooses the years ("christmas in the nineties", "summer last year"), and one such date also bounds the result;
 *   without one, the years are the library's span or the last 20;
 * - "on this day" is a month-day window in the years before this one, which narrows whatever else was said ("on
 *   this day in the 2010s").
 * A date entirely still to come keeps its range (it finds nothing) and its `future` marker for the answer.
 */
export function combineDates(
  findings: readonly PlacedDate[],
  context: ParseContext,
  dates: DateContext,
): { query: DateQuery; understood: Placed<Understood>[] } {
  const understood: Placed<Understood>[] = [];
  const query: DateQuery = {};
  const plainRanges: LocalRange[] = [];
  const monthDays: MonthDayReading[] = [];
  let before: string | undefined;
  const recurring: Placed<RecurringEvent>[] = [];

  const alone = !findings.some((f) => f.item.type === 'ranges' || f.item.type === 'month-day');
  for (const { first, text, item: found } of findings) {
    // A holiday named alone ("Mom at Christmas") is its most recent occurrence, as the skill's HOLIDAY slot reads it.
    const item =
      alone && found.type === 'every' && found.bare && found.event.kind === 'holiday'
        ? mostRecent(found.event, dates)
        : found;
    if (item.type === 'ranges') {
      plainRanges.push(...item.ranges);
      const value = {
        description: item.description,
        ranges: item.ranges,
        ...(item.future ? { future: futureReading(item.future) } : {}),
      };
      understood.push({ first, text, item: { kind: 'date', text, value } });
    } else if (item.type === 'month-day') {
      for (const window of item.windows) {
        if (!monthDays.some((w) => w.month === window.month && w.day === window.day)) monthDays.push(window);
      }
      if (before === undefined || item.before < before) before = item.before;
      const [shown] = item.windows;
      if (shown) understood.push({ first, text, item: { kind: 'on-this-day', text, value: shown } });
    } else {
      recurring.push({ first, text, item: item.event });
    }
  }
  if (monthDays.length > 0) query.monthDays = monthDays;
  const result = (): { query: DateQuery; understood: Placed<Understood>[] } => {
    // "On this day" is history: the years before this one, up to where this year's window begins.
    if (before !== undefined) {
      query.takenFrom ??= EARLIEST_PHOTO;
      if (query.takenTo === undefined || query.takenTo > before) query.takenTo = before;
      if (query.takenFrom >= query.takenTo) query.takenFrom = EARLIEST_PHOTO;
    }
    return { query, understood };
  };

  if (recurring.length > 0) {
    const perEvent = Math.max(1, Math.floor(MAX_RANGES / recurring.length));
    const all: LocalRange[] = [];
    for (const { first, text, item: event } of recurring) {
      const ranges = occurrencesOf(event, plainRanges, context, dates).slice(-perEvent);
      const ahead = ranges.length === 0 ? occurrenceAhead(event, plainRanges, dates) : undefined;
      if (ahead) {
        // "christmas this year" on 2 December: the one named is still to come; keep it, offer the last one.
        all.push(...ahead.ranges);
        understood.push({ first, text, item: { kind: 'date', text, value: ahead } });
        continue;
      }
      all.push(...ranges);
      const years = ranges.length > 0 ? `, ${yearsOf(ranges)}` : '';
      understood.push({
        first,
        text,
        item: { kind: 'date', text, value: { description: `every ${event.name}${years}`, ranges } },
      });
    }
    const onlyBound = plainRanges.length === 1 ? plainRanges[0] : undefined;
    if (onlyBound) {
      query.takenFrom = onlyBound.from;
      query.takenTo = onlyBound.to;
    }
    query.dateRanges = sortedUnique(all);
    if (query.dateRanges.length === 0 && onlyBound) {
      // No occurrence inside the bound ("christmas in march"): a range outside it makes the answer empty, as it is.
      const event = recurring[0]?.item;
      if (event) query.dateRanges = [event.windowIn(yearOf(onlyBound.from))];
    }
    return result();
  }

  const ranges = sortedUnique(plainRanges).slice(-MAX_RANGES);
  const [only] = ranges;
  if (ranges.length === 1 && only) {
    query.takenFrom = only.from;
    query.takenTo = only.to;
  } else if (ranges.length > 1) {
    query.dateRanges = ranges;
  }
  return result();
}

/** The event's occurrences within the named dates, else within the library's span, else in the last 20 years. */
function occurrencesOf(
  event: RecurringEvent,
  bounds: readonly LocalRange[],
  context: ParseContext,
  dates: DateContext,
): LocalRange[] {
  if (bounds.length > 0) {
    const firstYear = Math.min(...bounds.map((b) => yearOf(b.from))) - 1;
    const lastYear = Math.max(...bounds.map((b) => yearOf(b.to)));
    return occurrencesBetween(event, firstYear, lastYear, dates.now).filter((o) =>
      bounds.some((b) => overlaps(o, b)),
    );
  }
  const span = context.librarySpan;
  if (span) {
    // The span's ends are photos' times, both included.
    return occurrencesBetween(
      event,
      yearOf(span.first) - 1,
      Math.min(yearOf(span.last), dates.today.year),
      dates.now,
    ).filter((o) => o.from <= span.last && span.first < o.to);
  }
  return occurrencesBetween(event, dates.today.year - DEFAULT_YEARS, dates.today.year, dates.now).slice(
    -DEFAULT_YEARS,
  );
}

/** The most recent occurrence of an event that has begun, as a plain date. */
function mostRecent(event: RecurringEvent, dates: DateContext): DateFinding {
  const year = occurrenceYear(event, 'latest', dates.today);
  return { type: 'ranges', description: event.nameIn(year), ranges: [event.windowIn(year)] };
}

/** The one occurrence inside the named dates when it has not begun, as a reading marked future. */
function occurrenceAhead(
  event: RecurringEvent,
  bounds: readonly LocalRange[],
  dates: DateContext,
): DateReading | undefined {
  const [bound, ...others] = bounds;
  if (!bound || others.length > 0) return undefined;
  const inside = [yearOf(bound.from) - 1, yearOf(bound.from), yearOf(bound.to)]
    .filter((year) => bound.from <= event.windowIn(year).from && event.windowIn(year).from < bound.to)
    .filter((year) => event.windowIn(year).from > dates.now);
  const [year, ...more] = [...new Set(inside)];
  if (year === undefined || more.length > 0) return undefined;
  const resolved = resolveOccurrence(event, year, dates.today);
  return {
    description: event.nameIn(year),
    ranges: rangesOf(resolved),
    ...(resolved.future ? { future: futureReading(resolved.future) } : {}),
  };
}

function yearsOf(ranges: readonly LocalRange[]): string {
  const first = yearOf(ranges[0]?.from ?? '');
  const last = yearOf(ranges[ranges.length - 1]?.from ?? '');
  return first === last ? String(first) : `${first}–${last}`;
}

function sortedUnique(ranges: readonly LocalRange[]): LocalRange[] {
  const byKey = new Map(ranges.map((r) => [`${r.from}/${r.to}`, r] as const));
  return [...byKey.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The calendar's future marker as the reading carries it: the occurrence to offer, by name, and its ranges. */
function futureReading(future: FutureDate): NonNullable<DateReading['future']> {
  const { previous } = future;
  return previous ? { previous: { text: previous.name, ranges: rangesOf(previous) } } : {};
}
