/** "On this day" windows as the `MM-DD` values stored in photos.taken_month_day. */
export interface MonthDayWindow {
  month: number;
  day: number;
  plusMinusDays: number;
}

const DAY_MS = 86_400_000;
/** A leap year, so Feb 29 exists and a window around it (or across it) includes it. */
const LEAP_YEAR = 2024;

/**
 * Every month-day within ±plusMinusDays of the window's day, wrapping across New Year (Dec 30 ±3 → Dec 27 … Jan 2).
 * A day past the month's end (Feb 31) is read as its last day.
 */
export function monthDaysIn(windows: readonly MonthDayWindow[]): string[] {
  const days = new Set<string>();
  for (const { month, day, plusMinusDays } of windows) {
    const lastDay = new Date(Date.UTC(LEAP_YEAR, month, 0)).getUTCDate();
    const centre = Date.UTC(LEAP_YEAR, month - 1, Math.min(day, lastDay));
    for (let delta = -plusMinusDays; delta <= plusMinusDays; delta++) {
      const date = new Date(centre + delta * DAY_MS);
      days.add(`${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`);
    }
  }
  return [...days].sort();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
