import {
  addDays,
  addMonths,
  dateOfLocal,
  formatIsoDate,
  monthName,
  type LocalRange,
} from '../../common/calendar';

/** A short human reading of a range: "2019", "2019–2021", "July 2019", "2019-07-04", else "from – to". */
export function describeRange(range: LocalRange): string {
  const from = range.from.endsWith('T00:00:00') ? dateOfLocal(range.from) : undefined;
  const to = range.to.endsWith('T00:00:00') ? dateOfLocal(range.to) : undefined;
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
  if (formatIsoDate(lastDay) === formatIsoDate(from)) return formatIsoDate(from);
  return `${formatIsoDate(from)} – ${formatIsoDate(lastDay)}`;
}
