import assert from 'node:assert/strict';
import { englishNameOf, phraseOfRange, phraseOfRanges } from '../../../common/calendar';

const at = (date: string) => `${date}T00:00:00`;

describe('phraseOfRange: a window said back by its name', () => {
  it('names a day, a week, a weekend, a month, a season, a year and a decade', () => {
    assert.deepEqual(phraseOfRange(at('2025-07-04'), at('2025-07-05'), 'northern'), {
      kind: 'day',
      date: { year: 2025, month: 7, day: 4 },
    });
    assert.deepEqual(phraseOfRange(at('2025-06-30'), at('2025-07-07'), 'northern'), {
      kind: 'week',
      monday: { year: 2025, month: 6, day: 30 },
    });
    assert.deepEqual(phraseOfRange(at('2025-07-05'), at('2025-07-07'), 'northern'), {
      kind: 'weekend',
      saturday: { year: 2025, month: 7, day: 5 },
    });
    assert.deepEqual(phraseOfRange(at('2025-07-01'), at('2025-08-01'), 'northern'), {
      kind: 'month',
      year: 2025,
      month: 7,
    });
    // Northern winter 2024 runs into 2025; in the south the same months are summer.
    assert.deepEqual(phraseOfRange(at('2024-12-01'), at('2025-03-01'), 'northern'), {
      kind: 'season',
      season: 'winter',
      year: 2024,
    });
    assert.deepEqual(phraseOfRange(at('2024-12-01'), at('2025-03-01'), 'southern'), {
      kind: 'season',
      season: 'summer',
      year: 2024,
    });
    assert.deepEqual(phraseOfRange(at('2024-01-01'), at('2025-01-01'), 'northern'), {
      kind: 'year',
      year: 2024,
    });
    assert.deepEqual(phraseOfRange(at('1990-01-01'), at('2000-01-01'), 'northern'), {
      kind: 'decade',
      firstYear: 1990,
    });
  });

  it('says any other window between midnights by its ends, in whole years, else months, else days', () => {
    const span = (from: string, to: string) => {
      const phrase = phraseOfRange(at(from), at(to), 'northern');
      return phrase?.kind === 'span'
        ? `${phrase.unit} ${englishNameOf(phrase, { year: 2026, month: 12, day: 8 })}`
        : phrase?.kind;
    };
    assert.equal(span('2018-01-01', '2021-01-01'), 'year 2018 to 2020');
    assert.equal(span('2025-06-01', '2025-08-01'), 'month June to July 2025');
    assert.equal(span('2025-11-01', '2026-03-01'), 'month November 2025 to February 2026');
    assert.equal(span('2026-06-03', '2026-06-11'), 'day June 3 to June 10, 2026');
    assert.equal(span('2025-12-28', '2026-01-03'), 'day December 28, 2025 to January 2, 2026');
    // Calendar names stay first: a season, a decade.
    assert.equal(span('2025-06-01', '2025-09-01'), 'season');
    assert.equal(span('2010-01-01', '2020-01-01'), 'decade');
    // Hours that are no part of a day have no name.
    assert.equal(phraseOfRange('2026-06-03T10:00:00', '2026-06-05T00:00:00', 'northern'), undefined);
  });

  it('names a holiday by its window in its year, and a lone day as the day', () => {
    assert.deepEqual(phraseOfRange(at('2024-12-24'), at('2024-12-27'), 'northern'), {
      kind: 'holiday',
      holiday: 'CHRISTMAS',
      year: 2024,
    });
    // New Year's Eve runs into the small hours: a window that does not end at midnight still has its name.
    assert.deepEqual(phraseOfRange(at('2024-12-31'), '2025-01-01T06:00:00', 'northern'), {
      kind: 'holiday',
      holiday: 'NEW_YEARS_EVE',
      year: 2024,
    });
    assert.deepEqual(phraseOfRange(at('2024-12-24'), at('2024-12-25'), 'northern'), {
      kind: 'day',
      date: { year: 2024, month: 12, day: 24 },
    });
    // German Father's Day is Ascension: its window is named only where it is celebrated so.
    assert.deepEqual(phraseOfRange(at('2025-05-29'), at('2025-05-30'), 'northern', 'de-DE'), {
      kind: 'day',
      date: { year: 2025, month: 5, day: 29 },
    });
    assert.deepEqual(phraseOfRange(at('2025-04-20'), at('2025-04-22'), 'northern', 'de-DE'), {
      kind: 'holiday',
      holiday: 'EASTER',
      year: 2025,
    });
    // Elsewhere the same two days are only two days, said by their ends.
    assert.deepEqual(phraseOfRange(at('2025-04-20'), at('2025-04-22'), 'northern'), {
      kind: 'span',
      unit: 'day',
      first: { year: 2025, month: 4, day: 20 },
      last: { year: 2025, month: 4, day: 21 },
    });
    assert.deepEqual(
      phraseOfRanges(
        [
          { from: at('2023-12-24'), to: at('2023-12-27') },
          { from: at('2024-12-24'), to: at('2024-12-27') },
        ],
        'northern',
      ),
      { kind: 'every-holiday', holiday: 'CHRISTMAS' },
    );
  });

  it('names a part of a day by its hours, a night running to 05:00 the next morning', () => {
    assert.deepEqual(phraseOfRange('2026-12-06T18:00:00', '2026-12-07T05:00:00', 'northern'), {
      kind: 'part-of-day',
      date: { year: 2026, month: 12, day: 6 },
      part: 'night',
    });
    assert.deepEqual(phraseOfRange('2026-12-07T05:00:00', '2026-12-07T12:00:00', 'northern'), {
      kind: 'part-of-day',
      date: { year: 2026, month: 12, day: 7 },
      part: 'morning',
    });
    assert.equal(
      englishNameOf(
        { kind: 'part-of-day', date: { year: 2026, month: 12, day: 6 }, part: 'night' },
        { year: 2026, month: 12, day: 7 },
      ),
      'last night',
    );
    // Other hours have no name.
    assert.equal(phraseOfRange('2026-12-06T17:00:00', '2026-12-06T23:00:00', 'northern'), undefined);
  });

  it('has no name for a window that does not start and end at midnight, nor for what is no window', () => {
    for (const [from, to] of [
      [at('2025-06-01'), at('2025-09-01')].map((d) => d.replace('T00', 'T10')),
      ['2025-07', '2025-08'],
      [at('2025-07-05'), at('2025-07-02')],
    ] as [string, string][]) {
      assert.equal(phraseOfRange(from, to, 'northern'), undefined, `${from} – ${to}`);
    }
    // Windows that were nameless before spans are said by their ends.
    for (const [from, to] of [
      [at('2025-07-02'), at('2025-07-05')],
      [at('2025-07-01'), at('2025-09-01')],
      [at('2024-01-01'), at('2026-01-01')],
      [at('1991-01-01'), at('2001-01-01')],
    ] as [string, string][]) {
      assert.equal(phraseOfRange(from, to, 'northern')?.kind, 'span', `${from} – ${to}`);
    }
  });

  it('says several windows as "every summer" only when each is the same season', () => {
    const summers = [
      { from: at('2024-06-01'), to: at('2024-09-01') },
      { from: at('2025-06-01'), to: at('2025-09-01') },
    ];
    assert.deepEqual(phraseOfRanges(summers, 'northern'), { kind: 'every-season', season: 'summer' });
    const mixed = [...summers, { from: at('2025-12-01'), to: at('2026-03-01') }];
    assert.equal(phraseOfRanges(mixed, 'northern'), undefined);
    assert.equal(phraseOfRanges([{ from: at('2024-12-20'), to: at('2024-12-27') }], 'northern'), undefined);
  });

  describe('given today, windows counted back from it', () => {
    const today = { year: 2026, month: 12, day: 8 };
    const phrase = (from: string, to: string) => phraseOfRange(at(from), at(to), 'northern', 'en-US', today);

    it('names the past days, weeks, months and years up to the end of today, in the coarsest unit', () => {
      assert.deepEqual(phrase('2026-11-24', '2026-12-09'), { kind: 'recent', count: 2, unit: 'week' });
      assert.deepEqual(phrase('2026-11-08', '2026-12-09'), { kind: 'recent', count: 1, unit: 'month' });
      assert.deepEqual(phrase('2026-12-05', '2026-12-09'), { kind: 'recent', count: 3, unit: 'day' });
      assert.deepEqual(phrase('2025-12-08', '2026-12-09'), { kind: 'recent', count: 1, unit: 'year' });
      assert.equal(englishNameOf({ kind: 'recent', count: 2, unit: 'week' }, today), 'the past 2 weeks');
      assert.equal(englishNameOf({ kind: 'recent', count: 1, unit: 'month' }, today), 'the past month');
    });

    it('a window that does not end with today, or does not start a whole unit back, has no such name', () => {
      assert.equal(phrase('2026-11-24', '2026-12-08')?.kind, 'span');
      assert.equal(phraseOfRange(at('2026-11-24'), at('2026-12-09'), 'northern')?.kind, 'span');
      assert.deepEqual(phrase('2026-11-23', '2026-12-09'), { kind: 'recent', count: 15, unit: 'day' });
    });

    it('a calendar name wins: this week asked on a Sunday is the week, this month on its last day the month', () => {
      const sunday = { year: 2026, month: 12, day: 13 };
      assert.deepEqual(phraseOfRange(at('2026-12-07'), at('2026-12-14'), 'northern', 'en-US', sunday), {
        kind: 'week',
        monday: { year: 2026, month: 12, day: 7 },
      });
      const lastDay = { year: 2026, month: 12, day: 31 };
      assert.deepEqual(phraseOfRange(at('2026-12-01'), at('2027-01-01'), 'northern', 'en-US', lastDay), {
        kind: 'month',
        year: 2026,
        month: 12,
      });
    });

    it('names the days either side of today\'s date in an earlier year ("this time last year")', () => {
      assert.deepEqual(phrase('2025-11-24', '2025-12-23'), {
        kind: 'around-day',
        date: { year: 2025, month: 12, day: 8 },
        plusMinusDays: 14,
      });
      assert.equal(
        englishNameOf(
          { kind: 'around-day', date: { year: 2025, month: 12, day: 8 }, plusMinusDays: 14 },
          today,
        ),
        'around December 8, 2025',
      );
      // Centred on another date, or in this year: no such name, only the window's ends.
      assert.equal(phrase('2025-11-25', '2025-12-24')?.kind, 'span');
      assert.equal(phrase('2026-11-24', '2026-12-23')?.kind, 'span');
    });
  });
});
