import { addDays, dateOfLocal, localDateTime, type CalendarDate } from './calendar-date';
import type { LocalRange } from './local-range';
import type { DayPart } from './resolved-date';

/**
 * The capture-local hours of a part of a day: [first hour, end hour], an end past 24 running into the next day. A
 * night runs to 05:00, so "last night" finds the party photo taken at 01:30 and not the next morning's walk.
 */
const DAY_PART_HOURS: Readonly<Record<DayPart, readonly [number, number]>> = {
  morning: [5, 12],
  afternoon: [12, 17],
  evening: [17, 24],
  night: [18, 29],
};

export const DAY_PARTS = Object.keys(DAY_PART_HOURS) as DayPart[];

/** Where a part of a day starts and ends. */
export function dayPartRange(day: CalendarDate, part: DayPart): LocalRange {
  const [first, end] = DAY_PART_HOURS[part];
  return {
    from: localDateTime(day, first),
    to: localDateTime(addDays(day, Math.floor(end / 24)), end % 24),
  };
}

/** The part of a day a window is exactly, if it is one. */
export function dayPartOf(
  takenFrom: string,
  takenTo: string,
): { date: CalendarDate; part: DayPart } | undefined {
  const date = dateOfLocal(takenFrom);
  if (!date) return undefined;
  const part = DAY_PARTS.find((each) => {
    const range = dayPartRange(date, each);
    return range.from === takenFrom && range.to === takenTo;
  });
  return part && { date, part };
}
