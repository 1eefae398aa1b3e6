import {
  HOLIDAY_IDS,
  ON_THIS_DAY,
  resolveDatedHoliday,
  resolveOnThisDay,
  sameTimeYearsAgo,
  type CalendarDate,
  type ResolvedDate,
} from '../../common/calendar';

/** Birthdays have no calendar date; they are found by the library's "birthday" label instead. */
export const BIRTHDAY_LABEL = 'birthday';

/** The HOLIDAY slot type's entity ids: the calendar's holidays and "on this day". */
export const HOLIDAY_SLOT_IDS = [...HOLIDAY_IDS, ON_THIS_DAY] as const;
export type HolidaySlotId = (typeof HOLIDAY_SLOT_IDS)[number];

export function isHolidayId(id: string): id is HolidaySlotId {
  return (HOLIDAY_SLOT_IDS as readonly string[]).includes(id);
}

export interface HolidayRequest {
  holiday: HolidaySlotId;
  locale: string;
  today: CalendarDate;
  /** "every Christmas": one window per year. */
  every: boolean;
  /** A date slot said with it ("Christmas 2019", "on this day in the 2010s"): only occurrences inside it. */
  within?: ResolvedDate;
}

/**
 * A HOLIDAY slot as photo windows, through the one calendar: a holiday's most recent occurrence, every one, or those
 * inside the date said with it; ON_THIS_DAY as today's month-day in earlier years (`monthDays`). Undefined for
 * birthdays (no date: the caller searches the label) and when no occurrence falls inside `within`.
 */
export function resolveHoliday(request: HolidayRequest): ResolvedDate | undefined {
  const { holiday } = request;
  if (holiday === 'BIRTHDAY') return undefined;
  if (holiday === ON_THIS_DAY) {
    const onThisDay = resolveOnThisDay({ today: request.today, within: request.within });
    // "on this day last year" is one day, said by its date, not "this day in earlier years".
    return (request.within && sameTimeYearsAgo(onThisDay, request.within, request.today)) ?? onThisDay;
  }
  return resolveDatedHoliday({ ...request, holiday });
}
