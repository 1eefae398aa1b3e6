import * as chrono from 'chrono-node';
import {
  addDays,
  addMonths,
  addYears,
  dayPeriod,
  dayRange,
  monthPeriod,
  resolvePeriod,
  yearPeriod,
  type CalendarDate as CalendarDay,
  type FutureDate,
  type Period,
} from '../../common/calendar';
import type { DateContext } from './date-context';
import type { DateFinding } from './date-expressions';
import { describeRange } from './describe-range';
import type { Token } from './tokens';

/** A date chrono-node found, over which words of the text. */
export interface ChronoFinding {
  first: number;
  last: number;
  finding: DateFinding;
}

type Granularity = 'year' | 'month' | 'day';

/** Spoken abbreviations chrono reads as weekdays ("sun" in "sun photos", "sat", "wed"): never a date here. */
const AMBIGUOUS = new Set(['sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat']);

function granularityOf(components: chrono.ParsedComponents): Granularity | undefined {
  if (components.isCertain('day') || components.isCertain('weekday')) return 'day';
  if (components.isCertain('month')) return 'month';
  if (components.isCertain('year')) return 'year';
  return undefined;
}

/** The first day of the period the components name; implied values (the year of "july") fill the gaps. */
function periodStart(components: chrono.ParsedComponents, granularity: Granularity): CalendarDay {
  const year = components.get('year') ?? 0;
  const month = granularity === 'year' ? 1 : (components.get('month') ?? 1);
  const day = granularity === 'day' ? (components.get('day') ?? 1) : 1;
  return { year, month, day };
}

function periodEnd(start: CalendarDay, granularity: Granularity): CalendarDay {
  if (granularity === 'year') return addYears(start, 1);
  if (granularity === 'month') return addMonths(start, 1);
  return addDays(start, 1);
}

/**
 * "between march and may" reads to chrono as two dates; "from march to may" is one range. Same length, so
 * chrono's indexes still point into the original text.
 */
function asChronoRange(text: string): string {
  return text.replace(/\bbetween(\s.{1,40}?\s)and\b/gi, (_match, middle: string) => `from   ${middle}to `);
}

/**
 * Ordinary dates and ranges ("july 2019", "from june to august 2024", "march 3rd", "last month") read by chrono-node
 * on the words no earlier parser took. Chrono sees the user's wall clock as if it were UTC (offset 0), so its
 * components are the user's local calendar whatever zone the server runs in.
 */
export function findChronoDates(
  text: string,
  tokens: readonly Token[],
  context: DateContext,
): ChronoFinding[] {
  const reference = { instant: new Date(`${context.now}Z`), timezone: 0 };
  const findings: ChronoFinding[] = [];
  for (const result of chrono.parse(asChronoRange(text), reference, { forwardDate: false })) {
    const start = result.index;
    const end = result.index + result.text.length;
    const covered = tokens.flatMap((token, index) => (token.start < end && token.end > start ? [index] : []));
    const first = covered[0];
    const last = covered[covered.length - 1];
    if (first === undefined || last === undefined) continue;
    if (covered.some((index) => tokens[index]?.used)) continue;
    if (covered.length === 1 && AMBIGUOUS.has(tokens[first]?.norm ?? '')) continue;

    const startGranularity = granularityOf(result.start);
    if (!startGranularity) continue;
    let from = periodStart(result.start, startGranularity);
    let to = periodEnd(from, startGranularity);
    if (result.end) {
      const endGranularity = granularityOf(result.end);
      if (endGranularity) to = periodEnd(periodStart(result.end, endGranularity), endGranularity);
    }
    // Photos are of the past: "july" said in March is last July, "friday" the one that has been.
    if (!result.start.isCertain('year') && dayRange(from, to).from > context.todayStart) {
      if (result.start.isCertain('month')) {
        from = addYears(from, -1);
        to = addYears(to, -1);
      } else if (startGranularity === 'day') {
        from = addDays(from, -7);
        to = addDays(to, -7);
      }
    }
    const range = dayRange(from, to);
    if (range.from >= range.to) continue;
    const future = futureOf(from, to, startGranularity, context);
    findings.push({
      first,
      last,
      finding: {
        type: 'ranges',
        description: describeRange(range),
        ranges: [range],
        ...(future ? { future } : {}),
      },
    });
  }
  return findings;
}

/**
 * A date with its year said ("december 25 2026" on 2 December 2026) that has not begun: kept as asked, marked future,
 * with the same day, month or year before it that has begun when it is one of those.
 */
function futureOf(
  from: CalendarDay,
  to: CalendarDay,
  granularity: Granularity,
  context: DateContext,
): FutureDate | undefined {
  const single: Period = { from, to, phrase: { kind: 'day', date: from } };
  const periods: Record<Granularity, Period | undefined> = {
    day: dayPeriod(from),
    month: from.day === 1 ? monthPeriod(from.year, from.month) : undefined,
    year: from.month === 1 && from.day === 1 ? yearPeriod(from.year) : undefined,
  };
  const asked = periods[granularity];
  const matches = asked && dayRange(asked.from, asked.to).to === dayRange(from, to).to;
  return resolvePeriod(matches ? asked : single, context.today).future;
}
