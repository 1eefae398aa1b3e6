import { addDays, addMonths, isoDay, monthName, type CalendarDay } from './calendar';
import type { LocalRange } from './types';

function dayOf(localDateTime: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T00:00:00$/.exec(localDateTime);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

/** A short human reading of a range: "2019", "2019–2021", "July 2019", "2019-07-04", else "from – to". */
export function describeRange(range: LocalRange): string {
  const from = dayOf(range.from);
  const to = dayOf(range.to);
  if (!from || !to) return `${range.from} – ${range.to}`;
  if (from.month === 1 && from.day === 1 && to.month === 1 && to.day === 1) {
    return to.year - from.year === 1 ? String(from.year) : `${from.year}–${to.year - 1}`;
  }
  if (from.day === 1 && to.day === 1) {
    const lastMonth = addMonths(to, -1);
    const first = `${monthName(from.month)} ${from.year}`;
    if (lastMonth.year === from.year && lastMonth.month === from.month) return first;
    return `${first} – ${monthName(lastMonth.month)} ${lastMonth.year}`;
  }
  const lastDay = addDays(to, -1);
  if (isoDay(lastDay) === isoDay(from)) return isoDay(from);
  return `${isoDay(from)} – ${isoDay(lastDay)}`;
}
