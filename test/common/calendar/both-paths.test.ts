import assert from 'node:assert/strict';
import {
  calendarDateIn,
  hemisphereOfCode,
  rangesOf,
  resolveAmazonDate,
  type HemisphereCode,
  type LocalRange,
  type ResolvedDate,
} from '../../../common/calendar';
import { resolveHoliday, type HolidaySlotId } from '../../../lambda/util/holidays';
import { parsePhotoText } from '../../../metadata-service/query-text/parse-photo-text';
import type { Understood } from '../../../metadata-service/query-text/types';
import { amazonDateOf } from '../../../tools/alexa-simulator/date-phrases';

/** A moment, the user's zone and hemisphere: the same "today" for both paths. */
interface Reference {
  name: string;
  instant: string;
  timeZone: string;
  hemisphere: HemisphereCode;
}

/** Wednesday 2 December 2026 at noon in New York (north) and in Sydney (south); the leap day 2028 in Berlin. */
const NEW_YORK: Reference = {
  name: 'Wed 2 Dec 2026, New York',
  instant: '2026-12-02T17:00:00Z',
  timeZone: 'America/New_York',
  hemisphere: 'N',
};
const SYDNEY: Reference = {
  name: 'Wed 2 Dec 2026, Sydney',
  instant: '2026-12-02T01:00:00Z',
  timeZone: 'Australia/Sydney',
  hemisphere: 'S',
};
const LEAP_DAY: Reference = {
  name: 'Tue 29 Feb 2028, Berlin',
  instant: '2028-02-29T11:00:00Z',
  timeZone: 'Europe/Berlin',
  hemisphere: 'N',
};

/** How the skill hears the phrase: a date slot (spoken words → AMAZON.DATE), and maybe a HOLIDAY slot id. */
interface Spoken {
  date?: string;
  holiday?: HolidaySlotId;
}

interface Case {
  phrase: string;
  spoken: Spoken;
  reference: Reference;
  /** [from, to) of each window, capture-local. */
  ranges: Array<[string, string]>;
  monthDays?: Array<{ month: number; day: number; plusMinusDays: number }>;
  /** A date still to come: the one offered instead, and its name. */
  previous?: { ranges: Array<[string, string]>; name: string };
}

const d = (date: string): string => (date.length === 10 ? `${date}T00:00:00` : date);

