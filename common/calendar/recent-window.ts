import { addDays, addUnits, compareDates, type CalendarDate, type CalendarUnit } from './calendar-date';
import { singleRange, type DatePhrase, type ResolvedDate } from './resolved-date';

/**
 * "the last 2 weeks", "the past month": from the same day `count` units ago to the end of today. A rolling window,
 * unlike "last month" (the calendar month before this one).
 */
export function recentWindow(count: number, unit: CalendarUnit, today: CalendarDate): ResolvedDate {
  return singleRange(addUnits(today, unit, -count), addDays(today, 1), { kind: 'recent', count, unit });
}

// The longest windows recognised by unit: the units people count in ("the last 18 months", "the past 10 years").
const LONGEST: Readonly<Record<CalendarUnit, number>> = { year: 20, month: 36, week: 52, day: 400 };
// The coarsest unit that names the window exactly is the one said back: "the past month", not "the past 30 days".
const UNITS: readonly CalendarUnit[] = ['year', 'month', 'week', 'day'];

/** The rolling window [from, to) names, when it ends with `today` and starts a whole number of units before. */
export function recentPhraseOf(
  from: CalendarDate,
  to: CalendarDate,
  today: CalendarDate,
): DatePhrase | undefined {
  if (compareDates(addDays(today, 1), to) !== 0) return undefined;
  for (const unit of UNITS) {
    for (let count = 1; count <= LONGEST[unit]; count++) {
      const start = addUnits(today, unit, -count);
      const order = compareDates(start, from);
      if (order === 0) return { kind: 'recent', count, unit };
      if (order < 0) break;
    }
  }
  return undefined;
}
