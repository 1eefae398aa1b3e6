import { addDays, calendarDate, daysBetween, type CalendarDate } from '../../common/calendar';
import { captureDayOf } from './similar-photos';

/**
 * The display service's "memories": photos from the week around today's date (±3 days) in earlier years, leaving
 * out the last week itself (not a memory yet). Used to say "your memories from this week" only when the frame
 * really opens with one.
 */
export const MEMORY_DAYS_AROUND = 3;
const NOT_YET_A_MEMORY_DAYS = 7;

export function isMemory(takenLocal: string | null | undefined, today: CalendarDate): boolean {
  const taken = captureDayOf(takenLocal);
  if (!taken || daysBetween(taken, today) <= NOT_YET_A_MEMORY_DAYS) return false;
  // Today's month and day in the photo's year and its neighbours (the week may straddle New Year).
  return [taken.year - 1, taken.year, taken.year + 1].some((year) => {
    const anniversary =
      calendarDate(year, today.month, today.day) ??
      addDays({ year, month: today.month, day: 1 }, today.day - 1);
    return Math.abs(daysBetween(taken, anniversary)) <= MEMORY_DAYS_AROUND;
  });
}