const CASES: Case[] = [
  {
    phrase: 'this weekend',
    spoken: { date: 'this weekend' },
    reference: NEW_YORK,
    ranges: [['2026-12-05', '2026-12-07']],
    previous: { ranges: [['2026-11-28', '2026-11-30']], name: 'last weekend' },
  },
  {
    phrase: 'this weekend',
    spoken: { date: 'this weekend' },
    reference: SYDNEY,
    ranges: [['2026-12-05', '2026-12-07']],
    previous: { ranges: [['2026-11-28', '2026-11-30']], name: 'last weekend' },
  },
  {
    phrase: 'last weekend',
    spoken: { date: 'last weekend' },
    reference: NEW_YORK,
    ranges: [['2026-11-28', '2026-11-30']],
  },
  {
    phrase: 'next weekend',
    spoken: { date: 'next weekend' },
    reference: SYDNEY,
    ranges: [['2026-12-12', '2026-12-14']],
    previous: { ranges: [['2026-11-28', '2026-11-30']], name: 'last weekend' },
  },
  {
    phrase: 'this week',
    spoken: { date: 'this week' },
    reference: NEW_YORK,
    ranges: [['2026-11-30', '2026-12-07']],
  },
  {
    phrase: 'last month',
    spoken: { date: 'last month' },
    reference: SYDNEY,
    ranges: [['2026-11-01', '2026-12-01']],
  },
  {
    phrase: 'last summer',
    spoken: { date: 'last summer' },
    reference: NEW_YORK,
    ranges: [['2026-06-01', '2026-09-01']],
  },
  // Southern summer 2026 began yesterday (1 December): the last one that is over is 2025's.
  {
    phrase: 'last summer',
    spoken: { date: 'last summer' },
    reference: SYDNEY,
    ranges: [['2025-12-01', '2026-03-01']],
  },
  {
    phrase: 'summer of twenty nineteen',
    spoken: { date: 'summer of twenty nineteen' },
    reference: NEW_YORK,
    ranges: [['2019-06-01', '2019-09-01']],
  },
  {
    phrase: 'summer 2019',
    spoken: { date: 'summer 2019' },
    reference: SYDNEY,
    ranges: [['2019-12-01', '2020-03-01']],
  },
  {
    phrase: 'twenty nineteen',
    spoken: { date: 'twenty nineteen' },
    reference: NEW_YORK,
    ranges: [['2019-01-01', '2020-01-01']],
  },
  {
    phrase: 'the 2010s',
    spoken: { date: 'the 2010s' },
    reference: SYDNEY,
    ranges: [['2010-01-01', '2020-01-01']],
  },
  {
    phrase: 'july fourth twenty twenty one',
    spoken: { date: 'july fourth twenty twenty one' },
    reference: NEW_YORK,
    ranges: [['2021-07-04', '2021-07-05']],
  },
  // Christmas is 24–26 December: Christmas Eve dinner is a Christmas photo.
  {
    phrase: 'christmas 2024',
    spoken: { holiday: 'CHRISTMAS', date: '2024' },
    reference: NEW_YORK,
    ranges: [['2024-12-24', '2024-12-27']],
  },
  {
    phrase: 'christmas twenty twenty four',
    spoken: { holiday: 'CHRISTMAS', date: 'twenty twenty four' },
    reference: SYDNEY,
    ranges: [['2024-12-24', '2024-12-27']],
  },
  // A holiday alone is its most recent occurrence on both paths.
  {
    phrase: 'christmas',
    spoken: { holiday: 'CHRISTMAS' },
    reference: SYDNEY,
    ranges: [['2025-12-24', '2025-12-27']],
  },
  {
    phrase: 'last christmas',
    spoken: { holiday: 'CHRISTMAS' },
    reference: NEW_YORK,
    ranges: [['2025-12-24', '2025-12-27']],
  },
  {
    phrase: 'christmas this year',
    spoken: { holiday: 'CHRISTMAS', date: 'this year' },
    reference: NEW_YORK,
    ranges: [['2026-12-24', '2026-12-27']],
    previous: { ranges: [['2025-12-24', '2025-12-27']], name: 'christmas 2025' },
  },
  // New Year's Eve runs into the small hours of 1 January.
  {
    phrase: "new year's eve 2025",
    spoken: { holiday: 'NEW_YEARS_EVE', date: '2025' },
    reference: SYDNEY,
    ranges: [['2025-12-31', '2026-01-01T06:00:00']],
  },
  {
    phrase: 'easter 2024',
    spoken: { holiday: 'EASTER', date: '2024' },
    reference: NEW_YORK,
    ranges: [['2024-03-31', '2024-04-01']],
  },
  {
    phrase: 'easter 2025',
    spoken: { holiday: 'EASTER', date: '2025' },
    reference: NEW_YORK,
    ranges: [['2025-04-20', '2025-04-21']],
  },
  {
    phrase: 'on this day',
    spoken: { holiday: 'ON_THIS_DAY' },
    reference: SYDNEY,
    ranges: [['1820-01-01', '2026-12-02']],
    monthDays: [{ month: 12, day: 2, plusMinusDays: 0 }],
  },
  {
    phrase: 'on this day in the 2010s',
    spoken: { holiday: 'ON_THIS_DAY', date: 'the 2010s' },
    reference: NEW_YORK,
    ranges: [['2010-01-01', '2020-01-01']],
    monthDays: [{ month: 12, day: 2, plusMinusDays: 0 }],
  },
  // A leap day's anniversary in common years is 28 February.
  {
    phrase: 'this day in history',
    spoken: { holiday: 'ON_THIS_DAY' },
    reference: LEAP_DAY,
    ranges: [['1820-01-01', '2028-02-29']],
    monthDays: [
      { month: 2, day: 29, plusMinusDays: 0 },
      { month: 2, day: 28, plusMinusDays: 0 },
    ],
  },
];

