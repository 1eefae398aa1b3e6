import {
  addDays,
  dateOfLocal,
  dayRange,
  isoWeekday,
  mondayOf,
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

/**
 * "Christmas weekend", "the 4th of July weekend": the holiday and the weekend nearest it, as one window from the
 * earlier start to the later end. A holiday from Wednesday to Sunday has the weekend of its own week (Thanksgiving
 * Thursday runs to Sunday night); one on Monday or Tuesday the weekend just before it (Memorial Day's Saturday to
 * Monday).
 */
export function holidayWeekendEvent(holiday: RecurringEvent): RecurringEvent {
  const windowIn = (year: number): LocalRange => {
    const window = holiday.windowIn(year);
    const first = dateOfLocal(window.from);
    if (!first) return window;
    const monday = mondayOf(first);
    const saturday = addDays(monday, isoWeekday(first) <= 2 ? -2 : 5);
    const weekend = dayRange(saturday, addDays(saturday, 2));
    return {
      from: window.from < weekend.from ? window.from : weekend.from,
      to: window.to > weekend.to ? window.to : weekend.to,
    };
  };
  return {
    ...holiday,
    name: `${holiday.name} weekend`,
    windowIn,
    nameIn: (year) => `${holiday.name} weekend ${year}`,
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
