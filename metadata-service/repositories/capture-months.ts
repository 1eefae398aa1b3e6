import { sql } from 'kysely';

/** Capture months as search_key_months keys them: `YYYY-MM` of the capture-local time, '' for undated photos. */

/** monthOf in SQL, over a capture-time column: how every count and member list is keyed by month. */
export function monthOfColumn(column = 'taken_local') {
  return sql.raw<string>(`coalesce(substr(${column}, 1, 7), '')`);
}

export function monthOf(takenLocal: string | null): string {
  return takenLocal === null ? '' : takenLocal.slice(0, 7);
}

/** Rows captured in one `YYYY-MM` month, or the undated ones for '': a range of any capture-time index. */
export function monthSlice(month: string) {
  if (month === '') return sql<boolean>`taken_local is null`;
  const from = `${month}-01T00:00:00`;
  return sql<boolean>`taken_local >= ${from} and taken_local < ${nextMonthStart(month)}`;
}

export function nextMonthStart(month: string): string {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  const next = monthNumber === 12 ? { y: year + 1, m: 1 } : { y: year, m: monthNumber + 1 };
  return `${String(next.y).padStart(4, '0')}-${String(next.m).padStart(2, '0')}-01T00:00:00`;
}
