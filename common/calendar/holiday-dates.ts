import { localDateTime, type CalendarDate } from './calendar-date';
import { englishNameOf } from './english-names';
import { holidayWindow, type DatedHoliday, type HolidayId } from './holidays';
import type { LocalRange } from './local-range';
import { multipleRanges, RECURRING_YEARS, type ResolvedDate } from './resolved-date';

export type SlotHoliday = Exclude<HolidayId, 'BIRTHDAY'>;

export interface HolidayRequest {
  holiday: SlotHoliday;
  locale: string;
  today: CalendarDate;
  /** "every Christmas": one window per year. */
  every: boolean;
  /** A date said with it ("Christmas 2019", "Easter in the 2010s"): only occurrences inside it. */
  within?: { takenFrom: string; takenTo: string };
}

/**
 * A holiday as photo windows: the most recent one that has begun ("last Christmas", "Christmas"), every one of the
 * last 20 years ("every Christmas"), or those inside a given date ("Christmas 2019"). Undefined when no occurrence
 * falls inside `within` ("Christmas in July"). One inside `within` that has not begun ("Christmas this year" asked
 * on 2 December) stays as asked, marked `future`, with the last one that has begun to offer.
 */
export function resolveDatedHoliday(request: HolidayRequest): ResolvedDate | undefined {
  const { holiday, locale, today, within } = request;
  const todayStart = localDateTime(today);
  if (within) {
    const firstYear = Number(within.takenFrom.slice(0, 4));
    const lastYear = Number(within.takenTo.slice(0, 4));
    const inside: LocalRange[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const window = holidayWindow(holiday, year, locale);
      if (window.from >= within.takenFrom && window.from < within.takenTo) inside.push(window);
    }
    const phrase =
      inside.length === 1
        ? { kind: 'holiday' as const, holiday, year: Number(inside[0]?.from.slice(0, 4)) }
        : { kind: 'every-holiday' as const, holiday };
    const resolved = multipleRanges(inside, phrase);
    if (!resolved || inside.some((window) => window.from <= todayStart)) return resolved;
    const previous = resolveDatedHoliday({ ...request, every: false, within: undefined });
    return {
      ...resolved,
      future: previous ? { previous: { ...previous, name: englishNameOf(previous.phrase, today) } } : {},
    };
  }
  const started = startedWindows(holiday, locale, today, request.every ? RECURRING_YEARS : 1);
  const first = started[0];
  if (!first) return undefined;
  return request.every
    ? multipleRanges(started, { kind: 'every-holiday', holiday })
    : multipleRanges(started, { kind: 'holiday', holiday, year: Number(first.from.slice(0, 4)) });
}

/** The most recent `count` occurrences that have begun by today, oldest first. */
export function startedWindows(
  holiday: DatedHoliday,
  locale: string,
  today: CalendarDate,
  count: number,
): LocalRange[] {
  const todayStart = localDateTime(today);
  const started: LocalRange[] = [];
  for (let year = today.year; started.length < count && year > today.year - count - 2; year--) {
    const window = holidayWindow(holiday, year, locale);
    if (window.from <= todayStart) started.push(window);
  }
  return started.reverse();
}
