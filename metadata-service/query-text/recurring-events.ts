import {
  dateOfLocal,
  dayRange,
  HOLIDAY_IDS,
  holidayWindow,
  seasonWindow,
  type DatedHoliday,
  type DatePhrase,
  type Hemisphere,
  type HolidayId,
  type LocalRange,
  type SeasonName,
  type YearlyEvent,
} from '../../common/calendar';

/** Something that happens once a year (a season, a holiday), with the word free text says it with. */
export interface RecurringEvent extends YearlyEvent {
  /** How it is said back: "summer", "christmas". */
  name: string;
  kind: 'holiday' | 'season';
}

const isSlotHoliday = (id: DatedHoliday): id is Exclude<HolidayId, 'BIRTHDAY'> =>
  (HOLIDAY_IDS as readonly string[]).includes(id);

/** A holiday as the calendar dates it where the text is from (US rules unless the text is said to be German). */
export function holidayEvent(holiday: DatedHoliday, name: string, locale = 'en-US'): RecurringEvent {
  const windowIn = (year: number): LocalRange => holidayWindow(holiday, year, locale);
  return {
    name,
    kind: 'holiday',
    windowIn,
    phraseIn: (year): DatePhrase =>
      isSlotHoliday(holiday)
        ? { kind: 'holiday', holiday, year }
        : { kind: 'day', date: dateOfLocal(windowIn(year).from) ?? { year, month: 1, day: 1 } },
    nameIn: (year) => `${name} ${year}`,
  };
}

/** A season in the user's hemisphere; one that crosses New Year belongs to the year it starts in. */
export function seasonEvent(season: SeasonName, hemisphere: Hemisphere): RecurringEvent {
  return {
    name: season,
    kind: 'season',
    windowIn: (year) => {
      const { from, to } = seasonWindow(season, year, hemisphere);
      return dayRange(from, to);
    },
    phraseIn: (year) => ({ kind: 'season', season, year }),
    nameIn: (year) => `${season} ${year}`,
  };
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
    const range = event.windowIn(year);
    if (range.from <= now) ranges.push(range);
  }
  return ranges;
}