function skillReading(testCase: Case): ResolvedDate | undefined {
  const { reference, spoken } = testCase;
  const today = calendarDateIn(new Date(reference.instant), reference.timeZone);
  const hemisphere = hemisphereOfCode(reference.hemisphere);
  const locale = reference.hemisphere === 'S' ? 'en-AU' : 'en-US';
  // The simulator maps spoken words to the AMAZON.DATE value Alexa sends, on the user's calendar day.
  const noon = new Date(Date.UTC(today.year, today.month - 1, today.day, 12));
  const value = spoken.date === undefined ? undefined : amazonDateOf(spoken.date, noon, locale);
  if (spoken.date !== undefined) assert.ok(value, `no AMAZON.DATE for "${spoken.date}"`);
  const date = value === undefined ? undefined : resolveAmazonDate(value, { today, hemisphere });
  if (!spoken.holiday) return date;
  return resolveHoliday({ holiday: spoken.holiday, locale: 'en-US', today, every: false, within: date });
}

function freeTextReading(testCase: Case) {
  const { reference } = testCase;
  return parsePhotoText(testCase.phrase, {
    reference: new Date(reference.instant),
    timeZone: reference.timeZone,
    hemisphere: reference.hemisphere,
    vocabulary: { labels: [], people: [], albums: [], places: [] },
  });
}

const asPairs = (ranges: readonly LocalRange[]): Array<[string, string]> => ranges.map((r) => [r.from, r.to]);

describe('one calendar: the skill’s slots and free text read a phrase the same way', () => {
  for (const testCase of CASES) {
    const expected = testCase.ranges.map(([from, to]): [string, string] => [d(from), d(to)]);
    it(`"${testCase.phrase}" on ${testCase.reference.name} → ${expected.map((r) => r.join(' – ')).join(', ')}`, () => {
      const skill = skillReading(testCase);
      assert.ok(skill, 'the skill read it');
      assert.deepEqual(asPairs(rangesOf(skill)), expected, 'skill');
      assert.deepEqual(skill.monthDays, testCase.monthDays, 'skill month-days');

      const text = freeTextReading(testCase);
      const { query } = text;
      const textRanges =
        query.dateRanges && query.dateRanges.length > 0
          ? asPairs(query.dateRanges)
          : [[query.takenFrom ?? '', query.takenTo ?? ''] as [string, string]];
      assert.deepEqual(textRanges, expected, 'free text');
      assert.deepEqual(query.monthDays, testCase.monthDays, 'free-text month-days');

      const dateReading = text.understood.find(
        (u): u is Extract<Understood, { kind: 'date' }> => u.kind === 'date',
      );
      const previous = testCase.previous;
      if (!previous) {
        assert.equal(skill.future, undefined, 'skill: has begun');
        assert.equal(dateReading?.value.future, undefined, 'free text: has begun');
        return;
      }
      const offered = previous.ranges.map(([from, to]): [string, string] => [d(from), d(to)]);
      assert.ok(skill.future?.previous, 'skill: marked future');
      assert.deepEqual(asPairs(rangesOf(skill.future.previous)), offered, 'skill offers');
      assert.equal(skill.future.previous.name.toLowerCase(), previous.name);
      assert.ok(dateReading?.value.future?.previous, 'free text: marked future');
      assert.deepEqual(asPairs(dateReading.value.future.previous.ranges), offered, 'free text offers');
      assert.equal(dateReading.value.future.previous.text.toLowerCase(), previous.name);
    });
  }
});
