import assert from 'node:assert/strict';
import {
  calendarDateIn,
  resolveAmazonDate,
  type DateContext,
  type Hemisphere,
  type LocalRange,
} from '../../../common/calendar';

/** Wednesday 25 November 2026. */
const TODAY = { year: 2026, month: 11, day: 25 };
const north: DateContext = { today: TODAY, hemisphere: 'northern' };
const south: DateContext = { today: TODAY, hemisphere: 'southern' };

const t = (date: string): string => `${date}T00:00:00`;

/** value, hemisphere, expected [start, end), why. */
const SINGLE_WINDOW: Array<[string, Hemisphere, string, string, string]> = [
  ['2026-07-14', 'northern', '2026-07-14', '2026-07-15', 'day'],
  ['2024-02-29', 'northern', '2024-02-29', '2024-03-01', 'leap day'],
  ['2026-11-25', 'northern', '2026-11-25', '2026-11-26', 'today by date'],
  ['PRESENT_REF', 'northern', '2026-11-25', '2026-11-26', 'right now'],
  ['2026-W28', 'northern', '2026-07-06', '2026-07-13', 'ISO week: Monday to Monday'],
  ['2026-W01', 'northern', '2025-12-29', '2026-01-05', 'ISO week 1 starts in the previous December'],
  ['2026-W48', 'northern', '2026-11-23', '2026-11-30', 'the current week has started: stays'],
  ['2026-W28-WE', 'northern', '2026-07-11', '2026-07-13', 'weekend: Saturday 00:00 to Monday 00:00'],
  ['2026-07', 'northern', '2026-07-01', '2026-08-01', 'month'],
  ['2025-12', 'northern', '2025-12-01', '2026-01-01', 'December ends at New Year'],
  ['2025-07-XX', 'northern', '2025-07-01', '2025-08-01', 'non-English month'],
  ['2025', 'northern', '2025-01-01', '2026-01-01', 'year'],
  ['2025-XX-XX', 'northern', '2025-01-01', '2026-01-01', 'non-English year'],
  ['2026-SP', 'northern', '2026-03-01', '2026-06-01', 'northern spring'],
  ['2026-SU', 'northern', '2026-06-01', '2026-09-01', 'northern summer'],
  ['2026-FA', 'northern', '2026-09-01', '2026-12-01', 'northern fall'],
  ['2024-WI', 'northern', '2024-12-01', '2025-03-01', 'northern winter runs into the next year'],
  ['2024-WI', 'southern', '2024-06-01', '2024-09-01', 'southern winter'],
  ['2026-SP', 'southern', '2026-09-01', '2026-12-01', 'southern spring'],
  ['2026-FA', 'southern', '2026-03-01', '2026-06-01', 'southern autumn'],
  ['2025-SU', 'southern', '2025-12-01', '2026-03-01', 'southern summer runs into the next year'],
  ['2019-Q1', 'northern', '2019-01-01', '2019-04-01', 'quarter'],
  ['2026-Q4', 'northern', '2026-10-01', '2027-01-01', 'the current quarter has started: stays'],
  ['201X', 'northern', '2010-01-01', '2020-01-01', 'decade'],
  ['202X', 'northern', '2020-01-01', '2030-01-01', 'the current decade'],
  ['2026-W47-WE', 'northern', '2026-11-21', '2026-11-23', 'last weekend: Saturday to Monday'],
];

/**
 * Entirely still to come (Alexa resolves forward): kept as asked, marked future, with the most recent occurrence
 * that has begun and its name. value, hemisphere, asked [start, end), offered [start, end), offered name.
 */
