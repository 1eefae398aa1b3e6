/**
 * The product's stated calendar semantics (issue 11, the team's shared contracts), written again here on purpose:
 * the eval's expectations must not come from the code they judge. Capture-local [from, to) ranges as
 * `YYYY-MM-DDTHH:MM:SS` strings, compared as text.
 *
 * Weekend = Saturday and Sunday; Christmas = 24–26 December; New Year's Eve = 31 December until 06:00 on 1 January;
 * seasons are meteorological and follow the user's hemisphere (`2023-SU` in the south is December 2023 – February
 * 2024); Easter = Easter Sunday; on this day = the same month and day in earlier years.
 */
export type Hemisphere = 'N' | 'S';
export interface Range {
  from: string;
  to: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const day = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T00:00:00`;
};
const addDays = (y: number, m: number, d: number, n: number) => day(y, m, d + n);

/** Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): [number, number, number] {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const monday = new Date(mondayOfWeek1.getTime() + (week - 1) * 7 * 86_400_000);
  return [monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate()];
}

const SEASON_START: Record<Hemisphere, Record<string, number>> = {
  N: { SP: 3, SU: 6, FA: 9, WI: 12 },
  S: { SP: 9, SU: 12, FA: 3, WI: 6 },
};

/** An AMAZON.DATE value as a capture-local range (every form Alexa sends for past and future periods). */
export function amazonDateRange(value: string, hemisphere: Hemisphere): Range {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return { from: day(y, mo, d), to: addDays(y, mo, d, 1) };
  }
  if ((m = /^(\d{4})-W(\d{2})-WE$/.exec(value))) {
    const [y, mo, d] = isoWeekMonday(Number(m[1]), Number(m[2]));
    return { from: addDays(y, mo, d, 5), to: addDays(y, mo, d, 7) };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const [y, mo, d] = isoWeekMonday(Number(m[1]), Number(m[2]));
    return { from: day(y, mo, d), to: addDays(y, mo, d, 7) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { from: day(y, mo, 1), to: day(y, mo + 1, 1) };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const y = Number(m[1]);
    const start = SEASON_START[hemisphere][m[2] as string] as number;
    return { from: day(y, start, 1), to: day(y, start + 3, 1) };
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    const y = Number(m[1]);
    return { from: day(y, 1, 1), to: day(y + 1, 1, 1) };
  }
  if ((m = /^(\d{3})X$/.exec(value))) {
    const y = Number(m[1]) * 10;
    return { from: day(y, 1, 1), to: day(y + 10, 1, 1) };
  }
  throw new Error(`not an AMAZON.DATE value the eval knows: ${value}`);
}

export type HolidayId =
  | 'CHRISTMAS'
  | 'CHRISTMAS_EVE'
  | 'NEW_YEARS_EVE'
  | 'NEW_YEARS_DAY'
  | 'EASTER'
  | 'THANKSGIVING'
  | 'HALLOWEEN'
  | 'VALENTINES_DAY'
  | 'MOTHERS_DAY';

/** Easter Sunday (anonymous Gregorian computus). */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

/** The n-th `weekday` (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
}

/** A holiday's capture-local range in one year. */
export function holidayRange(holiday: HolidayId, year: number): Range {
  switch (holiday) {
    case 'CHRISTMAS':
      return { from: day(year, 12, 24), to: day(year, 12, 27) };
    case 'CHRISTMAS_EVE':
      return { from: day(year, 12, 24), to: day(year, 12, 25) };
    case 'NEW_YEARS_EVE':
      return { from: day(year, 12, 31), to: day(year + 1, 1, 1).replace('T00:', 'T06:') };
    case 'NEW_YEARS_DAY':
      return { from: day(year, 1, 1), to: day(year, 1, 2) };
    case 'EASTER': {
      const [m, d] = easter(year);
      return { from: day(year, m, d), to: addDays(year, m, d, 1) };
    }
    case 'THANKSGIVING': {
      const d = nthWeekday(year, 11, 4, 4);
      return { from: day(year, 11, d), to: day(year, 11, d + 1) };
    }
    case 'HALLOWEEN':
      return { from: day(year, 10, 31), to: day(year, 11, 1) };
    case 'VALENTINES_DAY':
      return { from: day(year, 2, 14), to: day(year, 2, 15) };
    case 'MOTHERS_DAY': {
      const d = nthWeekday(year, 5, 0, 2);
      return { from: day(year, 5, d), to: day(year, 5, d + 1) };
    }
  }
}

export function inRange(local: string, range: Range): boolean {
  return local >= range.from && local < range.to;
}
