import assert from 'node:assert/strict';
import { monthPeriod, resolvePeriod, type ResolvedDate } from '../../../common/calendar';
import { anyOf, earlierHolidays, occurrenceAt, YEARS_BACK } from '../../../lambda/util/earlier-holidays';

const easter2026: ResolvedDate = {
  takenFrom: '2026-04-05T00:00:00',
  takenTo: '2026-04-07T00:00:00',
  dateRanges: [],
  phrase: { kind: 'holiday', holiday: 'EASTER', year: 2026 },
};

describe('earlierHolidays: the occurrences before the one asked', () => {
  it('gives each earlier year of the holiday on its own date, most recent first', () => {
    const earlier = earlierHolidays(easter2026, 'de-DE');
    assert.equal(earlier.length, YEARS_BACK);
    // Easter moves: 20 April 2025, 31 March 2024.
    assert.deepEqual(
      earlier.slice(0, 2).map((e) => [e.takenFrom, e.phrase]),
      [
        ['2025-04-20T00:00:00', { kind: 'holiday', holiday: 'EASTER', year: 2025 }],
        ['2024-03-31T00:00:00', { kind: 'holiday', holiday: 'EASTER', year: 2024 }],
      ],
    );
  });

  it('makes them one date to search, and finds the occurrence a photo was taken in', () => {
    const earlier = earlierHolidays(easter2026, 'de-DE');
    const all = anyOf(earlier);
    assert.equal(all?.dateRanges.length, YEARS_BACK);
    assert.deepEqual(all?.dateRanges[0]?.from, '2016-03-27T00:00:00', 'oldest first, as ranges are');
    assert.equal(occurrenceAt(earlier, '2024-03-31T15:00:00')?.phrase.kind, 'holiday');
    assert.equal(occurrenceAt(earlier, '2024-04-15T15:00:00'), undefined);
  });

  it('gives nothing for a date that is no holiday', () => {
    assert.deepEqual(
      earlierHolidays(resolvePeriod(monthPeriod(2026, 2), { year: 2026, month: 12, day: 8 }), 'en-US'),
      [],
    );
    assert.deepEqual(earlierHolidays(undefined, 'en-US'), []);
  });
});
