import { gregorianEaster } from 'date-easter';
import type { CalendarDate } from './calendar-date';

/**
 * Easter Sunday in the Gregorian calendar, from date-easter (maintained by the author of date-holidays). One
 * computation for the skill's HOLIDAY slot and the library's free text ("easter 2019"), so both agree on the day.
 */
export function easterSunday(year: number): CalendarDate {
  const { month, day } = gregorianEaster(year);
  return { year, month, day };
}
