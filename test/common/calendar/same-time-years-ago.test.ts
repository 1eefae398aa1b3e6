import assert from 'node:assert/strict';
import {
  recentWindow,
  resolveAmazonDate,
  resolveOnThisDay,
  sameTimeYearsAgo,
  type CalendarDate,
} from '../../../common/calendar';

const TODAY: CalendarDate = { year: 2026, month: 12, day: 8 };
const amazon = (value: string, today = TODAY) => {
  const date = resolveAmazonDate(value, { today, hemisphere: 'northern' });
  assert.ok(date, value);
  return date;
};

describe('sameTimeYearsAgo: "this day" and "last year" said apart are one day', () => {
  it('today, or on this day, with an earlier year: that day in that year, whichever comes first', () => {
    for (const [a, b] of [
      [amazon('2026-12-08'), amazon('2025')],
      [amazon('2025'), amazon('2026-12-08')],
      [resolveOnThisDay({ today: TODAY }), amazon('2024')],
    ] as const) {
      const day = sameTimeYearsAgo(a, b, TODAY);
      assert.ok(day);
      assert.equal(day.phrase.kind, 'day');
    }
    const twoYears = sameTimeYearsAgo(resolveOnThisDay({ today: TODAY }), amazon('2024'), TODAY);
    assert.deepEqual(
      [twoYears?.takenFrom, twoYears?.takenTo],
      ['2024-12-08T00:00:00', '2024-12-09T00:00:00'],
    );
  });

  it('"this time" (on this day ±14) with a year: the days either side of the date in that year', () => {
    const around = sameTimeYearsAgo(
      resolveOnThisDay({ today: TODAY, plusMinusDays: 14 }),
      amazon('2025'),
      TODAY,
    );
    assert.deepEqual([around?.takenFrom, around?.takenTo], ['2025-11-24T00:00:00', '2025-12-23T00:00:00']);
    assert.deepEqual(around?.phrase, {
      kind: 'around-day',
      date: { year: 2025, month: 12, day: 8 },
      plusMinusDays: 14,
    });
  });

  it('a leap day years ago that had none is February 28th', () => {
    const leapDay = { year: 2028, month: 2, day: 29 };
    const day = sameTimeYearsAgo(amazon('2028-02-29', leapDay), amazon('2027', leapDay), leapDay);
    assert.deepEqual([day?.takenFrom, day?.takenTo], ['2027-02-28T00:00:00', '2027-03-01T00:00:00']);
  });

  it('any other pair is two constraints: this year, another day, a month, a rolling window', () => {
    assert.equal(sameTimeYearsAgo(amazon('2026-12-08'), amazon('2026'), TODAY), undefined);
    assert.equal(sameTimeYearsAgo(amazon('2026-12-07'), amazon('2025'), TODAY), undefined);
    assert.equal(sameTimeYearsAgo(amazon('2026-12-08'), amazon('2025-12'), TODAY), undefined);
    assert.equal(sameTimeYearsAgo(recentWindow(2, 'week', TODAY), amazon('2025'), TODAY), undefined);
  });
});

describe('recentWindow: the past units up to the end of today', () => {
  it('counts whole days, weeks, months and years back from today, today included', () => {
    const twoWeeks = recentWindow(2, 'week', TODAY);
    assert.deepEqual([twoWeeks.takenFrom, twoWeeks.takenTo], ['2026-11-24T00:00:00', '2026-12-09T00:00:00']);
    const month = recentWindow(1, 'month', { year: 2026, month: 3, day: 31 });
    assert.deepEqual([month.takenFrom, month.takenTo], ['2026-02-28T00:00:00', '2026-04-01T00:00:00']);
    assert.deepEqual(recentWindow(3, 'day', TODAY).phrase, { kind: 'recent', count: 3, unit: 'day' });
  });
});
