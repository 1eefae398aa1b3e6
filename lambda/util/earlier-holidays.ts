import {
  holidayWindow,
  multipleRanges,
  rangesOf,
  type LocalRange,
  type ResolvedDate,
} from '../../common/calendar';

/** How far back a holiday with no photos looks for one that has some. */
export const YEARS_BACK = 10;

/**
 * The occurrences of the holiday a request asked before the one it asked ("Valentine's Day 2026" → 2025, 2024, …,
 * ten years back), each as a date the request can be asked again with, most recent first. None for any other date.
 */
export function earlierHolidays(date: ResolvedDate | undefined, locale: string): ResolvedDate[] {
  const phrase = date?.phrase;
  if (phrase?.kind !== 'holiday' || phrase.holiday === 'BIRTHDAY') return [];
  const earlier: ResolvedDate[] = [];
  for (let year = phrase.year - 1; year >= phrase.year - YEARS_BACK; year--) {
    const window = holidayWindow(phrase.holiday, year, locale);
    earlier.push({
      takenFrom: window.from,
      takenTo: window.to,
      dateRanges: [],
      phrase: { kind: 'holiday', holiday: phrase.holiday, year },
    });
  }
  return earlier;
}

/** All of them as one date: one search finds whether any has photos, and the span says which was the latest. */
export function anyOf(occurrences: readonly ResolvedDate[]): ResolvedDate | undefined {
  const ranges = occurrences.flatMap((occurrence) => rangesOf(occurrence));
  const [latest] = occurrences;
  return latest && multipleRanges([...ranges].sort(byStart), latest.phrase);
}

/** The occurrence a capture time falls in. */
export function occurrenceAt(occurrences: readonly ResolvedDate[], taken: string): ResolvedDate | undefined {
  return occurrences.find((occurrence) =>
    rangesOf(occurrence).some((range) => range.from <= taken && taken < range.to),
  );
}

const byStart = (a: LocalRange, b: LocalRange): number => a.from.localeCompare(b.from);