const FUTURE: Array<[string, Hemisphere, string, string, string, string, string]> = [
  ['2027-07', 'northern', '2027-07-01', '2027-08-01', '2026-07-01', '2026-08-01', 'July 2026'],
  ['2026-12-24', 'northern', '2026-12-24', '2026-12-25', '2025-12-24', '2025-12-25', 'December 24, 2025'],
  ['2028-02-29', 'northern', '2028-02-29', '2028-03-01', '2026-02-28', '2026-03-01', 'February 28, 2026'],
  ['2026-WI', 'northern', '2026-12-01', '2027-03-01', '2025-12-01', '2026-03-01', 'winter 2025'],
  ['2026-SU', 'southern', '2026-12-01', '2027-03-01', '2025-12-01', '2026-03-01', 'summer 2025'],
  [
    '2027-Q1',
    'northern',
    '2027-01-01',
    '2027-04-01',
    '2026-01-01',
    '2026-04-01',
    'the first quarter of 2026',
  ],
  [
    '2027-W10',
    'northern',
    '2027-03-08',
    '2027-03-15',
    '2026-03-02',
    '2026-03-09',
    'the week of March 2, 2026',
  ],
  [
    '2026-W53',
    'northern',
    '2026-12-28',
    '2027-01-04',
    '2025-12-22',
    '2025-12-29',
    'the week of December 22, 2025',
  ],
  ['2026-W49', 'northern', '2026-11-30', '2026-12-07', '2026-11-23', '2026-11-30', 'this week'],
  ['2026-W48-WE', 'northern', '2026-11-28', '2026-11-30', '2026-11-21', '2026-11-23', 'last weekend'],
  ['2026-W49-WE', 'northern', '2026-12-05', '2026-12-07', '2026-11-21', '2026-11-23', 'last weekend'],
];

describe('resolveAmazonDate (AMAZON.DATE → capture-local [start, end))', () => {
  for (const [value, hemisphere, from, to, why] of SINGLE_WINDOW) {
    it(`${value} (${hemisphere}) → [${from}, ${to}): ${why}`, () => {
      const resolved = resolveAmazonDate(value, { today: TODAY, hemisphere });
      assert.ok(resolved, value);
      assert.deepEqual([resolved.takenFrom, resolved.takenTo, resolved.dateRanges], [t(from), t(to), []]);
      assert.equal(resolved.future, undefined, 'has begun');
    });
  }

  for (const [value, hemisphere, from, to, previousFrom, previousTo, name] of FUTURE) {
    it(`${value} (${hemisphere}) is still to come: kept, offering ${name}`, () => {
      const resolved = resolveAmazonDate(value, { today: TODAY, hemisphere });
      assert.ok(resolved?.future?.previous, value);
      assert.deepEqual([resolved.takenFrom, resolved.takenTo], [t(from), t(to)]);
      const { previous } = resolved.future;
      assert.deepEqual(
        [previous.takenFrom, previous.takenTo, previous.name],
        [t(previousFrom), t(previousTo), name],
      );
    });
  }

  it('a year or decade still to come is marked future with nothing to offer', () => {
    assert.deepEqual(resolveAmazonDate('2027', north)?.future, {});
    assert.deepEqual(resolveAmazonDate('203X', north)?.future, {});
  });

  it('"this weekend" asked on Wednesday 2 December 2026 (2026-W49-WE) offers last weekend by name', () => {
    const wednesday: DateContext = { today: { year: 2026, month: 12, day: 2 }, hemisphere: 'northern' };
    const resolved = resolveAmazonDate('2026-W49-WE', wednesday);
    assert.deepEqual([resolved?.takenFrom, resolved?.takenTo], [t('2026-12-05'), t('2026-12-07')]);
    assert.deepEqual(resolved?.future?.previous?.name, 'last weekend');
    assert.deepEqual(
      [resolved?.future?.previous?.takenFrom, resolved?.future?.previous?.takenTo],
      [t('2026-11-28'), t('2026-11-30')],
    );
    assert.deepEqual(resolved?.future?.previous?.phrase, {
      kind: 'weekend',
      saturday: { year: 2026, month: 11, day: 28 },
    });
  });

  const every = (value: string, context: DateContext): LocalRange[] => {
    const resolved = resolveAmazonDate(value, context);
    assert.ok(resolved, value);
    assert.equal(resolved.takenFrom, resolved.dateRanges[0]?.from);
    assert.equal(resolved.takenTo, resolved.dateRanges[resolved.dateRanges.length - 1]?.to);
    return resolved.dateRanges;
  };

  it('XXXX-07-04 → one window per year, the last 20 that have started (2007–2026)', () => {
    const ranges = every('XXXX-07-04', north);
    assert.equal(ranges.length, 20);
    assert.deepEqual(ranges[0], { from: t('2007-07-04'), to: t('2007-07-05') });
    assert.deepEqual(ranges[19], { from: t('2026-07-04'), to: t('2026-07-05') });
  });

  it('XXXX-12-25 in November → 2006–2025 (this year’s has not happened)', () => {
    const ranges = every('XXXX-12-25', north);
    assert.deepEqual(
      [ranges.length, ranges[0]?.from, ranges[19]?.from],
      [20, t('2006-12-25'), t('2025-12-25')],
    );
  });

  it('XXXX-02-29 → only leap years, still 20 of them', () => {
    const ranges = every('XXXX-02-29', north);
    assert.equal(ranges.length, 20);
    assert.deepEqual([ranges[0]?.from, ranges[19]?.from], [t('1948-02-29'), t('2024-02-29')]);
  });

  it('XXXX-07 and XXXX-WI (northern) and XXXX-SU (southern) → every month / season', () => {
    const julys = every('XXXX-07', north);
    assert.deepEqual([julys[0], julys.length], [{ from: t('2007-07-01'), to: t('2007-08-01') }, 20]);
    const winters = every('XXXX-WI', north);
    assert.deepEqual(winters[19], { from: t('2025-12-01'), to: t('2026-03-01') });
    const southernSummers = every('XXXX-SU', south);
    assert.deepEqual(southernSummers[19], { from: t('2025-12-01'), to: t('2026-03-01') });
    const southernWinters = every('XXXX-WI', south);
    assert.deepEqual(southernWinters[19], { from: t('2026-06-01'), to: t('2026-09-01') });
  });

  it('returns the phrase to say back: the asked one, and the offered one for a future date', () => {
    assert.deepEqual(resolveAmazonDate('2027-07', north)?.phrase, { kind: 'month', year: 2027, month: 7 });
    assert.deepEqual(resolveAmazonDate('2027-07', north)?.future?.previous?.phrase, {
      kind: 'month',
      year: 2026,
      month: 7,
    });
    assert.deepEqual(resolveAmazonDate('2026-SU', south)?.future?.previous?.phrase, {
      kind: 'season',
      season: 'summer',
      year: 2025,
    });
    assert.deepEqual(resolveAmazonDate('XXXX-07-04', north)?.phrase, { kind: 'every-day', month: 7, day: 4 });
    assert.deepEqual(resolveAmazonDate('2026-W48-WE', north)?.phrase, {
      kind: 'weekend',
      saturday: { year: 2026, month: 11, day: 28 },
    });
  });

  for (const value of [
    '',
    'tomorrow',
    '2026-13',
    '2026-02-30',
    '2026-W54',
    '2026-Q5',
    'XXXX-02-30',
    'XXXX-13',
  ]) {
    it(`rejects "${value}"`, () => assert.equal(resolveAmazonDate(value, north), undefined));
  }
});

