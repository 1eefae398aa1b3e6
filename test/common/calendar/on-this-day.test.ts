import assert from 'node:assert/strict';
import { onThisDayWindows, resolveOnThisDay, resolveYearsAgo } from '../../../common/calendar';

const t = (date: string): string => `${date}T00:00:00`;

describe('on this day', () => {
  it('is today’s month-day, ±N days, in the years before this one', () => {
    const today = { year: 2026, month: 12, day: 2 };
    const plain = resolveOnThisDay({ today });
    assert.deepEqual(plain.monthDays, [{ month: 12, day: 2, plusMinusDays: 0 }]);
    assert.deepEqual(
      [plain.takenFrom, plain.takenTo, plain.future],
      ['1820-01-01T00:00:00', t('2026-12-02'), undefined],
    );
    // This year's window starts three days back: the last few days are not history yet.
    const week = resolveOnThisDay({ today, plusMinusDays: 3 });
    assert.deepEqual(week.monthDays, [{ month: 12, day: 2, plusMinusDays: 3 }]);
    assert.equal(week.takenTo, t('2026-11-29'));
  });

  it('on a leap day also takes 28 February (its anniversary in common years)', () => {
    assert.deepEqual(onThisDayWindows({ year: 2028, month: 2, day: 29 }), [
      { month: 2, day: 29, plusMinusDays: 0 },
      { month: 2, day: 28, plusMinusDays: 0 },
    ]);
    assert.deepEqual(onThisDayWindows({ year: 2027, month: 2, day: 28 }), [
      { month: 2, day: 28, plusMinusDays: 0 },
      { month: 2, day: 29, plusMinusDays: 0 },
    ]);
    // 28 February of a leap year has its own 29th.
    assert.deepEqual(onThisDayWindows({ year: 2028, month: 2, day: 28 }), [
      { month: 2, day: 28, plusMinusDays: 0 },
    ]);
    // A window of ±1 already covers the neighbours.
    assert.deepEqual(onThisDayWindows({ year: 2028, month: 2, day: 29 }, 1), [
      { month: 2, day: 29, plusMinusDays: 1 },
    ]);
  });

  it('keeps to a date said with it, and marks this year’s as still to come', () => {
    const today = { year: 2026, month: 12, day: 2 };
    const in2019 = resolveOnThisDay({
      today,
      within: { takenFrom: t('2019-01-01'), takenTo: t('2020-01-01') },
    });
    assert.deepEqual(
      [in2019.takenFrom, in2019.takenTo, in2019.future],
      [t('2019-01-01'), t('2020-01-01'), undefined],
    );
    const thisYear = resolveOnThisDay({
      today,
      within: { takenFrom: t('2026-12-05'), takenTo: t('2027-01-01') },
    });
    assert.deepEqual(thisYear.future, {});
  });

  it('"today five years ago" is that one day; a leap day falls back to 28 February', () => {
    const fiveYears = resolveYearsAgo({ year: 2026, month: 12, day: 2 }, 5);
    assert.deepEqual([fiveYears.takenFrom, fiveYears.takenTo], [t('2021-12-02'), t('2021-12-03')]);
    const leap = resolveYearsAgo({ year: 2028, month: 2, day: 29 }, 1);
    assert.deepEqual([leap.takenFrom, leap.takenTo], [t('2027-02-28'), t('2027-03-01')]);
  });
});
