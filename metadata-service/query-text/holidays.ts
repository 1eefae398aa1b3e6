import { easterSunday } from '../../common/easter';
import { addDays, localDateTime, weekday, type CalendarDay } from './calendar';
import type { RecurringEvent } from './recurring-events';

export { easterSunday };

/** US Thanksgiving: the fourth Thursday of November. */
export function thanksgivingDay(year: number): CalendarDay {
  const first: CalendarDay = { year, month: 11, day: 1 };
  const firstThursday = addDays(first, (4 - weekday(first) + 7) % 7);
  return addDays(firstThursday, 21);
}

function oneDay(name: string, dayOf: (year: number) => CalendarDay): RecurringEvent {
  return {
    name,
    inYear(year) {
      const day = dayOf(year);
      return { from: localDateTime(day), to: localDateTime(addDays(day, 1)) };
    },
  };
}

const fixed = (month: number, day: number) => (year: number) => ({ year, month, day });

const CHRISTMAS = oneDay('christmas', fixed(12, 25));
const CHRISTMAS_EVE = oneDay('christmas eve', fixed(12, 24));
const NEW_YEARS_DAY = oneDay("new year's day", fixed(1, 1));
const EASTER = oneDay('easter', easterSunday);
const THANKSGIVING = oneDay('thanksgiving', thanksgivingDay);
const HALLOWEEN = oneDay('halloween', fixed(10, 31));
const VALENTINES = oneDay("valentine's day", fixed(2, 14));
const INDEPENDENCE_DAY = oneDay('independence day', fixed(7, 4));
/** The party goes on past midnight: the small hours of January 1st still belong to the eve. */
const NEW_YEARS_EVE: RecurringEvent = {
  name: "new year's eve",
  inYear(year) {
    return {
      from: localDateTime({ year, month: 12, day: 31 }),
      to: localDateTime({ year: year + 1, month: 1, day: 1 }, 6),
    };
  },
};

/** Normalized spoken forms (apostrophes dropped, as normalizeWords does) → the holiday. */
const HOLIDAY_WORDS: Readonly<Record<string, RecurringEvent>> = {
  christmas: CHRISTMAS,
  christmases: CHRISTMAS,
  'christmas day': CHRISTMAS,
  xmas: CHRISTMAS,
  'christmas eve': CHRISTMAS_EVE,
  'new years eve': NEW_YEARS_EVE,
  'new year eve': NEW_YEARS_EVE,
  nye: NEW_YEARS_EVE,
  'new years day': NEW_YEARS_DAY,
  'new year day': NEW_YEARS_DAY,
  'new years': NEW_YEARS_DAY,
  'new year': NEW_YEARS_DAY,
  easter: EASTER,
  'easter sunday': EASTER,
  thanksgiving: THANKSGIVING,
  'thanksgiving day': THANKSGIVING,
  halloween: HALLOWEEN,
  'valentines day': VALENTINES,
  'valentine day': VALENTINES,
  valentines: VALENTINES,
  'st valentines day': VALENTINES,
  'independence day': INDEPENDENCE_DAY,
  'fourth of july': INDEPENDENCE_DAY,
  '4th of july': INDEPENDENCE_DAY,
  'july 4th': INDEPENDENCE_DAY,
  'july fourth': INDEPENDENCE_DAY,
};

/** Every spoken form; a regex alternation must try them longest first ("christmas eve" before "christmas"). */
export const HOLIDAY_PHRASES: readonly string[] = Object.keys(HOLIDAY_WORDS);

export function holidayOfWords(words: string): RecurringEvent | undefined {
  return Object.hasOwn(HOLIDAY_WORDS, words) ? HOLIDAY_WORDS[words] : undefined;
}
