import { addMonths, type CalendarDate } from './calendar-date';
import type { Hemisphere } from './hemisphere';

export type SeasonName = 'spring' | 'summer' | 'autumn' | 'winter';
/** AMAZON.DATE's season codes (`2026-SU`). */
export type SeasonCode = 'SP' | 'SU' | 'FA' | 'WI';

const SEASON_OF_CODE: Readonly<Record<SeasonCode, SeasonName>> = {
  SP: 'spring',
  SU: 'summer',
  FA: 'autumn',
  WI: 'winter',
};

export function seasonOfCode(code: SeasonCode): SeasonName {
  return SEASON_OF_CODE[code];
}

/** Meteorological seasons (whole months): the month each one starts in. */
const FIRST_MONTH: Readonly<Record<Hemisphere, Readonly<Record<SeasonName, number>>>> = {
  northern: { spring: 3, summer: 6, autumn: 9, winter: 12 },
  southern: { spring: 9, summer: 12, autumn: 3, winter: 6 },
};

/** The month a season starts in; a season lasts three months and may run into the next year (December starts). */
export function seasonFirstMonth(season: SeasonName, hemisphere: Hemisphere): number {
  return FIRST_MONTH[hemisphere][season];
}

/**
 * The season that belongs to a year: [first day of its first month, first day of the month after its last). One
 * that starts in December belongs to the year it starts in (northern winter 2024 = Dec 2024 – Feb 2025, southern
 * summer 2025 = Dec 2025 – Feb 2026), as Alexa's AMAZON.DATE `2024-WI` does.
 */
export function seasonWindow(
  season: SeasonName,
  year: number,
  hemisphere: Hemisphere,
): { from: CalendarDate; to: CalendarDate } {
  const from: CalendarDate = { year, month: seasonFirstMonth(season, hemisphere), day: 1 };
  return { from, to: addMonths(from, 3) };
}

/** The season a day falls in, and the year that season belongs to. */
export function seasonOf(date: CalendarDate, hemisphere: Hemisphere): { season: SeasonName; year: number } {
  for (const season of ['spring', 'summer', 'autumn', 'winter'] as const) {
    for (const year of [date.year, date.year - 1]) {
      const { from, to } = seasonWindow(season, year, hemisphere);
      const key = (d: CalendarDate): number => d.year * 10_000 + d.month * 100 + d.day;
      if (key(from) <= key(date) && key(date) < key(to)) return { season, year };
    }
  }
  return { season: 'winter', year: date.year };
}