describe('the user’s today comes from their time zone', () => {
  // 03:00 UTC on 25 November is still the 24th in Los Angeles and already the 25th in Sydney.
  const now = new Date('2026-11-25T03:00:00Z');
  const cases: Array<[string, string, string, string]> = [
    ['UTC', 'PRESENT_REF', '2026-11-25', '2026-11-26'],
    ['America/Los_Angeles', 'PRESENT_REF', '2026-11-24', '2026-11-25'],
    ['Australia/Sydney', 'PRESENT_REF', '2026-11-25', '2026-11-26'],
  ];
  for (const [zone, value, from, to] of cases) {
    it(`${value} in ${zone} → [${from}, ${to})`, () => {
      const today = calendarDateIn(now, zone);
      const resolved = resolveAmazonDate(value, { today, hemisphere: 'northern' });
      assert.deepEqual([resolved?.takenFrom, resolved?.takenTo], [t(from), t(to)]);
    });
  }

  it('"november twenty-fifth" has begun in UTC but is still to come in Los Angeles', () => {
    const utc = resolveAmazonDate('2026-11-25', {
      today: calendarDateIn(now, 'UTC'),
      hemisphere: 'northern',
    });
    assert.equal(utc?.future, undefined);
    const la = resolveAmazonDate('2026-11-25', {
      today: calendarDateIn(now, 'America/Los_Angeles'),
      hemisphere: 'northern',
    });
    assert.equal(la?.future?.previous?.takenFrom, t('2025-11-25'));
  });

  it('rejects an unknown zone with INVALID_TIME_ZONE', () => {
    assert.throws(() => calendarDateIn(now, 'Mars/Olympus_Mons'), /Unknown time zone/);
  });

  it('crosses midnight into the next day east of UTC', () => {
    assert.deepEqual(calendarDateIn(new Date('2026-11-25T14:00:00Z'), 'Australia/Sydney'), {
      year: 2026,
      month: 11,
      day: 26,
    });
  });
});
