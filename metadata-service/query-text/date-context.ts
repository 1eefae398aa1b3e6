import type { VocabularyLanguage } from '../../common/vocabulary';
import {
  hemisphereOfCode,
  holidayLocaleOf,
  localDateTime,
  localNow,
  type CalendarDate,
  type Hemisphere,
} from '../../common/calendar';
import type { Hemisphere as HemisphereCode } from './types';

/** "Now" as the user's calendar shows it: every relative date is computed from this, never the server's zone. */
export interface DateContext {
  today: CalendarDate;
  /** Local midnight starting today. */
  todayStart: string;
  /** The user's wall clock now. */
  now: string;
  hemisphere: Hemisphere;
  /** Whose holiday dates: German text keeps German ones (Easter is Friday to Monday, Father's Day is Ascension). */
  holidayLocale: 'en-US' | 'de-DE';
}

export function dateContextOf(
  reference: Date,
  timeZone: string,
  hemisphere: HemisphereCode,
  language?: VocabularyLanguage,
): DateContext {
  const wall = localNow(reference, timeZone);
  const today = { year: wall.year, month: wall.month, day: wall.day };
  const pad = (value: number): string => String(value).padStart(2, '0');
  return {
    today,
    todayStart: localDateTime(today),
    now: `${localDateTime(today).slice(0, 11)}${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`,
    hemisphere: hemisphereOfCode(hemisphere),
    holidayLocale: holidayLocaleOf(language),
  };
}
