import {
  addMonths,
  compareDates,
  seasonFirstMonth,
  type CalendarDate,
  type Hemisphere,
  type SeasonName,
} from '../../common/calendar';

/** `last` = the most recent season of that name that has fully ended; `this` = the one in progress or next. */
export function relativeSeasonValue(
  which: 'last' | 'this',
  spec: { code: string; season: SeasonName },
  today: CalendarDate,
  hemisphere: Hemisphere,
): string {
  const start = (year: number): CalendarDate => ({
    year,
    month: seasonFirstMonth(spec.season, hemisphere),
    day: 1,
  });
  if (which === 'last') {
    // In July, "last summer" is the previous year's.
    let year = today.year;
    while (compareDates(addMonths(start(year), 3), today) > 0) year -= 1;
    return `${year}-${spec.code}`;
  }
  // "this winter" in January or February is the winter that began last December.
  const inProgressSince =
    compareDates(start(today.year - 1), today) <= 0 &&
    compareDates(addMonths(start(today.year - 1), 3), today) > 0;
  return `${inProgressSince ? today.year - 1 : today.year}-${spec.code}`;
}
